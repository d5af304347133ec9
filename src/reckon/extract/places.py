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

This module is the entry point: ``find_places`` runs the finders and keeps the most specific
of overlapping mentions, ``country_of`` and ``lookup_place`` answer for a text or a name.
The parts live beside it, one idea each: ``place_tables`` (the data files and lookups in
them), ``place_words`` (how a name is written and the words that tie it to a place),
``place_country`` (country mentions and the country a text or passage is about),
``place_matches`` (runs of words matched against the tables), ``place_patterns`` (sites
named by their kind word), ``place_layout`` (places the layout names: labels, list entries,
coded lines, table cells, run-in headings), ``place_scenes`` (scenes of violence) and
``place_spread`` (a name found once, found again).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

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
from reckon.extract.place_patterns import pattern_sites
from reckon.extract.place_scenes import with_scenes
from reckon.extract.place_spread import (
    with_contained_names,
    with_district_towns,
    with_settlement_names,
    with_short_forms,
    with_site_towns,
)
from reckon.extract.place_tables import (
    PlaceMention,
    country_table,
    fold,
    fuzzy_key,
    gazetteer_rows,
    pick,
    site_table,
)
from reckon.extract.place_words import name_spans
from reckon.model import Place

__all__ = ["PlaceMention", "country_of", "find_countries", "find_places", "is_country_name", "lookup_place",
           "region_country", "section_country"]


# ("...Fergana ValleyLocationSchool No. 3": an infobox flattened into one line glues each label to
# the value before it too)
_GLUED_LABEL = re.compile(r"(?m)(?:^[ \t]*|(?<=[a-z)\]]))(?:Location|Place|Site)(?=[A-Z][a-z])")


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
    return regions_of_labels(text, with_district_towns(text, with_site_towns(text, with_short_forms(
        text, with_settlement_names(text, with_scenes(text, with_contained_names(text, chosen), home))))))


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
