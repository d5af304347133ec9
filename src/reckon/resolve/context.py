"""Which of the batch's places each document names anywhere in its text.

A report's own place is often not the place another source gives for the same event: a
wire dateline ("NIAMEY, Feb 8") or a region ("Mali's Mopti region") against the village or
market where it happened, or no place at all in an appeal that only names the village
further down. The documents still *mention* each other's places: the Niamey wire names
the Tamakoira market, the market story names the Tillabéri region. So each document gets
the set of place keys (``matching.parse_place_key`` form) of the batch's reports that its
text names, spelt as the text spells them or as a variant ("El Gab" names "Gaab",
"Mutchemba" names "Muchemba"); matching treats two reports whose documents name each
other's places as being at one place (a hierarchy the gazetteer cannot always see), and
one-way mentions as weak place evidence that needs corroboration.

The scan is linear in the text: every run of one to ``MAX_WORDS`` words that begins with a
capital, with the generic place words dropped and the rest sorted, is looked up in the
known keys, then (once per distinct spelling, cached) among the keys of similar spelling.

``places_beside`` is the strong form of a mention: the places a text names right beside a
report's own place ("St Agnes College in Dessoro", "the camp near the town of Sebedougou",
"Dessoro's market", "Nkwenfor, Northwest region") are the places it lies in, so a report
at the college and one at the town are one place at two scales.

``explicit_days`` lists the full dates a text gives ("15 March 2031", "2031-03-15"): a page
whose event date the extractor took from a caption or another event still gives the day
another source reports.

``confirmed_country`` applies the same idea to countries: a gazetteer that matched a
same-named place abroad ("Somali" region of another country for a Somali market town,
"Northwest" of another continent) gives a country the document never names while it names
another; such a country is no evidence that two reports are in different countries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection

from datetime import date

from reckon.extract.places import find_countries
from reckon.resolve.aliases import length_bands, normalize_name
from reckon.resolve.blocking import compact_forms

__all__ = [
    "MAX_WORDS",
    "PlaceIndex",
    "confirmed_country",
    "explicit_days",
    "named_countries",
    "places_beside",
]

MAX_WORDS = 4
MIN_VARIANT_LENGTH = 3  # "Gab" / "Gaab"; shorter words are too ambiguous to fuzz
_TOKEN = re.compile(r"\w+")
BESIDE_CHARS = 48  # how far after "in" / "near" / a comma the containing place's name may run
# After a place: a comma or "in" / "near" / "outside", then "the town of" and the like.
_BESIDE_AFTER = re.compile(
    r"(?:\s*,\s*(?:(?:in|near|outside)\s+)?|\s+(?:in|near|outside|on the outskirts of)\s+)"
    r"(?:the\s+)?(?:(?:town|village|city|district|province|region|state|county|commune"
    r"|municipality|area|circle|cercle|prefecture|department|governorate)\s+of\s+)?(?=[A-Z])"
)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_FULL_DATE = re.compile(
    r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<dmy_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_month>{_MONTH}),?\s+"
    r"(?P<dmy_year>\d{4})"
    rf"|(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    r"(?P<mdy_year>\d{4}))\b",
    re.IGNORECASE,
)
# Before a place: a possessive name, "Dessoro's" (market).
_BESIDE_BEFORE = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s\s+(?:[a-z]+\s+)?$")


class PlaceIndex:
    """The batch's place keys, looked up by exact key or by spelling variant."""

    def __init__(
        self,
        known: Collection[str],
        generic: Collection[str],
        is_variant: Callable[[str, str], bool],
        skeleton: Callable[[str], str],
    ) -> None:
        self.known = frozenset(known)
        self.generic = frozenset(generic)
        self.is_variant = is_variant
        self.skeleton = skeleton
        self.blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.skeletons: dict[str, list[str]] = defaultdict(list)
        self.compact: dict[str, str] = {}  # "tinkoumbi" -> "koumbi tin" and back
        for key in sorted(self.known):
            # Keys are sorted words: "Nkwen-For" is "for nkwen", and the "Nkwenfor" a text
            # writes is its words in the order written, so both orders are indexed.
            for form in sorted(compact_forms(key) | {key.replace(" ", "")}):
                self.compact.setdefault(form, key)
            for band in length_bands(len(key)):
                self.blocks[(key[:2], band)].append(key)
            self.skeletons[skeleton(key)].append(key)
        self.cache: dict[str, str | None] = {}

    def lookup(self, key: str) -> str | None:
        """The known key ``key`` is, or is a spelling variant of; None if neither."""
        if key in self.known:
            return key
        if len(key) < MIN_VARIANT_LENGTH:
            return None
        if key in self.cache:
            return self.cache[key]
        together = self.compact.get(key.replace(" ", "")) or next(
            (self.compact[f] for f in sorted(compact_forms(key)) if f in self.compact), None
        )
        if together is not None:
            self.cache[key] = together
            return together
        candidates = set(self.skeletons.get(self.skeleton(key), ()))
        candidates.update(self.blocks.get((key[:2], length_bands(len(key))[0]), ()))
        found = min((c for c in candidates if self.is_variant(key, c)), default=None)
        self.cache[key] = found
        return found

    def mentions(self, text: str) -> frozenset[str]:
        """The known keys ``text`` names, as written or as a variant."""
        if not text or not self.known:
            return frozenset()
        words = [(m.group(), m.group()[:1].isupper()) for m in _TOKEN.finditer(text)]
        folded = [normalize_name(word) for word, _ in words]
        found: set[str] = set()
        for start, (_, capital) in enumerate(words):
            # Place names start with a capital, and with a specific word once generic
            # words ("the", "camp") are dropped.
            if not capital or folded[start] in self.generic:
                continue
            specific: list[str] = []
            for word in folded[start : start + MAX_WORDS]:
                if word and word not in self.generic:
                    specific.append(word)
                key = " ".join(sorted(set(" ".join(specific).split())))
                if key:
                    hit = self.lookup(key)
                    if hit is not None:
                        found.add(hit)
        return frozenset(found)


def named_countries(text: str) -> frozenset[str]:
    """ISO codes of the countries a text names, by name or national adjective."""
    return frozenset(m.country for m in find_countries(text) if m.country)


def confirmed_country(country: str | None, named: Collection[str]) -> str | None:
    """``country``, unless the text names countries and not this one (then None: unknown).

    A text that names no country says nothing either way; one that names "Somali" elders
    and a report placed in another country's "Somali" region contradicts the gazetteer.
    """
    if country is None or not named or country in named:
        return country
    return None


def places_beside(text: str, start: int, end: int, index: PlaceIndex) -> frozenset[str]:
    """Known place keys the text names right beside the place at ``text[start:end]``."""
    found: set[str] = set()
    after = _BESIDE_AFTER.match(text, end)
    if after:
        window = text[after.end() : after.end() + BESIDE_CHARS]
        found |= index.mentions(re.split(r"[.;:()\n]", window, maxsplit=1)[0])
    before = _BESIDE_BEFORE.search(text[max(0, start - BESIDE_CHARS) : start])
    if before:
        found |= index.mentions(before.group(1))
    return frozenset(found)


def explicit_days(text: str, published: int | None = None) -> frozenset[int]:
    """Ordinals of the full dates (day, month and year written out) a text gives.

    "15 March 2031", "March 15, 2031", "2031-03-15". Relative dates ("on Monday") are left
    out: they are an extractor's resolution, not the text's. So are days after
    ``published`` (an ordinal): a trial date, a deadline. One regular expression, not the
    extractor's date grammar: this runs over every document at every resolution.
    """
    days = set()
    # Years are rare in a text: find them first, then read the date that ends with each.
    matches = []
    for year in _YEAR.finditer(text):
        match = _FULL_DATE.search(text, max(0, year.start() - 24), year.end() + 6)
        if match and (match.end() == year.end() or match["iso"]):
            matches.append(match)
    for match in matches:
        if match["iso"]:
            year, month, day = int(match["iso"][:4]), int(match["iso"][5:7]), int(match["iso"][8:])
        elif match["dmy_day"]:
            year, day = int(match["dmy_year"]), int(match["dmy_day"])
            month = _MONTH_NUMBERS[match["dmy_month"][:3].casefold()]
        else:
            year, day = int(match["mdy_year"]), int(match["mdy_day"])
            month = _MONTH_NUMBERS[match["mdy_month"][:3].casefold()]
        try:
            ordinal = date(year, month, day).toordinal()
        except ValueError:
            continue
        if published is None or ordinal <= published:
            days.add(ordinal)
    return frozenset(days)
