"""Datelines: where the reporter files from, which is not always where the event happened.

A dateline ("MANILA, Philippines -", "NAIROBI (Reuters) -", "Kabul:", "Geneva, 14 March 2026
-") opens a report with the town it is filed from. Its places cast no vote for the report's
main place and give no figure a place of their own; but when the report's harm sentences set
the harm "here" or "in the town", the dateline's town is the scene. Finding datelines and
reading their town is one idea of the text's layout, apart from the vote for the main place
(``main_place``) and the grouping of figures (``incidents``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reckon.extract.place_rank import specificity
from reckon.extract.places import PlaceMention, find_countries, is_country_name
from reckon.model import Span

__all__ = ["dateline_town", "find_datelines"]


# A dateline ("MANILA, Philippines -", "NAIROBI (Reuters) -") names where the reporter
# files from, which is often not where the event happened: it does not vote for the place.
# "Kabul: Gunmen ..." and " date 2019-12-19 Manila: A court ...", the colon form of
# South Asian and wire copy, are datelines too.
_DATELINE = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'/-]{2,40}(?:,[ \t]*[A-Za-z .]{2,30})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*"
                       r"[-\u2013\u2014:,]|(?:(?:date[ \t]+)?\d{4}-\d\d-\d\d[ \t]+)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}:(?=[ ][A-Z])"
                       # "Geneva, 14 March 2026 –": a press release's town and full date, in any case
                       r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?:[ ]?/[ ]?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})?,[ \t]*"
                       r"(?:\d{1,2}[ ][A-Z][a-z]+|[A-Z][a-z]+\.?[ ]\d{1,2},)[ ]\d{4}[ \t]*[-\u2013\u2014:])")


def find_datelines(text: str) -> list[Span]:
    return [Span(start=m.start(), end=m.end()) for m in _DATELINE.finditer(text[:20000])]


# "MBOLETA, Ethiopia, 4 March -", "KOBRA (Agency) -": the town in capitals a dateline opens
# with, and the country it may name after it.
_DATELINE_TOWN = re.compile(r"[ \t\n]*(?P<town>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:[ ][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3})"
                            r"(?:,[ \t]*(?P<country>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,3}))?(?=[ \t]*[,(:\-\u2013\u2014])")
# Words by which a report sets its event in the town it files from: "attacked a market here",
# "in the town", "near the town".
_HERE = re.compile(r"\b(?:here|(?:in|near|outside|around|at|on\s+the\s+outskirts\s+of|attacked|stormed|raided)\s+"
                   r"(?:the|this)\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village))\b(?!\s+of\b)", re.IGNORECASE)


def dateline_town(text: str, datelines: list[Span], harm_spans: list[Span],
                  mentions: list[PlaceMention]) -> PlaceMention | None:
    """The dateline's town, when the report's harm sentences say the harm happened there
    ("here", "in the town"): the reporter files from the scene. A town no gazetteer knows is
    named as the dateline writes it; its country is the one the dateline names, if any."""
    if not any(_HERE.search(text, h.start, h.end) for h in harm_spans):
        return None
    for dateline in datelines:
        if dateline.start > 1500:
            break
        match = _DATELINE_TOWN.match(text, dateline.start)
        if match is None or match.end("town") > dateline.end or is_country_name(match.group("town")):
            continue
        start, end = match.span("town")
        known = [m for m in mentions if start <= m.span.start < end and specificity(m) >= 2]
        country = None
        if match.group("country"):
            named = [m for m in find_countries(match.group("country")) if m.kind == "country"]
            country = named[0].country if named else None
        if known:
            name = known[0].name.title() if known[0].name.isupper() else known[0].name
            return replace(known[0], name=name, country=known[0].country or country)
        surface = match.group("town")
        return PlaceMention(span=Span(start=start, end=end), text=surface, name=surface.title(),
                            kind="populated place", country=country, source="dateline")
    return None
