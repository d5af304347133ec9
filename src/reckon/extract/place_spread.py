"""A name found once as a place is that place where the text writes it again.

"the Terra Prometida camp" ... "in Terra Prometida"; "attacked Osk-Rugo village" ... "the
clinic in Osk-Rugo"; and a name no table knows placed by the known place that holds it ("in
Nabouli, in the Gnagna province"), then wherever else the text uses it. No table knows most
villages, so without this only the one mention with its kind word votes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reckon.extract.place_patterns import SUFFIX_SITE
from reckon.extract.place_tables import PlaceMention, country_table, fold, place_stopwords
from reckon.extract.place_words import NAME, NOT_PLACE_WORDS
from reckon.model import Span


_SHORT_FORM_KINDS = frozenset({"camp", "school", "university", "hospital", "mosque", "church", "market", "prison",
                               "mall", "hotel", "stadium", "temple", "synagogue"})


def with_short_forms(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
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


def with_contained_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
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


_CALLED_TOWN = re.compile(r",[ ]an?[ ][^,.;:]{0,30}?\b(?:town|city|settlement)\b")


def with_settlement_names(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
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
        # a town the text calls one ("the town of X", "X, a mostly Shi'ite town west of Y") too
        called_town = mention.kind == "town" and (mention.text != name or _CALLED_TOWN.match(text, mention.span.end))
        if mention.source != "pattern" or not (mention.kind == "village" or called_town) or name in seen \
                or name not in mention.text \
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


# "the Noor-e-Danesh education centre in Shahrak-i-Noor", "the Tarn Street mosque in Kessock": a
# named site placed in a name no table knows
_SITE_IN = re.compile(rf"[ ]in[ ](?P<y>{NAME})(?![ ][A-Z])(?![\w'’‑-])")
_SITE_KINDS_HELD = frozenset({"school", "university", "mosque", "church", "market", "temple", "synagogue", "club",
                              "hotel", "mall", "stadium", "camp", "prison", "mine"})


def with_site_towns(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """The town a named site is said to stand in, and that town wherever else the text names it
    alone. No table knows most small towns; the site's own sentence places them."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    for site in chosen:
        if site.kind not in _SITE_KINDS_HELD or site.source not in ("pattern", "sites"):
            continue
        match = _SITE_IN.match(text, site.span.end)
        if match is None:
            continue
        start, end = match.span("y")
        name = match.group("y")
        words = name.split()
        if fold(words[0]) in stop or words[0].lower() in NOT_PLACE_WORDS or fold(name) in country_table()[0] \
                or len(name) < 4 or name.isupper():
            continue
        # (already found there as a scene: then only its other mentions are new)
        known = next((m for m in chosen if m.span.start == start and m.span.end == end and m.source == "pattern"
                      and m.kind in ("town", "village")), None)
        if known is None and any(a < end and start < b for a, b in taken):
            continue
        town = known or PlaceMention(span=Span(start=start, end=end), text=name, name=name, kind="town",
                                     country=site.country, source="contained")
        if known is None:
            found.append(town)
            taken.append((start, end))
        for hit in re.finditer(rf"(?<![\w‑-]){re.escape(name)}(?![\w‑-])(?![ ][A-Z])(?!['’]s\b)", text):
            if not any(a < hit.end() and hit.start() < b for a, b in taken):
                found.append(replace(town, span=Span(start=hit.start(), end=hit.end()), text=hit.group()))
                taken.append(hit.span())
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen


# "in Vozhdara", "the people of Vozhdara", "the central square of Vozhdara": a name written alone
# after a word of place
_BARE_AFTER_LOCATIVE = re.compile(r"\b(?:in|at|of|near|from|outside|inside)[ ]$")


def with_district_towns(text: str, chosen: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Vozhdara district hospital" ... "nobody in Vozhdara": a name the text gives a district
    (or a site named after the district: "X district hospital") is a town where the text writes it
    alone after a word of place, at least twice. Districts are mostly named after their seat, and a
    report that says "in X" without the word means the town, which no table knows."""
    taken = [(m.span.start, m.span.end) for m in chosen]
    stop = place_stopwords()
    found: list[PlaceMention] = []
    for mention in chosen:
        if mention.source != "pattern" or mention.kind != "district":
            continue
        words = mention.name.split()
        if len(words) < 2 or words[-1].lower() != "district":
            continue
        name = " ".join(words[:-1])
        if fold(name) in stop or fold(name) in country_table()[0] or len(name) < 4 or name.isupper() \
                or any(f.name == name for f in found):
            continue
        hits = [h for h in re.finditer(rf"(?<![\w‑-]){re.escape(name)}(?![\w‑-])(?![ ][A-Z])(?!['’]s\b)", text)
                if _BARE_AFTER_LOCATIVE.search(text, max(0, h.start() - 8), h.start())
                and not any(a < h.end() and h.start() < b for a, b in taken)]
        if len(hits) < 2:
            continue
        for hit in hits:
            found.append(PlaceMention(span=Span(start=hit.start(), end=hit.end()), text=hit.group(), name=name,
                                      kind="town", country=mention.country, admin1=mention.admin1, source="contained"))
            taken.append(hit.span())
    return sorted([*chosen, *found], key=lambda m: m.span.start) if found else chosen
