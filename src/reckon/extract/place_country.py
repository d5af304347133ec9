"""Which country: country names and adjectives in text, the country a text or a passage is about.

Country names and national adjectives found in text ("Nigeria", "Nigerian troops"); the
home country a text is mostly about, counted before GeoNames matches are judged; the
country a digest's section heading or entry label puts a passage in; the one country whose
regions a text names; and the country an apposition or a chain of areas after a name
states ("Baga, Borno State", "X village, Y district, Upper East region"). These read
countries, not places, and every finder of places asks them for the country to give.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from reckon.extract.place_tables import (
    BIG_CITY,
    PlaceMention,
    country_table,
    fold,
    gazetteer_rows,
    place_stopwords,
    site_table,
)
from reckon.extract.place_words import (
    NAME,
    PLACE_NEXT,
    inside_person_name,
    name_spans,
    next_to_capital,
    sentence_start,
)
from reckon.model import Span


_APPOSITION = re.compile(rf",[ ]+(?P<n>{NAME})")


def find_countries(text: str) -> list[PlaceMention]:
    """Country names and national adjectives ("Nigeria", "Nigerian troops", "Iraqis")."""
    return _find_countries(text, list(name_spans(text)))


def _find_countries(text: str, spans: list[tuple[int, int, str, str]]) -> list[PlaceMention]:
    index, names = country_table()
    found = []
    for start, end, key, surface in spans:
        hit = index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)
        if hit is None:
            continue
        code, weak, how = hit
        if weak and next_to_capital(text, start, end):
            continue
        kind = "country" if how == "name" else "demonym"
        found.append(PlaceMention(span=Span(start=start, end=end), text=surface, name=names[code], kind=kind,
                                  country=code, source=kind))  # fmt: skip
    return _longest_first(found)


def _longest_first(found: list[PlaceMention]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    last_end = -1
    for m in sorted(found, key=lambda m: (m.span.start, -len(m.span))):
        if m.span.start >= last_end:
            out.append(m)
            last_end = m.span.end
    return out


WEIGHT = {"sites": 2.0, "fuzzy": 2.0, "pattern": 2.0, "geonames": 2.0, "country": 1.0, "demonym": 0.5}


_REGION_NAMED = re.compile(r"([A-Z][\w'’ -]{2,40}?)[ ](?:[Ss]tate|[Pp]rovince|[Rr]egion|[Gg]overnorate|[Dd]epartment)")


def home_country(text: str, spans: list[tuple[int, int, str, str]]) -> str | None:
    """The country the text is mostly about, before GeoNames matches are judged.

    Country names count 1, national adjectives 0.5 ("the Australian gunman" in a New
    Zealand story), listed sites and unambiguous cities of 100 000+ count 2.
    """
    counts: Counter[str] = Counter()
    for m in _find_countries(text, spans):
        counts[m.country or ""] += WEIGHT[m.source]
    sites, stop = site_table()[0], place_stopwords()
    for start, end, key, surface in spans:
        for row, weak in sites.get(key, []):
            # "Wambui Nduta Kariuki": a one-word site name as a person's middle name votes for nothing
            if not weak and row.country and (" " in key or not inside_person_name(text, start, end)):
                counts[row.country] += 2.0
        if " " not in key and key not in stop and not surface.isupper() \
                and not re.match(r"[ ](?:do|da|dos|das|de|del|della|di|du|des)[ ][A-Z]", text[end:end + 8]):
            # ("Palmas del Norte", a company, is no vote for Palmas); main names only: "Sur" is an old name of Tyre but, in Philippine text, a suffix
            rows = gazetteer_rows(key)
            big = [r for r in rows if r.population >= BIG_CITY and r.kind == "city"
                   and fold(r.name) == key]  # fmt: skip
            # "Ontario" is a Californian city and a Canadian province: a city another country's
            # region shares its name with says nothing of which country the text is about
            if any(r.kind == "region" and fold(r.name) == key and r.country not in {b.country for b in big}
                   for r in rows):
                big = []
            # "San Isidro Tlaxco": a one-word city followed by another name may be only the head
            # of a longer name (the Malian city San): half a vote, unless the word says what it is
            # ("Kabul Province")
            after = re.match(r"[ ]([A-Z][\w'’-]*)", text[end:end + 40])
            # "Ch'uxña Marka", "Villa Nueva Marka": a one-word city after another name word, ending it, is
            # that name's tail (the Somali city Marka), no vote for its country ("Tha Pyay Aing" keeps
            # the half vote of a word inside a longer name)
            before = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*)[ ]$", text[max(0, start - 40):start])
            if after is None and before is not None and fold(before.group(1)) not in stop and fold(before.group(1)) not in PLACE_NEXT \
                    and not sentence_start(text, start - len(before.group(0))):
                big = []
            if len(big) == 1:
                counts[big[0].country or ""] += 2.0 if after is None or fold(after.group(1)) in PLACE_NEXT else 1.0
        named = _REGION_NAMED.fullmatch(surface)
        if named is not None:
            # "in Guerrero state", "Borno State": a region its own word calls one
            regions = {r.country for r in gazetteer_rows(fold(named.group(1))) if r.kind == "region"}
            if len(regions) == 1:
                counts[regions.pop() or ""] += 2.0
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else None


def apposition_country(text: str, end: int) -> str | None:
    """ "Baga, Borno State" / "Kunduz, Afghanistan": the country the apposition names."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return None
    words = m.group("n")
    countries = country_table()[0]
    for cut in range(len(words.split()), 0, -1):
        key = fold(" ".join(words.split()[:cut]))
        if key in countries and countries[key][2] == "name":
            return countries[key][0]
        regions = [r for r in gazetteer_rows(key) if r.kind == "region"]
        if regions:
            return max(regions, key=lambda r: r.population).country
    return None


# "X village, Y district, Upper East region", "X, a village in Tillabéri region": the areas
# a village is placed in, one after another, after it.
_CHAIN_STEP = re.compile(
    rf"(?:,[ ]|[ ])(?:(?:in|near|of)[ ])?(?:(?:the|a|an)[ ](?:[a-z]+[ ]){{0,2}}?(?:in[ ](?:the[ ])?)?)?(?P<n>{NAME})"
    r"(?:[ ](?:region|district|province|state|prefecture|department|county|governorate|regency|municipality|"
    r"Region|District|Province|State|Prefecture|Department|County|Governorate|Regency))?")


def chain_country(text: str, end: int) -> str | None:
    """The country of the first area in the chain after a village that is a country or a
    region of one country only (a region two countries share, like Savanes, tells nothing)."""
    countries = country_table()[0]
    for _ in range(4):
        step = _CHAIN_STEP.match(text, end)
        if step is None:
            return None
        end = step.end()
        key = re.sub(r" (?:region|district|province|state|prefecture|department|county|governorate|regency)$", "",
                     fold(step.group("n")))
        if key in countries and countries[key][2] == "name":
            return countries[key][0]
        regions = {r.country for r in gazetteer_rows(key) if r.kind == "region" and r.country}
        if len(regions) == 1:
            return regions.pop()
    return None


_COUNTRY_LINE = re.compile(r"(?m)^[ \t]*(?P<c>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'’-]{2,40}?)[ \t]*$")
# ... or the label opening an entry: "Mali (Ségou): Gunmen killed ...", "Mali: ...".
_COUNTRY_LABEL = re.compile(r"(?m)^[ \t]*(?P<c>[A-Z][A-Za-z .'’-]{2,40}?)[ ]?(?:\([^()\n]{2,40}\))?:[ ]")


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's name (not an adjective: "Malian" names no place)."""
    hit = country_table()[0].get(fold(name))
    return hit is not None and hit[2] == "name"


def section_country(text: str, position: int) -> str | None:
    """The country a digest's section heading names above ``position`` ("MALI" on a line of
    its own, then that country's entries): a place no table knows is in that country."""
    line_start = text.rfind("\n", 0, position) + 1
    # The line holding ``position``, cut there, is a heading to a search that stops there
    # ("Nigeria Kaduna: ..." cut before "Kaduna"); lines before it are read once per text.
    cut = _COUNTRY_LINE.match(text, line_start, position)
    if cut is not None:
        country = country_named(cut.group("c"))
        if country is not None or cut.group("c").isupper():
            return country
    starts, headings = _country_headings(text)
    for at in range(bisect.bisect_left(starts, position) - 1, -1, -1):
        end, country = headings[at]
        if end <= position:
            return country
    return None


def country_named(name: str) -> str | None:
    hit = country_table()[0].get(fold(name))
    return hit[0] if hit is not None and hit[2] == "name" else None


@lru_cache(maxsize=4)
def _country_headings(text: str) -> tuple[list[int], list[tuple[int, str | None]]]:
    """Every line or entry label of ``text`` that names a country, and every heading in
    capitals that names none ("TRENDS", "KEY DEVELOPMENTS": it ends the country's section,
    so its country is None): starts, and (end, code)."""
    lines = sorted([*_COUNTRY_LINE.finditer(text), *_COUNTRY_LABEL.finditer(text)], key=lambda line: line.start())
    found = []
    for line in lines:
        country = country_named(line.group("c"))
        if country is not None or (line.re is _COUNTRY_LINE and line.group("c").isupper()):
            found.append((line.start(), line.end(), country))
    return [start for start, _, _ in found], [(end, country) for _, end, country in found]


_CAPITALISED_RUN = re.compile(r"\b[A-Z][A-Za-z'’-]+(?:[ ][A-Z][A-Za-z'’-]+)?")  # "THE JONGLEI MONITOR" too


# Regions named by an ordinary word or a wider area's name ("Central", "Unity", "Sahel"):
# no evidence of a country on their own.
_REGION_WORDS = frozenset("central centre centrale east west north south eastern western northern southern lakes "
                          "unity delta plateau rivers niger littoral maritime upper lower gaza kara sahel nord "
                          "lagunes lacs centre-nord centre-est centre-sud".split())


def region_country(text: str) -> str | None:
    """The one country whose first-level regions the text names anywhere, even inside another
    name ("The Jonglei Monitor"): a local paper that never names its country still names its
    province. None when no region, or regions of two countries, are named."""
    countries = set()
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split(" ")
        for key in {fold(match.group()), *(fold(word) for word in words)}:
            if key in place_stopwords() or len(key) < 4 or key in _REGION_WORDS:
                continue
            countries.update(r.country for r in gazetteer_rows(key) if r.kind == "region" and r.country)
        if len(countries) > 1:
            return None
    return countries.pop() if countries else None
