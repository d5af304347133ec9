"""The review queue: machine count claims in the order an editor should look at them.

Most conflicting first, then most uncertain:

- *conflict* is the number of sides of the incident's disagreement over this claim's kind
  (0 when every source agrees), plus one when this claim's own claimant is on a side: the
  figures sources dispute are where a machine misreading does the most harm;
- *uncertainty* is how little the figure pins down: 1.0 for an open bound ("at least 23",
  "up to 770"), ``(max - min) / max`` for a range ("between 40 and 50" is 0.2), 0 for an
  exact number.

Claims already reviewed leave the queue unless ``include_reviewed``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from reckon.store import schema
from reckon.store.review import _incident_counts, claim_key

__all__ = ["QueueItem", "review_queue", "uncertainty"]

# Characters of context shown on each side of the evidence.
_CONTEXT = 90


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueItem:
    count_id: int
    key: str
    incident_id: str
    incident_date: str | None
    incident_place: str | None
    document_id: str
    document_title: str
    kind: str
    min: int | None
    max: int | None
    claimant: str
    span: tuple[int, int]
    conflict: int
    uncertainty: float
    reviewed: bool
    evidence: tuple[str, str, str] = ("", "", "")  # before, the span's text, after

    def to_json(self) -> dict[str, Any]:
        return {
            "count_id": self.count_id,
            "key": self.key,
            "incident_id": self.incident_id,
            "incident_date": self.incident_date,
            "incident_place": self.incident_place,
            "document_id": self.document_id,
            "document_title": self.document_title,
            "kind": self.kind,
            "min": self.min,
            "max": self.max,
            "claimant": self.claimant,
            "span": list(self.span),
            "conflict": self.conflict,
            "uncertainty": round(self.uncertainty, 3),
            "reviewed": self.reviewed,
            "evidence": {
                "before": self.evidence[0],
                "text": self.evidence[1],
                "after": self.evidence[2],
            },
        }


def uncertainty(low: int | None, high: int | None) -> float:
    if low is None or high is None:
        return 1.0
    return 0.0 if high == 0 else (high - low) / high


def _conflicts(connection: Connection) -> dict[tuple[str, str], list[Any]]:
    conflicts = schema.conflicts
    query = sa.select(conflicts.c.incident_id, conflicts.c.field, conflicts.c.sides)
    return {(row[0], row[1]): row[2] for row in connection.execute(query)}


def _reviewed_keys(connection: Connection) -> set[str]:
    reviews = schema.reviews
    query = sa.select(reviews.c.target_id).where(reviews.c.target_table == "counts").distinct()
    return set(connection.scalars(query))


def review_queue(
    connection: Connection,
    *,
    limit: int = 25,
    offset: int = 0,
    include_reviewed: bool = False,
    incident_id: str | None = None,
) -> tuple[list[QueueItem], int]:
    """One page of the queue (of one incident's claims when ``incident_id``), and its length."""
    conflicts = _conflicts(connection)
    reviewed = _reviewed_keys(connection)
    incidents = {
        row[0]: (row[1], row[2])
        for row in connection.execute(
            sa.select(schema.incidents.c.id, schema.incidents.c.date, schema.incidents.c.place)
        )
    }
    items = []
    wanted = None if incident_id is None else [incident_id]
    for row in connection.execute(_incident_counts(connection, wanted)).mappings():
        span = (row["span_start"], row["span_end"])
        key = claim_key(row["document_id"], span, row["kind"])
        if key in reviewed and not include_reviewed:
            continue
        sides = conflicts.get((row["incident_id"], row["kind"]), [])
        on_a_side = any(row["claimant"] in claimants for _value, claimants in sides)
        date, place = incidents.get(row["incident_id"], (None, None))
        items.append(
            QueueItem(
                count_id=row["id"],
                key=key,
                incident_id=row["incident_id"],
                incident_date=date,
                incident_place=place,
                document_id=row["document_id"],
                document_title="",
                kind=row["kind"],
                min=row["min"],
                max=row["max"],
                claimant=row["claimant"],
                span=span,
                conflict=len(sides) + (1 if on_a_side else 0),
                uncertainty=uncertainty(row["min"], row["max"]),
                reviewed=key in reviewed,
            )
        )
    items.sort(key=lambda i: (-i.conflict, -i.uncertainty, i.incident_id, i.count_id))
    page = items[offset : offset + limit]
    return _with_evidence(connection, page), len(items)


def _with_evidence(connection: Connection, items: list[QueueItem]) -> list[QueueItem]:
    """Title and evidence snippet for the items of one page (texts read for this page only)."""
    documents = schema.documents
    ids = sorted({item.document_id for item in items})
    texts = {
        row[0]: (row[1] or row[2], row[3])
        for row in connection.execute(
            sa.select(documents.c.id, documents.c.title, documents.c.name, documents.c.text).where(
                documents.c.id.in_(ids)
            )
        )
    }
    result = []
    for item in items:
        title, text = texts.get(item.document_id, ("", ""))
        start, end = item.span
        evidence = (
            text[max(0, start - _CONTEXT) : start],
            text[start:end],
            text[end : end + _CONTEXT],
        )
        result.append(replace(item, document_title=title, evidence=evidence))
    return result
