"""The data behind each page: one function per page, returning plain JSON-able data.

The HTML page renders it, its ``.json`` twin and the ``/api`` route return it as is, so
what a reader sees and what a program gets never drift apart. Text from documents goes
out as plain strings; escaping is the template's job (autoescape) or JSON's.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Connection

from reckon.errors import ReckonError
from reckon.model import AUTHOR, CountKind
from reckon.resolve import incident_to_json
from reckon.resolve.views import actor_names_of
from reckon.store import Ledger, queries
from reckon.store.review import claim_key, claim_reviews

__all__ = [
    "actor_context",
    "claim_words",
    "document_context",
    "incident_context",
    "incidents_context",
    "search_context",
    "tag_context",
]

_MARKS = re.compile(f"([{queries.MARK_START}{queries.MARK_END}])")
# Characters of context either side of an evidence span on the incident page.
SNIPPET_CONTEXT = 160
MAX_PAGE = 10_000


def range_words(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "an unstated number"
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    if low == high:
        return str(low)
    return f"between {low} and {high}"


def claimant_words(claimant: str, document: dict[str, Any] | None) -> str:
    """Who says it: a named source, or the document's author (named by outlet if known)."""
    if claimant != AUTHOR.name:
        return claimant
    if document and document.get("outlet"):
        return f"the author of the {document['outlet']} report"
    return "the document's author"


def claim_words(kind: str, low: int | None, high: int | None, claimant: str,
                document: dict[str, Any] | None = None) -> str:
    """A figure worded as a claim: "52 killed, according to the Interior Ministry"."""
    return f"{range_words(low, high)} {kind}, according to {claimant_words(claimant, document)}"


def pagination(page: int, per_page: int, total: int) -> dict[str, Any]:
    if page < 1 or page > MAX_PAGE:
        raise ReckonError(f"page must be between 1 and {MAX_PAGE}, not {page}", where="page",
                          code="R503")
    pages = max(1, math.ceil(total / per_page))
    return {"page": page, "per_page": per_page, "total": total, "pages": pages,
            "has_previous": page > 1, "has_next": page < pages}


def headline(summary: dict[str, Any]) -> str:
    """A list headline built only from what sources claim: "Between 19 and 23 killed in X"."""
    figures = summary.get("figures") or {}
    where = summary.get("place") or (summary.get("country") and f"({summary['country']})")
    for kind in CountKind:
        figure = figures.get(kind.value)
        if figure:
            words = range_words(figure["min"], figure["max"])
            text = f"{words[0].upper()}{words[1:]} {kind.value}"
            text = f"{text} in {where}" if where else text
            sources = figure.get("claimants") or 0
            named = summary.get("claimants") or []
            if sources == 1 and len(named) == 1:
                return f"{text}, according to {claimant_words(named[0], None)}"
            return f"{text}, according to {sources} sources" if sources > 1 else (
                f"{text}, according to one source")
    return f"Incident in {where}" if where else "Incident (place not stated)"


def standfirst(summary: dict[str, Any]) -> str:
    documents = summary.get("documents") or []
    claimants = summary.get("claimants") or []
    parts = [f"Reported in {len(documents)} document{'s' if len(documents) != 1 else ''}"]
    if claimants:
        shown = [claimant_words(c, None) for c in claimants[:3]]
        more = f" and {len(claimants) - 3} more" if len(claimants) > 3 else ""
        parts.append(f"figures from {', '.join(shown)}{more}")
    if summary.get("accused"):
        parts.append(f"accused by a source: {', '.join(summary['accused'][:3])}")
    return "; ".join(parts) + "."


def _decorate(summary: dict[str, Any]) -> dict[str, Any]:
    return {**summary, "headline": headline(summary), "standfirst": standfirst(summary)}


def incidents_context(connection: Connection, filters: queries.IncidentFilters, *, page: int,
                      per_page: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The home page: a page of incidents, the timeline, the map points, filter choices."""
    pagination(page, per_page, 0)
    summaries, total = queries.incident_page(
        connection, filters, offset=(page - 1) * per_page, limit=per_page
    )
    data = {
        "incidents": [_decorate(s) for s in summaries],
        "timeline": queries.timeline(connection, filters),
        "map": queries.map_points(connection, filters),
        "choices": queries.filter_choices(connection),
    }
    return data, {"filters": filters.as_query(), **pagination(page, per_page, total)}


def _snippet(text: str, start: int, end: int) -> dict[str, str]:
    """The evidence in context: before / the span itself / after, cut at word boundaries."""
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return {
        "before": ("…" if left > 0 else "") + text[left:start],
        "span": text[start:end],
        "after": text[end:right] + ("…" if right < len(text) else ""),
    }


def incident_context(ledger: Ledger, incident_id: str) -> dict[str, Any]:
    """One incident: every claim worded as a claim with its evidence, the per-claimant
    chart data, conflicts, accused actors per claimant, documents."""
    with ledger.engine.connect() as connection:
        incident, documents = queries.read_incident(connection, incident_id)
        # Names canonicalised with the aliases any document of the ledger defined for
        # them, as `reckon show` and the exports do ("JAB" here, "Jaysh al-Bayaan (JAB)"
        # in a report of another incident).
        surfaces = [name for report in incident.reports for name in (
            *(a.actor for a in report.report.perpetrators),
            *(c.claimant.name for c in report.report.counts if not c.claimant.is_author))]
        data = incident_to_json(incident, documents, actor_names=actor_names_of(
            [incident], queries.actors_named(connection, surfaces)))
        # Editors' reviews, shown beside the machine's claims (keyed as the loop below asks).
        reviewed = claim_reviews(connection, (
            claim_key(claim["document_id"], claim["span"], kind)
            for kind, summary in data["counts"].items() for claim in summary["claims"]
        ))
    by_id = {d["id"]: d for d in data["documents"]}
    for document in data["documents"]:
        stored = documents.get(document["id"])
        document["title"] = stored.title if stored else None
        document["author"] = stored.author if stored else None
    claims = []
    chart: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for kind, summary in data["counts"].items():
        for claim in summary["claims"]:
            start, end = claim["span"]
            document = documents.get(claim["document_id"])
            claim["kind"] = kind
            source = by_id.get(claim["document_id"]) or {}
            claim["document_label"] = (source.get("outlet") or source.get("name")
                                       or claim["document_id"])
            claim["words"] = claim_words(kind, claim["min"], claim["max"], claim["claimant"],
                                         by_id.get(claim["document_id"]))
            claim["evidence"] = _snippet(document.text, start, end) if document else None
            review = reviewed.get(claim_key(claim["document_id"], claim["span"], kind))
            claim["review"] = review.to_public_json() if review else None
            claims.append(claim)
            if not claim["superseded"]:
                chart[kind].append({
                    "claimant": claimant_words(claim["claimant"], by_id.get(claim["document_id"])),
                    "min": claim["min"], "max": claim["max"],
                })
        summary["words"] = range_words(*summary["range"])
    for accusation in data["perpetrators"]:
        accusation["claimant_words"] = claimant_words(
            accusation["claimant"], by_id.get(accusation["document_id"])
        )
    data["claims"] = claims
    data["chart"] = chart
    summary = {
        "place": data["place"],
        "country": data["country"],
        "claimants": sorted({c["claimant"] for c in claims}),
        "figures": {
            kind: {"min": v["range"][0], "max": v["range"][1],
                   "claimants": len({c["claimant"] for c in v["claims"]})}
            for kind, v in data["counts"].items()
        },
    }
    data["headline"] = headline(summary)
    return data


def document_context(ledger: Ledger, connection: Connection, document_id: str) -> dict[str, Any]:
    """One document: metadata, raw bytes' hash, and every finding with its span and link."""
    findings = ledger.findings(document_id)
    document = findings.document
    incident_of = queries.document_incidents(connection, document.id)
    marks: list[dict[str, Any]] = []
    for idx, reported in enumerate(findings.incidents):
        target = incident_of.get(idx)
        href = f"/incidents/{target}" if target else None
        for count in reported.counts:
            marks.append(_mark("count", count.span, href,
                               claim_words(count.kind.value, count.min, count.max,
                                           count.claimant.name, {"outlet": document.outlet})))
            if count.claimant.span:
                marks.append(_mark("claimant", count.claimant.span, href,
                                   f"source: {count.claimant.name}"))
        for accusation in reported.perpetrators:
            marks.append(_mark("accusation", accusation.span, href,
                               f"{accusation.actor} accused, according to "
                               f"{claimant_words(accusation.claimant.name, {'outlet': document.outlet})}"))
        if reported.place and reported.place.span:
            marks.append(_mark("place", reported.place.span, href, f"place: {reported.place.name}"))
        if reported.date_span:
            marks.append(_mark("date", reported.date_span, href, f"date: {reported.date}"))
    for quote in findings.quotes:
        marks.append(_mark("quote", quote.span, None,
                           f"quote, speaker: {quote.speaker or 'not stated'}"))
    sha = document.raw_sha256 or None
    return {
        "id": document.id,
        "name": document.name,
        "title": document.title,
        "author": document.author,
        "outlet": document.outlet,
        "published": document.published,
        "url": document.url,
        "retrieved_at": document.retrieved_at.isoformat() if document.retrieved_at else None,
        "tags": list(document.tags),
        "media_type": document.media_type,
        "raw_sha256": sha,
        "raw_size": len(document.raw) if document.raw else None,
        "extractor_version": findings.extractor_version,
        "incidents": sorted(set(incident_of.values())),
        "actors": [{"name": a.name, "aliases": list(a.aliases)} for a in findings.actors],
        "findings": sorted(marks, key=lambda m: (m["span"][0], m["span"][1])),
        "text": document.text,
    }


def _mark(kind: str, span: Any, href: str | None, title: str) -> dict[str, Any]:
    return {"kind": kind, "span": [span.start, span.end], "href": href, "title": title}


def paragraphs(text: str, findings: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The text cut into paragraphs of segments; a segment is plain or covered by findings.

    Findings overlap (a count inside an accusation's sentence), so the text is cut at every
    span boundary and each piece lists the findings covering it; the first piece of a span
    carries its anchor ``span-<start>-<end>``, the target of evidence links.
    """
    cuts = {0, len(text)}
    for finding in findings:
        cuts.update(finding["span"])
    position = text.find("\n")
    while position != -1:
        cuts.update((position, position + 1))
        position = text.find("\n", position + 1)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        starts[finding["span"][0]].append(finding)
    result: list[list[dict[str, Any]]] = [[]]
    active: list[dict[str, Any]] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [f for f in active if f["span"][1] > left] + starts.get(left, [])
        piece = text[left:right]
        if piece == "\n":
            if result[-1]:
                result.append([])
            continue
        anchors = [f"span-{f['span'][0]}-{f['span'][1]}" for f in starts.get(left, [])]
        covering = [f for f in active if f["span"][0] < right and f["span"][1] > left]
        result[-1].append({
            "text": piece,
            "kinds": sorted({f["kind"] for f in covering}),
            "anchor": anchors[0] if anchors else None,
            "extra_anchors": list(dict.fromkeys(anchors[1:])),
            "href": next((f["href"] for f in covering if f["href"]), None),
            "title": "; ".join(dict.fromkeys(f["title"] for f in covering)),
        })
    return [p for p in result if p]


def actor_context(connection: Connection, name: str) -> dict[str, Any]:
    profile = queries.actor_profile(connection, name)
    if profile is None:
        raise ReckonError(f"no actor named {name[:80]!r}", where="actor", code="R403")
    for key in ("as_accused", "as_victim"):
        profile[key] = [_decorate(s) for s in profile[key]]
    return profile


def search_context(connection: Connection, query: str, *, page: int,
                   per_page: int) -> tuple[dict[str, Any], dict[str, Any]]:
    pagination(page, per_page, 0)
    if len(query) > 500:
        raise ReckonError("the search query is longer than 500 characters", where="q",
                          code="R503")
    hits, total, incidents = queries.search(connection, query, offset=(page - 1) * per_page,
                                            limit=per_page)
    for hit in hits:
        hit["snippet"] = _split_marks(hit.pop("snippet") or "")
    data = {"query": query, "terms": queries.search_terms(query), "documents": hits,
            "incidents": [_decorate(s) for s in incidents]}
    return data, {"q": query, **pagination(page, per_page, total)}


def _split_marks(snippet: str) -> list[dict[str, Any]]:
    """A search snippet as [{"text", "match"}] pieces: highlight without trusting markup.

    One regex split rather than a loop over characters (that loop was a tenth of a search
    page's time): the parts alternate text, mark, text...; a piece is a match when the
    last mark before it opened one."""
    pieces, match = [], False
    for position, part in enumerate(_MARKS.split(snippet)):
        if position % 2:
            match = part == queries.MARK_START
        elif part:
            pieces.append({"text": part, "match": match})
    return pieces


def tag_context(connection: Connection, tag: str, *, page: int,
                per_page: int) -> tuple[dict[str, Any], dict[str, Any]]:
    pagination(page, per_page, 0)
    hits, total, incidents = queries.tag_page(connection, tag, offset=(page - 1) * per_page,
                                              limit=per_page)
    if total == 0:
        raise ReckonError(f"no document is tagged {tag[:80]!r}", where="tag", code="R403")
    return ({"tag": tag, "documents": hits, "incidents": [_decorate(s) for s in incidents]},
            {"tag": tag, **pagination(page, per_page, total)})

