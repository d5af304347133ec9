"""Runs of capitalised words matched against the tables: listed sites, countries, GeoNames places.

Each run of words is tried as a listed site (a weak alias only after a locative), a
country, a GeoNames place, and last as a misspelt site where a place must be. A GeoNames
match is the risky one (place names that are also words or surnames), so it needs a tie in
the text or a big population, and is refused beside another name word or before "said".
Kept apart from the patterns that find sites by their kind word, which match text the
tables never list.
"""

from __future__ import annotations

import re

from reckon.extract.place_country import apposition_country, find_countries
from reckon.extract.place_tables import (
    BIG_CITY,
    HOME_TOWN,
    PlaceMention,
    country_table,
    fold,
    fuzzy_key,
    gazetteer_rows,
    pick,
    place_stopwords,
    site_row,
    site_table,
)
from reckon.extract.place_words import (
    PLACE_NEXT,
    inside_person_name,
    is_locative,
    next_to_capital,
    sentence_start,
)
from reckon.model import Span


_FEATURE_AFTER = re.compile(r"[ ](?:forest|river|mountains?|hills?|lake|plateau|swamp|desert|park|reserve|valley|"
                            r"plantation|estate|highway|road)\b")


# "Ampatuan town", "Kasso village": a name the next word calls a settlement.
_SETTLEMENT_AFTER = re.compile(r"[ ](?:town|village|city|hamlet|settlement)\b")
_ADMIN_AFTER = re.compile(r"[ ](?:[Ss]tate|[Pp]rovince|[Gg]overnorate|[Rr]egion|[Dd]istrict|County|Oblast)\b")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|stated|noted|wrote)\b")


def token_matches(text: str, home: str | None, spans: list[tuple[int, int, str, str]]) -> list[PlaceMention]:
    sites, fuzzy_keys = site_table()
    countries, names = country_table()
    stop = place_stopwords()
    lowered = None
    out: list[PlaceMention] = []
    skip_until = -1
    for start, end, key, surface in spans:
        if start < skip_until:
            continue
        span = Span(start=start, end=end)
        hit = None
        # a weak alias needs "in"/"at"/... before it and no name word after it ("in Ashraf Velde's")
        locative = is_locative(text, start) and not re.match(r"[ ][A-Z][a-z]", text[end : end + 3])
        row = site_row(sites.get(key, []), home, locative=locative)
        if row is not None and " " not in key and not locative and inside_person_name(text, start, end):
            row = None  # "Wambui Nduta Kariuki": a one-word site name as a person's middle name
        if row is not None:
            hit = PlaceMention(span=span, text=surface, name=row.name, kind=row.kind, country=row.country,
                               admin1=row.admin1, latitude=row.latitude, longitude=row.longitude, source="sites")  # fmt: skip
        if hit is None and key in countries and countries[key][2] == "name":
            code, weak, _ = countries[key]
            if not (weak and next_to_capital(text, start, end)):
                hit = PlaceMention(span=span, text=surface, name=names[code], kind="country", country=code, source="country")
        # "a southern Thai night market": a nation's adjective is no town a gazetteer knows by that word
        adjective = key in countries and countries[key][2] == "adjective"
        if hit is None and not adjective and len(key) >= 3 and not (surface.isupper() and len(surface) <= 4):
            if lowered is None:
                lowered = set(re.findall(r"\b[a-z]+\b", text))
            hit = _geonames_match(text, span, surface, key, home, stop, lowered)
        if hit is None and locative and " " not in key and len(key) >= 5 and key not in stop \
                and not _FEATURE_AFTER.match(text, end):  # "towards the Kibira forest": a forest, no misspelt site
            near = fuzzy_key(key, fuzzy_keys)  # a misspelt site, read only where a place must be
            row = site_row(sites[near], home, locative=locative) if near else None
            # "in Mulambi" in a Congolese report is no misspelling of a Rwandan school: a site abroad
            # is read from an exact name only
            if row is not None and home and row.country and row.country != home:
                row = None
            if row is not None:
                hit = PlaceMention(span=span, text=surface, name=row.name, kind=row.kind, country=row.country,
                                   admin1=row.admin1, latitude=row.latitude, longitude=row.longitude,
                                   source="fuzzy")  # fmt: skip
        if hit is not None:
            out.append(hit)
            skip_until = end
    return out


def _geonames_match(
    text: str, span: Span, surface: str, key: str, home: str | None, stop: frozenset[str], lowered: set[str]
) -> PlaceMention | None:
    rows = gazetteer_rows(key)
    if not rows:
        return None
    start, end = span.start, span.end
    after = text[end : end + 40]
    region_word = bool(_ADMIN_AFTER.match(after))
    tie_country = apposition_country(text, end)
    dateline = surface.isupper() and after.startswith(",") and (start == 0 or text[start - 1] == "\n")
    settlement = bool(_SETTLEMENT_AFTER.match(after))
    tied = is_locative(text, start) or region_word or tie_country is not None or dateline or settlement
    row = pick(rows, tie_country or home, prefer_city=not region_word)
    assert row is not None
    if key in stop or (" " not in key and key in lowered):
        if not (tie_country or dateline or re.search(r"(?:town|village|city)\s+of\s+$", text[max(0, start - 20) : start])):
            return None  # "Police", "Reading", "Most": ordinary words unless tied to a place
    if _SPEECH_AFTER.match(after):
        return None  # "Jackson said": a person
    if re.match(r",[ ]\d{1,3},", after):
        return None  # "Yasser Hamid, 34, was serving tea": an age in apposition follows a person
    if surface.isupper() and not dateline and fold(row.name) != key:
        return None  # "USTINOV": a headline surname that is an old name of a city
    before = text[max(0, start - 30) : start]
    # (with its joined article: the hyphen of "al-Mansuriya" is no bullet opening a line)
    prev = re.search(r"(?<![\w-])((?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'’-]*)[ ]$", before)
    if prev and not sentence_start(text, start - len(prev.group(0))) and fold(prev.group(1)) not in country_table()[0]:
        if not is_locative(text, start):
            return None  # "Justice Cameron", "Wesley Martin": a surname
    if re.search(r"[A-Z][\w'’-]*[ ](?:del|de|la|du|da|al|el|y|di|do|dos|das)[ ]$", before):
        return None  # "Maguindanao del Sur": the tail of a longer name
    if re.match(r"[ ](?:do|da|dos|das|de|del|della|di|du|des)[ ][A-Z]", after):
        return None  # "Vila Nova do Capimirim": the head of a longer name no table knows
    if re.match(r"[ ](?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑][A-Z]", after):
        return None  # "Bir al-Mahasna": the head of a longer Arabic name no table knows
    following = re.match(r"[ ]([A-Z][\w'’-]*)", after)
    if following and not region_word and fold(following.group(1)) not in PLACE_NEXT:
        return None  # "Vladimir Ustinov", "Boko Haram", "Quds Force": part of another name
    if home and row.country != home and row.population < BIG_CITY and tie_country is None:
        return None  # "in Linwood" in a New Zealand story is not the Scottish town
    if home and row.kind == "region" and row.country != home and tie_country is None and not region_word \
            and not _country_named(text, row.country):
        # "groups active in the Sahel" in an Algerian communiqué: a big region of another country
        # the text never names (Burkina Faso's "Sahel") is a word for a wider area, not a scene.
        return None
    if fold(row.name) != key and row.population < BIG_CITY and row.kind != "region":
        # Known by this name only as an alternate ("Santa Clara" for Tupanatinga, "Vila
        # Nova" for Neópolis): for a small place that is an old or a neighbouring name, not
        # the place a report means.
        return None
    big = row.population >= BIG_CITY or (row.population >= HOME_TOWN and row.country == home)
    if not (tied or big):
        return None
    name = row.name if row.name.isascii() else " ".join(surface.split())
    return PlaceMention(span=span, text=surface, name=name, kind="region" if row.kind == "region" else "city",
                        country=row.country, admin1=row.admin1, latitude=row.latitude, longitude=row.longitude,
                        source="geonames")  # fmt: skip


def _country_named(text: str, country: str) -> bool:
    """Whether the text names the country or its people ("Burkina Faso", "Burkinabe")."""
    return any(m.country == country for m in find_countries(text))
