"""JSON at the edge: DocumentFindings -> the per-document schema of shared/eval/FORMAT.md.

The scorer reads the FORMAT.md fields; the provenance fields (``text``, ``span``,
``extractor``, ``inconsistencies``) are what the ledger relies on.
"""

from __future__ import annotations

from typing import Any

from reckon.model import DocumentFindings, Quote

__all__ = ["findings_to_json", "quote_starts_with"]


def quote_starts_with(quote: Quote, *, words: int = 8) -> str:
    return " ".join(quote.text.split()[:words])


def _as_written(place, text: str) -> str:
    if place.span is not None and 0 <= place.span.start < place.span.end <= len(text):
        written = " ".join(text[place.span.start:place.span.end].split())
        if written.isupper() and written.casefold() == place.name.casefold():
            return place.name  # a dateline's capitals are typography, not the name ("TANKA, Niger -")
        if written:
            return written
    return place.name


def findings_to_json(findings: DocumentFindings, *, id: str | None = None) -> dict[str, Any]:
    document = findings.document
    incidents = []
    for incident in findings.incidents:
        incidents.append({
            "date": incident.date,
            # The place as the document writes it; the gazetteer's name beside it.
            "place": _as_written(incident.place, document.text) if incident.place else None,
            "place_canonical": incident.place.name if incident.place else None,
            "country": incident.country,
            "latitude": incident.place.latitude if incident.place else None,
            "longitude": incident.place.longitude if incident.place else None,
            "counts": [
                {"kind": str(count.kind), "min": count.min, "max": count.max, "claimed_by": count.claimant.name,
                 "span": count.span.to_json(), "extractor": count.extractor,
                 **({"victims": count.victims} if count.victims else {})}
                for count in incident.counts
            ],
            "perpetrators": [
                {"actor": accusation.actor, "claimed_by": accusation.claimant.name,
                 "span": accusation.span.to_json(), "extractor": accusation.extractor}
                for accusation in incident.perpetrators
            ],
            "victims": list(incident.victims),
        })
    seen_quotes: set[tuple[str | None, str]] = set()
    quotes = []
    for quote in findings.quotes:
        key = (quote.speaker, " ".join(quote.text.split()))
        if key in seen_quotes:
            continue  # a quotation repeated verbatim (headline and body) is listed once
        seen_quotes.add(key)
        quotes.append({"speaker": quote.speaker, "starts_with": quote_starts_with(quote),
                       "span": quote.span.to_json(), "extractor": quote.extractor})
    return {
        "id": id or document.name or document.id,
        "source_url": document.url,
        "outlet": document.outlet,
        "author": document.author,
        "published": document.published,
        "incidents": incidents,
        "quotes": quotes,
        "aliases": {actor.name: list(actor.aliases) for actor in findings.actors if actor.aliases},
        "text": document.text,
        "inconsistencies": [
            {"description": item.description, "spans": [span.to_json() for span in item.spans],
             "extractor": item.extractor}
            for item in findings.inconsistencies
        ],
        "extractor_version": findings.extractor_version,
    }
