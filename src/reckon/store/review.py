"""Editors' reviews: a layer over the machine's findings, and the audit log of every change.

Every editorial action appends one row to ``reviews`` (append-only, enforced by triggers):
who, when, the state before, the state after, and the editor's note. Machine findings are
never updated:

- a claim review (accept, reject, correct) targets a count by its *claim key*
  ``<document id>:<start>-<end>:<kind>`` rather than its row id. The document id is the hash
  of its text and the span is where the figure sits in that text, so a re-ingest or a
  re-extraction that writes the count again finds its review again; the latest review of a
  key is the claim's reviewed state;
- a merge moves one incident's reports into another and deletes the emptied incident; a
  split moves some documents' reports into a new incident. Both change the stored
  incidents, which the resolver keeps by id on every later run (see
  ``reckon.resolve.cluster``: existing incidents are never merged or broken up), so an
  editor's grouping survives re-resolution;
- an alias review adds a name to an actor (``added_aliases``).

Writers take a connection inside ``reckon.store.engine.write``; readers any connection.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from reckon.errors import ReviewError
from reckon.model import CountKind, Incident, ReviewState
from reckon.store import rows, schema
from reckon.store.engine import serialise

__all__ = [
    "CLAIM_ACTIONS",
    "ClaimReview",
    "Correction",
    "ReviewEntry",
    "add_actor_alias",
    "added_aliases",
    "audit_log",
    "claim_key",
    "claim_reviews",
    "machine_claim",
    "merge_incidents",
    "merged_into",
    "review_claim",
    "reviewed_claims",
    "save_incident_summaries",
    "split_incident",
]

CLAIM_ACTIONS = ("accept", "reject", "correct")
_STATE = {
    "accept": ReviewState.ACCEPTED,
    "reject": ReviewState.REJECTED,
    "correct": ReviewState.CORRECTED,
}
MAX_NOTE = 2000
MAX_NAME = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewEntry:
    """One row of the audit log."""

    id: int
    target_table: str  # "counts", "incidents" or "actors"
    target_id: str  # a claim key, an incident id or an actor name
    action: str
    before: Any
    after: Any
    editor: str
    at: str
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "target_table": self.target_table,
            "target_id": self.target_id,
            "action": self.action,
            "before": self.before,
            "after": self.after,
            "editor": self.editor,
            "at": self.at,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """An editor's value for a count claim: kind, bounds (None = open) and claimant."""

    kind: CountKind
    min: int | None
    max: int | None
    claimant: str

    def __post_init__(self) -> None:
        if self.min is None and self.max is None:
            raise ReviewError("a corrected figure needs a lower or an upper bound", code="R504")
        for bound in (self.min, self.max):
            if bound is not None and not 0 <= bound <= 10_000_000:
                raise ReviewError(f"a figure must lie in 0..10,000,000, not {bound}", code="R504")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ReviewError(f"lower bound {self.min} exceeds upper bound {self.max}", code="R504")
        if not self.claimant.strip() or len(self.claimant) > MAX_NAME:
            raise ReviewError(f"a claimant is 1-{MAX_NAME} characters", code="R504")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "min": self.min,
            "max": self.max,
            "claimant": self.claimant.strip(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimReview:
    """Where one machine claim stands: its latest review, beside the machine's value."""

    key: str
    state: ReviewState
    machine: dict[str, Any]  # the finding as the machine stored it
    value: dict[str, Any] | None  # the reviewed value (None when rejected)
    editor: str
    at: str
    note: str | None
    review_id: int

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "state": self.state.value,
            "machine": self.machine,
            "value": self.value,
            "editor": self.editor,
            "at": self.at,
            "note": self.note,
            "review_id": self.review_id,
        }

    def to_public_json(self) -> dict[str, Any]:
        """What the public pages show: the state, the reviewed value and when, never who
        (editors of contested material may need to stay unnamed) nor their internal note."""
        return {"key": self.key, "state": self.state.value, "value": self.value, "at": self.at}


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")


def _note(note: str | None) -> str | None:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ReviewError(f"a note has at most {MAX_NOTE} characters", code="R504")
    return note or None


def claim_key(document_id: str, span: Sequence[int], kind: str) -> str:
    """The stable key of a count claim: document (hash of its text), span, kind."""
    start, end = span
    return f"{document_id}:{start}-{end}:{kind}"


def _append(
    connection: Connection,
    *,
    target_table: str,
    target_id: str,
    action: str,
    before: Any,
    after: Any,
    editor: str,
    note: str | None,
    now: datetime | None,
) -> ReviewEntry:
    reviews = schema.reviews
    row = {
        "target_table": target_table,
        "target_id": target_id,
        "action": action,
        "before": before,
        "after": after,
        "editor": editor,
        "at": _now(now),
        "note": _note(note),
    }
    review_id = connection.execute(reviews.insert().returning(reviews.c.id), row).scalar_one()
    return ReviewEntry(id=review_id, **row)


def _entry(row: sa.RowMapping) -> ReviewEntry:
    return ReviewEntry(**{name: row[name] for name in ReviewEntry.__slots__})


# ---- claims --------------------------------------------------------------------------


def _machine_json(row: sa.RowMapping) -> dict[str, Any]:
    return {
        "count_id": row["id"],
        "document_id": row["document_id"],
        "incident_idx": row["incident_idx"],
        "kind": row["kind"],
        "min": row["min"],
        "max": row["max"],
        "claimant": row["claimant"],
        "span": [row["span_start"], row["span_end"]],
        "quantity_text": row["quantity_text"],
        "extractor": row["extractor"],
    }


def machine_claim(connection: Connection, count_id: int) -> dict[str, Any]:
    """The machine's count as stored; ReviewError R504 when there is no such count."""
    counts = schema.counts
    row = connection.execute(sa.select(counts).where(counts.c.id == count_id)).mappings().first()
    if row is None:
        raise ReviewError(f"no claim with id {count_id}", where=str(count_id), code="R504")
    return _machine_json(row)


def review_claim(
    connection: Connection,
    *,
    count_id: int,
    action: str,
    editor: str,
    correction: Correction | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> ReviewEntry:
    """Accept, reject or correct the count ``count_id``; the machine's value is kept as
    ``before``, the editor's (for a correction) as ``after``."""
    if action not in CLAIM_ACTIONS:
        raise ReviewError(f"a claim review is one of {', '.join(CLAIM_ACTIONS)}", code="R504")
    if (action == "correct") != (correction is not None):
        raise ReviewError("a correction (and only a correction) carries a new value", code="R504")
    machine = machine_claim(connection, count_id)
    return _append(
        connection,
        target_table="counts",
        target_id=claim_key(machine["document_id"], machine["span"], machine["kind"]),
        action=action,
        before=machine,
        after=correction.to_json() if correction else None,
        editor=editor,
        note=note,
        now=now,
    )


# Built once: every public incident page runs it.
_CLAIM_REVIEWS = (
    sa.select(schema.reviews)
    .where(schema.reviews.c.target_table == "counts")
    .where(schema.reviews.c.target_id.in_(sa.bindparam("keys", expanding=True)))
    .order_by(schema.reviews.c.id)
)


def _latest_claim_reviews(connection: Connection, keys: Iterable[str]) -> dict[str, ClaimReview]:
    wanted = sorted(set(keys))
    latest: dict[str, ClaimReview] = {}
    for start in range(0, len(wanted), 500):
        chunk = {"keys": wanted[start : start + 500]}
        for row in connection.execute(_CLAIM_REVIEWS, chunk).mappings():
            machine = row["before"]
            value = row["after"] if row["action"] == "correct" else None
            if row["action"] == "accept":
                value = {k: machine[k] for k in ("kind", "min", "max", "claimant")}
            latest[row["target_id"]] = ClaimReview(
                key=row["target_id"],
                state=_STATE[row["action"]],
                machine=machine,
                value=value,
                editor=row["editor"],
                at=row["at"],
                note=row["note"],
                review_id=row["id"],
            )
    return latest


def claim_reviews(connection: Connection, keys: Iterable[str]) -> dict[str, ClaimReview]:
    """The latest review of each claim among ``keys`` (``claim_key`` values), by key: for a
    page that already holds its claims (``reviewed_claims`` reads them again)."""
    return _latest_claim_reviews(connection, keys)


def _incident_counts(connection: Connection, incident_ids: Sequence[str] | None) -> sa.Select:
    counts, reports = schema.counts, schema.incident_reports
    query = sa.select(counts, reports.c.incident_id).join(
        reports,
        sa.and_(
            reports.c.document_id == counts.c.document_id,
            reports.c.incident_idx == counts.c.incident_idx,
        ),
    )
    if incident_ids is not None:
        query = query.where(reports.c.incident_id.in_(incident_ids))
    return query


def reviewed_claims(connection: Connection, incident_id: str) -> dict[str, ClaimReview]:
    """The reviewed claims of one incident, by ``claim_key`` (document id, span, kind).

    The public incident page looks up each claim it shows with
    ``claim_key(claim["document_id"], claim["span"], kind)`` and marks what a person reviewed.
    """
    keys = [
        claim_key(row["document_id"], (row["span_start"], row["span_end"]), row["kind"])
        for row in connection.execute(_incident_counts(connection, [incident_id])).mappings()
    ]
    return _latest_claim_reviews(connection, keys)


# ---- incidents -----------------------------------------------------------------------


def _reports_of(connection: Connection, incident_id: str) -> list[list[Any]]:
    reports = schema.incident_reports
    query = (
        sa.select(reports.c.document_id, reports.c.incident_idx)
        .where(reports.c.incident_id == incident_id)
        .order_by(reports.c.id)
    )
    return [[row[0], row[1]] for row in connection.execute(query)]


def _require_incident(connection: Connection, incident_id: str) -> sa.RowMapping:
    incidents = schema.incidents
    row = (
        connection.execute(sa.select(incidents).where(incidents.c.id == incident_id))
        .mappings()
        .first()
    )
    if row is None:
        raise ReviewError(f"no incident with id {incident_id!r}", where=incident_id, code="R504")
    return row


def merge_incidents(
    connection: Connection,
    *,
    keep: str,
    absorb: str,
    editor: str,
    note: str | None = None,
    now: datetime | None = None,
) -> ReviewEntry:
    """Move every report of ``absorb`` into ``keep`` and delete ``absorb``.

    The caller re-summarises ``keep`` (date, place, conflicts) afterwards, e.g. with
    ``reckon.pipeline.refresh_incidents``.
    """
    if keep == absorb:
        raise ReviewError("an incident cannot be merged with itself", where=keep, code="R504")
    serialise(connection, "incidents")
    _require_incident(connection, keep)
    _require_incident(connection, absorb)
    before = {keep: _reports_of(connection, keep), absorb: _reports_of(connection, absorb)}
    reports = schema.incident_reports
    connection.execute(
        reports.update().where(reports.c.incident_id == absorb).values(incident_id=keep)
    )
    connection.execute(schema.conflicts.delete().where(schema.conflicts.c.incident_id == absorb))
    connection.execute(schema.incidents.delete().where(schema.incidents.c.id == absorb))
    return _append(
        connection,
        target_table="incidents",
        target_id=keep,
        action="merge",
        before={"incidents": before},
        after={"incident": keep, "absorbed": absorb, "reports": before[keep] + before[absorb]},
        editor=editor,
        note=note,
        now=now,
    )


def split_incident(
    connection: Connection,
    *,
    incident_id: str,
    document_ids: Iterable[str],
    editor: str,
    note: str | None = None,
    now: datetime | None = None,
) -> tuple[str, ReviewEntry]:
    """Move the reports of ``document_ids`` out of ``incident_id`` into a new incident.

    Returns the new incident's id and the audit entry. Some reports must move and some must
    stay. The caller re-summarises both incidents afterwards.
    """
    moving_ids = set(document_ids)
    serialise(connection, "incidents")
    row = _require_incident(connection, incident_id)
    before = _reports_of(connection, incident_id)
    moved = [r for r in before if r[0] in moving_ids]
    kept = [r for r in before if r[0] not in moving_ids]
    if not moved or not kept:
        raise ReviewError(
            "a split moves some of the incident's documents, not none and not all",
            where=incident_id,
            code="R504",
        )
    at = _now(now)
    seed = f"split:{incident_id}:{','.join(sorted(moving_ids))}:{at}"
    new_id = "inc-" + hashlib.sha256(seed.encode()).hexdigest()[:12]
    incidents, reports = schema.incidents, schema.incident_reports
    copied = {c.name: row[c.name] for c in incidents.columns if c.name not in ("id", "updated_at")}
    connection.execute(incidents.insert(), {**copied, "id": new_id, "updated_at": at})
    connection.execute(
        reports.update()
        .where(reports.c.incident_id == incident_id)
        .where(reports.c.document_id.in_(sorted(moving_ids)))
        .values(incident_id=new_id)
    )
    entry = _append(
        connection,
        target_table="incidents",
        target_id=incident_id,
        action="split",
        before={"reports": before},
        after={"incident": incident_id, "reports": kept, "new_incident": new_id, "moved": moved},
        editor=editor,
        note=note,
        now=now,
    )
    return new_id, entry


def save_incident_summaries(connection: Connection, incidents: Sequence[Incident]) -> None:
    """Rewrite date, place and conflicts of these (already stored) incidents after an edit."""
    serialise(connection, "incidents")
    table, conflicts = schema.incidents, schema.conflicts
    updated_at = _now(None)
    for incident in incidents:
        values = rows.incident_row(incident, updated_at=updated_at)
        del values["id"]
        connection.execute(table.update().where(table.c.id == incident.id).values(**values))
        connection.execute(conflicts.delete().where(conflicts.c.incident_id == incident.id))
        conflict_rows = [rows.conflict_row(incident.id, c) for c in incident.conflicts]
        if conflict_rows:
            connection.execute(conflicts.insert(), conflict_rows)


def merged_into(connection: Connection, incident_id: str) -> str | None:
    """The incident that absorbed ``incident_id`` in a merge (followed to the end), or None."""
    reviews = schema.reviews
    query = sa.select(reviews.c.after).where(reviews.c.action == "merge").order_by(reviews.c.id)
    absorbed_by = {after["absorbed"]: after["incident"] for (after,) in connection.execute(query)}
    seen, current = set(), incident_id
    while current in absorbed_by and current not in seen:
        seen.add(current)
        current = absorbed_by[current]
    return current if current != incident_id else None


# ---- actors --------------------------------------------------------------------------


def added_aliases(connection: Connection) -> dict[str, list[str]]:
    """Aliases editors added, by actor, in the order they were added."""
    reviews = schema.reviews
    query = (
        sa.select(reviews.c.target_id, reviews.c.after)
        .where(reviews.c.action == "alias")
        .order_by(reviews.c.id)
    )
    aliases: dict[str, list[str]] = defaultdict(list)
    for actor, after in connection.execute(query):
        if after["alias"] not in aliases[actor]:
            aliases[actor].append(after["alias"])
    return dict(aliases)


def add_actor_alias(
    connection: Connection,
    *,
    actor: str,
    alias: str,
    editor: str,
    note: str | None = None,
    now: datetime | None = None,
) -> ReviewEntry:
    """Record that ``alias`` names ``actor`` (a stored actor); refuses a known alias."""
    alias = " ".join(alias.split())
    if not alias or len(alias) > MAX_NAME:
        raise ReviewError(f"an alias is 1-{MAX_NAME} characters", where=actor, code="R504")
    actors, machine_aliases = schema.actors, schema.actor_aliases
    if connection.execute(sa.select(actors.c.name).where(actors.c.name == actor)).first() is None:
        raise ReviewError(f"no actor named {actor!r}", where=actor, code="R504")
    known = set(
        connection.scalars(
            sa.select(machine_aliases.c.alias).where(machine_aliases.c.actor == actor)
        )
    )
    known.update(added_aliases(connection).get(actor, []))
    if alias.casefold() == actor.casefold() or alias.casefold() in {a.casefold() for a in known}:
        raise ReviewError(f"{alias!r} is already a name of {actor!r}", where=actor, code="R504")
    return _append(
        connection,
        target_table="actors",
        target_id=actor,
        action="alias",
        before={"aliases": sorted(known)},
        after={"alias": alias},
        editor=editor,
        note=note,
        now=now,
    )


# ---- the audit log -------------------------------------------------------------------


def audit_log(
    connection: Connection, *, limit: int = 50, offset: int = 0
) -> tuple[list[ReviewEntry], int]:
    """The newest audit entries first, and how many there are in all."""
    reviews = schema.reviews
    total = connection.execute(sa.select(sa.func.count()).select_from(reviews)).scalar_one()
    query = sa.select(reviews).order_by(reviews.c.id.desc()).limit(limit).offset(offset)
    return [_entry(row) for row in connection.execute(query).mappings()], total
