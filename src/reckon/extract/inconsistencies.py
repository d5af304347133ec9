"""Inconsistencies within one report: the same report or event dated two ways.

A report that gives one day and month with two different years ("17 October 2013" beside
"October 17, 2019") contradicts itself; the ledger records that as an ``Inconsistency`` with
both spans rather than silently picking one. This reads the document's dates, not its
incidents, and runs as its own step (``reckon.inconsistencies.v1``), so it lives apart from
the assembly of incidents (``incidents``).
"""

from __future__ import annotations

import re

from reckon.model import Inconsistency, Span

__all__ = ["find_inconsistencies"]


def find_inconsistencies(state: dict) -> list[Inconsistency]:
    """The same report or event dated two ways; one claimant giving two tolls in one sentence pair."""
    out: list[Inconsistency] = []
    text = state["document"].text
    # Same day and month given with two different years ("17 October 2013" vs "October 17, 2019").
    by_day: dict[tuple[int, int], list] = {}
    for mention in state["dates"]:
        if mention.year and mention.month and mention.day:
            by_day.setdefault((mention.month, mention.day), []).append(mention)
    for (month, day), mentions in by_day.items():
        years = {m.year for m in mentions}
        if len(years) < 2:
            continue
        pairs = [(a, b) for i, a in enumerate(mentions) for b in mentions[i + 1:]
                 if a.year != b.year and _report_context(text, a.span) and _report_context(text, b.span)]
        if pairs:
            a, b = pairs[0]
            out.append(Inconsistency(
                description=f"the same report is dated {a.text!r} and {b.text!r}",
                spans=(a.span, b.span), extractor="reckon.inconsistencies.v1"))
    return out


_REPORT_WORDS = re.compile(r"\b(report|published|statement|released|issued)\b", re.IGNORECASE)


def _report_context(text: str, span: Span) -> bool:
    window = text[max(0, span.start - 120):span.end + 20]
    return bool(_REPORT_WORDS.search(window))
