"""Places in text: named sites, populated places, regions and countries.

Four sources, most specific first, each a data file in ``reckon/data``:

- ``places.tsv`` — conflict-related SITES that GeoNames lacks or mis-types (camps,
  prisons, universities, squares, hospitals, mosques, ...), with aliases. A weak
  alias ("~Ashraf") counts only after a locative word ("in Ashraf"). A misspelt name
  ("Ahsraf") is matched with rapidfuzz under a conservative edit bound.
- patterns — sites named by their kind word even when not listed: "X Square",
  "Camp X", "X refugee camp", "X University College", "X prison", "X Trauma Centre",
  "X Mosque", "Sitio X", "Barangay X", "the town of X", "X State"/"X province".
- ``gazetteer.tsv.gz`` — GeoNames populated places (population >= 500) and admin1
  regions (see ``scripts/build_gazetteer.py``). Place names that are also words
  ("Reading", "Police", "Of") are the risk, so a GeoNames match needs one of: a tie
  in the text ("in X", "the town of X", "X, Nigeria", "X State", a dateline "X, date"),
  a population of 100 000 or more, or 5 000 or more in the document's main country;
  and it is refused after another capitalised word ("Justice Cameron"), before
  "said", or when the word is in ``place_stopwords.txt`` without such a tie.
- ``countries.tsv`` — country names, aliases and adjectives ("Nigerian").

Data load once per process (``lru_cache``); the GeoNames index takes ~0.5 s and is
built only when first needed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reckon.extract.place_country import (
    WEIGHT,
    find_countries,
    home_country,
    is_country_name,
    region_country,
    section_country,
)
from reckon.extract.place_layout import labelled_places, regions_of_labels, table_places
from reckon.extract.place_matches import token_matches
from reckon.extract.place_patterns import SUFFIX_SITE, pattern_sites
from reckon.extract.place_scenes import with_scenes
from reckon.extract.place_tables import (
    PlaceMention,
    country_table,
    fold,
    fuzzy_key,
    gazetteer_rows,
    pick,
    place_stopwords,
    site_table,
)
from reckon.extract.place_words import NAME, NOT_PLACE_WORDS, name_spans
from reckon.model import Place, Span

__all__ = ["PlaceMention", "country_of", "find_countries", "find_places", "is_country_name", "lookup_place", "region_country", "section_country"]


_GLUED_LABEL = re.compile(r"(?m)^[ \t]*(?:Location|Place|Site)(?=[A-Z][a-z])")


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in ``text``: sites, pattern sites, GeoNames places, countries.

    Sorted by start, non-overlapping; a longer name wins over a shorter one inside it,
    and at equal length a listed site over a pattern over GeoNames.
    """
    if not text:
        return []
    # "LocationBeslan, Russia": an infobox label run into its value hides the name; blank
    # the label (same length, so every span still indexes the document's text).
    written = text
    text = _GLUED_LABEL.sub(lambda m: " " * len(m.group()), text)
    spans = list(name_spans(text))
    home = home_country(text, spans)
    candidates: list[tuple[int, int, int, PlaceMention]] = []  # (start, -length, priority, mention)
    for mention in pattern_sites(text, home):
        candidates.append((mention.span.start, -len(mention.span), 1, mention))
    for mention in labelled_places(written, home):  # last: any table that knows the name places it better
        candidates.append((mention.span.start, -len(mention.span), 4, mention))
    for mention in table_places(written, home):
        candidates.append((mention.span.start, -len(mention.span), 1, mention))
    for mention in token_matches(text, home, spans):
        priority = {"sites": 0, "fuzzy": 0, "country": 2, "geonames": 3}[mention.source]
        candidates.append((mention.span.start, -len(mention.span), priority, mention))
    chosen: list[PlaceMention] = []
    last_end = -1
    for start, _, _, mention in sorted(candidates, key=lambda c: c[:3]):
        if start >= last_end:
            chosen.append(mention)
            last_end = mention.span.end
    return regions_of_labels(text, _with_short_forms(text, _with_settlement_names(
        text, with_scenes(text, _with_contained_names(text, chosen), home))))


_SHORT_FORM_KINDS = frozenset({"camp", "school", "university", "hospital", "mosque", "church", "market", "prison",
                               "mall", "hotel", "stadium", "temple", "synagogue"})


def _with_short_forms(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Terra Prometida camp" ... "gunned down in Terra Prometida": a site found by its
    kind word is the same site where the text names it without that word. Only names of
    two words or more, which are not ordinary words or one person's given name."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    found: list[PlaceMention] = []
    seen: set[str] = set()
    for mention in chosen:
        if mention.source != "pattern" or mention.kind not in _SHORT_FORM_KINDS:
            continue
        match = SUFFIX_SITE.fullmatch(mention.text)
        short = match.group("x") if match else None
        if not short or len(short.split()) < 2 or short in seen or fold(short) in country_table()[0]:
            continue
        seen.add(short)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?![ ][A-Z])", text):
            start, end = hit.span()
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=hit.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


# "in Nabouli, in the Gnagna province", "at Tamakoira, in the department of Ouallam",
# "near Kapsiria, Baringo County": a name no table knows, placed by the known place that
# holds it. Small villages are exactly what gazetteers lack, and reports name them so.
_CONTAINED = re.compile(
    rf"\b(?:in|at|near|outside|of)[ ](?P<x>{NAME})(?:,[ ]|[ ]\(|[ ])(?:in[ ]|near[ ])?(?:the[ ])?"
    r"(?:(?:department|province|region|district|state|county|commune|municipality)[ ]of[ ])?"
)


def _with_contained_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    by_start = {m.span.start: m for m in chosen if m.kind != "demonym"}
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    for match in _CONTAINED.finditer(text):
        holder = by_start.get(match.end())
        if holder is None:
            continue
        start, end = match.span("x")
        name = match.group("x")
        words = name.split()
        if any(a < end and start < b for a, b in taken) or fold(words[0]) in stop or \
                words[0].lower() in NOT_PLACE_WORDS or len(name) < 3 or name.isupper():
            continue
        found.append(PlaceMention(span=Span(start=start, end=end), text=name, name=name, kind="village",
                                  country=holder.country, admin1=holder.admin1 or (holder.name if holder.kind == "region" else None),
                                  source="contained"))  # fmt: skip
        taken.append((start, end))
    # Once placed, the name is a place wherever else the document uses it.
    for mention in list(found):
        for match in re.finditer(rf"(?<![\w-]){re.escape(mention.name)}(?![\w-])", text):
            start, end = match.span()
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=match.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


def _with_settlement_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """ "attacked Osk-Rugo village" ... "the clinic in Osk-Rugo" ... "who visited Osk-Rugo": a
    name the text once calls a village is that village wherever else the text writes it alone.
    No table knows most villages, so without this only the one mention with its kind word
    votes, and a town named three times as where the wounded went outvotes the scene."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    seen: set[str] = set()
    for mention in chosen:
        name = mention.name
        if mention.source != "pattern" or mention.kind != "village" or name in seen or name not in mention.text \
                or fold(name) in stop or fold(name) in country_table()[0] or len(name) < 4:
            continue
        seen.add(name)
        # not inside a longer name ("Osk-Rugo Tea Estate", "New Osk-Rugo") nor an owner ("Osk-Rugo's chief")
        for hit in re.finditer(rf"(?<![\w‑-]){re.escape(name)}(?![\w‑-])(?![ ][A-Z])(?!['’]s\b)", text):
            start, end = hit.span()
            before = re.search(r"([A-Z][\w'’‑-]*)[ ]$", text[max(0, start - 40):start])
            if before and fold(before.group(1)) not in stop:
                continue  # "Mount Osk-Rugo": the end of another name
            if not any(a < end and start < b for a, b in taken):
                found.append(replace(mention, span=Span(start=start, end=end), text=hit.group()))
                taken.append((start, end))
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


def country_of(source: str | Sequence[PlaceMention]) -> str | None:
    """The most-mentioned country of a text (its places and national adjectives) or of mentions.

    A named place inside a country counts 2, the country's name 1, a national
    adjective 0.5 (a story about Kunduz that names the United States often is still
    about Afghanistan); ties go to the country mentioned first.
    """
    if isinstance(source, str):
        places = find_places(source)
        mentions = places + [m for m in find_countries(source) if m.kind == "demonym"]
    else:
        mentions = list(source)
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.country:
            counts[m.country] += WEIGHT.get(m.source, 1.0)
    if not counts:
        return None
    first = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.country:
            first.setdefault(m.country, m.span.start)
    return max(counts, key=lambda cc: (counts[cc], -first[cc]))


def lookup_place(name: str, *, country: str | None = None) -> Place | None:
    """A canonical Place for a name: listed site, country, GeoNames place, or a near miss."""
    key = fold(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    if not key:
        return None
    sites, fuzzy_keys = site_table()
    row = pick([r for r, _ in sites.get(key, [])], country)
    if row is None:
        code = country_table()[0].get(key)
        if code is not None and code[2] == "name":
            return Place(name=country_table()[1][code[0]], country=code[0], kind="country")
        row = pick(gazetteer_rows(key), country, prefer_city=True)
    if row is None:
        near = fuzzy_key(key, fuzzy_keys)
        row = pick([r for r, _ in sites.get(near, [])], country) if near else None
    if row is None:
        return None
    return Place(name=row.name, country=row.country, latitude=row.latitude, longitude=row.longitude,
                 admin1=row.admin1, kind=row.kind)  # fmt: skip
