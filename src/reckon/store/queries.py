"""Read-only queries the web site needs: paged and filtered incident lists, the timeline,
full-text search, actors, tags, and the link lists of the sitemap and the feed.

Each function takes an open Connection and returns plain rows (dicts), so a request runs
its queries on one connection and pages stay a handful of round trips whatever the size of
the ledger. Everything is SQLAlchemy Core with bound parameters, on SQLite and PostgreSQL
alike; the only back-end-specific parts are full-text search and JSON membership, each
branching once on ``connection.dialect.name``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from reckon.errors import ReckonError
from reckon.model import Actor, CountKind
from reckon.store import schema
from reckon.store.review import added_aliases

__all__ = [
    "MARK_END",
    "MARK_START",
    "IncidentFilters",
    "actor_profile",
    "actors_named",
    "document_incidents",
    "feed_incidents",
    "filter_choices",
    "incident_page",
    "incident_summaries",
    "map_points",
    "read_incident",
    "search",
    "search_terms",
    "sitemap_entries",
    "tag_page",
    "timeline",
]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_COUNTRY = re.compile(r"[A-Z]{2}")
# Private-use characters mark highlights in search snippets; the caller escapes the
# snippet as text and only then turns these into <mark>, so a document can never inject.
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilters:
    """The incident list's filters; None means "any". Checked on construction (R503)."""

    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        if self.country is not None and not _COUNTRY.fullmatch(self.country):
            raise ReckonError(
                f"country must be a two-letter code such as 'NG', not {self.country[:40]!r}",
                where="country",
                code="R503",
            )
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _DATE.fullmatch(value):
                raise ReckonError(
                    f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}",
                    where=name,
                    code="R503",
                )
        if self.kind is not None and self.kind not in set(CountKind):
            raise ReckonError(
                f"kind must be one of {', '.join(CountKind)}, not {self.kind[:40]!r}",
                where="kind",
                code="R503",
            )

    def as_query(self) -> dict[str, str]:
        """The non-empty filters, as query-string parameters."""
        fields = ("country", "date_from", "date_to", "actor", "kind")
        return {name: getattr(self, name) for name in fields if getattr(self, name)}


def _actor_names(actor: str) -> sa.Select:
    """Every name of the actor: given a name or an alias, its canonical names and all their
    aliases (a filter on "RLB" finds the Red Lantern Brigade's incidents)."""
    aliases = schema.actor_aliases
    canonical = sa.union(
        sa.select(sa.literal(actor).label("name")),
        sa.select(aliases.c.actor).where(aliases.c.alias == actor),
    ).subquery()
    return sa.union(
        sa.select(canonical.c.name),
        sa.select(aliases.c.alias).where(aliases.c.actor.in_(sa.select(canonical.c.name))),
    )


def _filtered_ids(filters: IncidentFilters) -> sa.Select:
    incidents, reports = schema.incidents, schema.incident_reports
    query = sa.select(incidents.c.id)
    if filters.country:
        query = query.where(incidents.c.country == filters.country)
    if filters.date_from:
        query = query.where(incidents.c.date >= filters.date_from)
    if filters.date_to:
        # "2020-03" as an upper bound includes every day of March.
        query = query.where(incidents.c.date <= filters.date_to + "\uffff")
    for table, condition in (
        (schema.counts, lambda t: t.c.kind == filters.kind if filters.kind else None),
        (
            schema.accusations,
            lambda t: t.c.actor.in_(_actor_names(filters.actor)) if filters.actor else None,
        ),
    ):
        where = condition(table)
        if where is None:
            continue
        query = query.where(
            sa.exists().where(
                reports.c.incident_id == incidents.c.id,
                table.c.document_id == reports.c.document_id,
                table.c.incident_idx == reports.c.incident_idx,
                where,
            )
        )
    return query


def incident_page(
    connection: Connection, filters: IncidentFilters, *, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of incidents (newest first, undated last) with summaries, and the total."""
    incidents = schema.incidents
    ids = _filtered_ids(filters).subquery()
    total = connection.scalar(sa.select(sa.func.count()).select_from(ids)) or 0
    undated_last = sa.case((incidents.c.date.is_(None), 1), else_=0)
    page_ids = list(
        connection.scalars(
            sa.select(incidents.c.id)
            .where(incidents.c.id.in_(sa.select(ids.c.id)))
            .order_by(undated_last, incidents.c.date.desc(), incidents.c.id)
            .offset(offset)
            .limit(limit)
        )
    )
    return incident_summaries(connection, page_ids), total


def _summary_statements() -> tuple[sa.Select, ...]:
    """The four statements behind ``incident_summaries``, built once: a page runs them for
    every request, and building a Select costs more than SQLite takes to answer it."""
    incidents, reports, documents = schema.incidents, schema.incident_reports, schema.documents
    counts, accusations = schema.counts, schema.accusations
    ids = sa.bindparam("ids", expanding=True)
    finding = lambda table: sa.and_(  # noqa: E731 - one join condition, three tables
        table.c.document_id == reports.c.document_id, table.c.incident_idx == reports.c.incident_idx
    )
    return (
        sa.select(incidents).where(incidents.c.id.in_(ids)),
        sa.select(reports.c.incident_id, counts.c.kind, counts.c.min, counts.c.max,
                  counts.c.claimant)
        .join(counts, finding(counts))
        .where(reports.c.incident_id.in_(ids))
        .order_by(reports.c.incident_id, counts.c.id),
        sa.select(reports.c.incident_id, accusations.c.actor)
        .join(accusations, finding(accusations))
        .where(reports.c.incident_id.in_(ids))
        .distinct()
        .order_by(reports.c.incident_id, accusations.c.actor),
        sa.select(reports.c.incident_id, documents.c.id, documents.c.title, documents.c.outlet,
                  documents.c.published, documents.c.author)
        .join(documents, documents.c.id == reports.c.document_id)
        .where(reports.c.incident_id.in_(ids))
        .order_by(reports.c.incident_id, reports.c.id),
    )


_SUMMARY_STATEMENTS = _summary_statements()


def incident_summaries(connection: Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Per incident (in the order of ``ids``): date, place, the figures claimed per kind
    (lowest and highest, and how many claimants), claimants, documents, accused actors."""
    if not ids:
        return []
    by_incident, by_count, by_accusation, by_document = _SUMMARY_STATEMENTS
    params = {"ids": list(ids)}
    rows = {row["id"]: dict(row) for row in connection.execute(by_incident, params).mappings()}
    for row in rows.values():
        row.update(figures={}, claimants=[], accused=[], documents=[])
    claimed: dict[tuple[str, str], list[tuple[Any, Any, str]]] = defaultdict(list)
    for incident_id, kind, low, high, claimant in connection.execute(by_count, params):
        claimed[incident_id, kind].append((low, high, claimant))
        if claimant not in rows[incident_id]["claimants"]:
            rows[incident_id]["claimants"].append(claimant)
    for (incident_id, kind), figures in claimed.items():
        lows = [low for low, _high, _c in figures if low is not None]
        highs = [high for _low, high, _c in figures if high is not None]
        # The spread of figures claimed; a one-sided figure counts as its one bound, and
        # only "up to" figures leave no lower bound (only "at least": no upper).
        values = lows + highs
        rows[incident_id]["figures"][kind] = {
            "min": min(values) if lows else None,
            "max": max(values) if highs else None,
            "claimants": len({claimant for _low, _high, claimant in figures}),
        }
    for row in rows.values():
        row["claimants"].sort()
    for incident_id, actor in connection.execute(by_accusation, params):
        rows[incident_id]["accused"].append(actor)
    for incident_id, *document in connection.execute(by_document, params):
        entry = dict(zip(("id", "title", "outlet", "published", "author"), document, strict=True))
        if all(d["id"] != entry["id"] for d in rows[incident_id]["documents"]):
            rows[incident_id]["documents"].append(entry)
    return [rows[incident_id] for incident_id in ids if incident_id in rows]


def timeline(connection: Connection, filters: IncidentFilters) -> list[dict[str, Any]]:
    """Per month (YYYY-MM) of the filtered, dated incidents: how many, and the sums of their
    lowest and highest killed figures claimed (the range of the toll, IBC style)."""
    incidents, reports, counts = schema.incidents, schema.incident_reports, schema.counts
    killed = (
        sa.select(
            reports.c.incident_id.label("incident_id"),
            sa.func.min(sa.func.coalesce(counts.c.min, counts.c.max)).label("low"),
            sa.func.max(sa.func.coalesce(counts.c.max, counts.c.min)).label("high"),
        )
        .join(
            counts,
            sa.and_(
                counts.c.document_id == reports.c.document_id,
                counts.c.incident_idx == reports.c.incident_idx,
                counts.c.kind == CountKind.KILLED.value,
            ),
        )
        .group_by(reports.c.incident_id)
        .subquery()
    )
    month = sa.func.substr(incidents.c.date, 1, 7).label("month")
    query = (
        sa.select(
            month,
            sa.func.count(incidents.c.id),
            sa.func.coalesce(sa.func.sum(killed.c.low), 0),
            sa.func.coalesce(sa.func.sum(killed.c.high), 0),
        )
        .outerjoin(killed, killed.c.incident_id == incidents.c.id)
        .where(incidents.c.id.in_(_filtered_ids(filters)))
        .where(sa.func.length(incidents.c.date) >= 7)
        .group_by(month)
        .order_by(month)
    )
    return [
        {"month": m, "incidents": n, "killed_min": int(low), "killed_max": int(high)}
        for m, n, low, high in connection.execute(query)
    ]


def map_points(connection: Connection, filters: IncidentFilters, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Incidents with coordinates (at most ``limit``, newest first) for the map."""
    incidents = schema.incidents
    query = (
        sa.select(
            incidents.c.id, incidents.c.date, incidents.c.place, incidents.c.country,
            incidents.c.latitude, incidents.c.longitude,
        )
        .where(incidents.c.id.in_(_filtered_ids(filters)))
        .where(incidents.c.latitude.is_not(None), incidents.c.longitude.is_not(None))
        .order_by(incidents.c.date.desc(), incidents.c.id)
        .limit(limit)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def filter_choices(connection: Connection) -> dict[str, list[str]]:
    """The values the list's filters can take: countries and accused actors in the ledger."""
    incidents, accusations = schema.incidents, schema.accusations
    countries = connection.scalars(
        sa.select(incidents.c.country).where(incidents.c.country.is_not(None)).distinct()
        .order_by(incidents.c.country)
    )
    actors = connection.scalars(
        sa.select(accusations.c.actor).distinct().order_by(accusations.c.actor).limit(500)
    )
    return {"countries": list(countries), "actors": list(actors), "kinds": [k.value for k in CountKind]}


# ---- search ------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """The words of a query. Operators are not offered: every word must occur."""
    return _WORD.findall(query)[:20]


def search(
    connection: Connection, query: str, *, offset: int = 0, limit: int = 20
) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """Documents matching every word of ``query`` (best first, with a highlighted snippet
    marked by MARK_START/MARK_END), their total, and the incidents those documents report
    or whose place name matches."""
    terms = search_terms(query)
    if not terms:
        return [], 0, []
    if connection.dialect.name == "postgresql":
        hits, total = _search_postgresql(connection, terms, offset=offset, limit=limit)
    else:
        hits, total = _search_sqlite(connection, terms, offset=offset, limit=limit)
    return hits, total, _matching_incidents(connection, terms, [hit["id"] for hit in hits])


# Built once: a TextClause costs a tenth of a millisecond to construct, per request.
_SQLITE_COUNT = sa.text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :match")
_SQLITE_HITS = sa.text(
    "SELECT d.id, d.title, d.outlet, d.author, d.published, d.tags,"
    " snippet(documents_fts, 3, :start, :end, '…', 28) AS snippet"
    " FROM documents_fts JOIN documents AS d ON d.rowid = documents_fts.rowid"
    " WHERE documents_fts MATCH :match ORDER BY rank LIMIT :limit OFFSET :offset"
)


def _search_sqlite(
    connection: Connection, terms: list[str], *, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    # Each word is an FTS5 string ("..." with quotes doubled), so no input is ever read as
    # FTS5 syntax (NEAR, OR, column filters, *).
    match = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
    total = connection.scalar(_SQLITE_COUNT, {"match": match})
    rows = connection.execute(
        _SQLITE_HITS,
        {"match": match, "start": MARK_START, "end": MARK_END, "limit": limit, "offset": offset},
    ).mappings()
    return [dict(row) for row in rows], int(total or 0)


_POSTGRESQL_COUNT = sa.text(
    "SELECT count(*) FROM documents_search WHERE vector @@ plainto_tsquery('simple', :words)"
)
# ts_headline only for the page's hits (the inner query ranks and cuts first).
_POSTGRESQL_HITS = sa.text(
    "SELECT d.id, d.title, d.outlet, d.author, d.published, d.tags,"
    " ts_headline('simple', left(d.text, 20000), q,"
    "  'StartSel=' || :start || ', StopSel=' || :end || ', MaxWords=40, MinWords=20')"
    "  AS snippet"
    " FROM (SELECT s.document_id, ts_rank(s.vector, q) AS score, q"
    "       FROM documents_search AS s, plainto_tsquery('simple', :words) AS q"
    "       WHERE s.vector @@ q ORDER BY score DESC, s.document_id"
    "       LIMIT :limit OFFSET :offset) AS hit"
    " JOIN documents AS d ON d.id = hit.document_id ORDER BY hit.score DESC, d.id"
)


def _search_postgresql(
    connection: Connection, terms: list[str], *, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    # plainto_tsquery reads its input as plain words: no tsquery syntax gets through.
    words = " ".join(terms)
    total = connection.scalar(_POSTGRESQL_COUNT, {"words": words})
    rows = connection.execute(
        _POSTGRESQL_HITS,
        {"words": words, "start": MARK_START, "end": MARK_END, "limit": limit, "offset": offset},
    ).mappings()
    return [dict(row) for row in rows], int(total or 0)


def _matching_statements() -> tuple[sa.Select, sa.Select]:
    """The incident lookup of a search page (with and without matching documents), built
    once. The OR is answered from two indexes: incident_reports by document and
    ix_incidents_place_lower (migration 0005)."""
    incidents, reports = schema.incidents, schema.incident_reports
    # Equality on the lowered name: one comparison per row, and a query's % or _ is no
    # wildcard. Partial place names are found through the documents that mention them.
    by_place = sa.func.lower(incidents.c.place) == sa.bindparam("place")
    by_document = incidents.c.id.in_(
        sa.select(reports.c.incident_id).where(
            reports.c.document_id.in_(sa.bindparam("document_ids", expanding=True))
        )
    )
    newest = (incidents.c.date.desc(), incidents.c.id)
    base = sa.select(incidents.c.id).order_by(*newest).limit(sa.bindparam("limit"))
    return base.where(sa.or_(by_place, by_document)), base.where(by_place)


_MATCHING_STATEMENTS = _matching_statements()


def _matching_incidents(
    connection: Connection, terms: list[str], document_ids: list[str], *, limit: int = 10
) -> list[dict[str, Any]]:
    """Incidents reported by the matching documents, or whose place is the query itself."""
    by_place_or_document, by_place = _MATCHING_STATEMENTS
    params = {"place": " ".join(terms).lower(), "document_ids": document_ids, "limit": limit}
    ids = list(connection.scalars(by_place_or_document if document_ids else by_place, params))
    return incident_summaries(connection, ids)


# ---- actors and tags ---------------------------------------------------------------------


def actor_profile(connection: Connection, name: str) -> dict[str, Any] | None:
    """An actor: canonical name, aliases (with how many documents use each), and the
    incidents where a source accuses it and where it is named among the victims."""
    actors, aliases = schema.actors, schema.actor_aliases
    if connection.execute(sa.select(actors.c.name).where(actors.c.name == name)).first() is None:
        accused_anywhere = connection.execute(
            sa.select(schema.accusations.c.id).where(schema.accusations.c.actor == name).limit(1)
        ).first()
        if accused_anywhere is None:
            return None
    alias_list = [
        {"alias": alias, "documents": n}
        for alias, n in connection.execute(
            sa.select(aliases.c.alias, sa.func.count(sa.distinct(aliases.c.document_id)))
            .where(aliases.c.actor == name)
            .group_by(aliases.c.alias)
            .order_by(aliases.c.alias)
        )
    ]
    known = {a["alias"] for a in alias_list}
    alias_list += [  # names editors tied to the actor (reviews), after the machine's
        {"alias": alias, "documents": 0, "editor": True}
        for alias in added_aliases(connection).get(name, [])
        if alias not in known
    ]
    names = [name, *(a["alias"] for a in alias_list)]
    reports, accusations = schema.incident_reports, schema.accusations
    accused_ids = list(
        connection.scalars(
            sa.select(reports.c.incident_id)
            .join(
                accusations,
                sa.and_(
                    accusations.c.document_id == reports.c.document_id,
                    accusations.c.incident_idx == reports.c.incident_idx,
                ),
            )
            .where(accusations.c.actor.in_(names))
            .distinct()
            .limit(200)
        )
    )
    victim_ids = _incidents_with_victim(connection, names)
    accused_by: dict[str, set[str]] = defaultdict(set)
    for incident_id, claimant in connection.execute(
        sa.select(reports.c.incident_id, accusations.c.claimant)
        .join(
            accusations,
            sa.and_(
                accusations.c.document_id == reports.c.document_id,
                accusations.c.incident_idx == reports.c.incident_idx,
            ),
        )
        .where(accusations.c.actor.in_(names), reports.c.incident_id.in_(accused_ids))
    ):
        accused_by[incident_id].add(claimant)
    as_accused = incident_summaries(connection, _newest_first(connection, accused_ids))
    for row in as_accused:
        row["accused_by"] = sorted(accused_by[row["id"]])
    return {
        "name": name,
        "aliases": alias_list,
        "as_accused": as_accused,
        "as_victim": incident_summaries(connection, _newest_first(connection, victim_ids)),
    }


def _newest_first(connection: Connection, ids: list[str]) -> list[str]:
    incidents = schema.incidents
    if not ids:
        return []
    undated_last = sa.case((incidents.c.date.is_(None), 1), else_=0)
    return list(
        connection.scalars(
            sa.select(incidents.c.id)
            .where(incidents.c.id.in_(ids))
            .order_by(undated_last, incidents.c.date.desc(), incidents.c.id)
        )
    )


def _json_has(connection: Connection, column: sa.Column, value: str) -> sa.ColumnElement[bool]:
    """``value`` is an element of the JSON array in ``column``."""
    if connection.dialect.name == "postgresql":
        return column.op("?")(value)
    each = sa.func.json_each(column).table_valued("value")
    return sa.exists(sa.select(1).select_from(each).where(each.c.value == value))


def _incidents_with_victim(connection: Connection, names: list[str]) -> list[str]:
    reported, reports = schema.reported_incidents, schema.incident_reports
    return list(
        connection.scalars(
            sa.select(reports.c.incident_id)
            .join(
                reported,
                sa.and_(
                    reported.c.document_id == reports.c.document_id,
                    reported.c.idx == reports.c.incident_idx,
                ),
            )
            .where(sa.or_(*(_json_has(connection, reported.c.victims, n) for n in names)))
            .distinct()
            .limit(200)
        )
    )


def tag_page(
    connection: Connection, tag: str, *, offset: int = 0, limit: int = 20
) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """Documents carrying ``tag`` (newest first), their total, and the incidents they report."""
    documents, reports = schema.documents, schema.incident_reports
    tagged = _json_has(connection, documents.c.tags, tag)
    total = connection.scalar(sa.select(sa.func.count()).select_from(documents).where(tagged))
    rows = connection.execute(
        sa.select(
            documents.c.id, documents.c.title, documents.c.outlet, documents.c.author,
            documents.c.published, documents.c.tags,
            sa.func.substr(documents.c.text, 1, 320).label("opening"),
        )
        .where(tagged)
        .order_by(documents.c.published.desc(), documents.c.id)
        .offset(offset)
        .limit(limit)
    ).mappings()
    hits = [dict(row) for row in rows]
    incident_ids = list(
        connection.scalars(
            sa.select(reports.c.incident_id)
            .where(reports.c.document_id.in_([hit["id"] for hit in hits]))
            .distinct()
        )
    )
    return hits, int(total or 0), incident_summaries(
        connection, _newest_first(connection, incident_ids)
    )


def document_incidents(connection: Connection, document_id: str) -> dict[int, str]:
    """The document's reported incidents (by index) -> the incident each was resolved into."""
    reports = schema.incident_reports
    return {
        idx: incident_id
        for idx, incident_id in connection.execute(
            sa.select(reports.c.incident_idx, reports.c.incident_id).where(
                reports.c.document_id == document_id
            )
        )
    }


def sitemap_entries(connection: Connection, *, limit: int = 45000) -> dict[str, list[Any]]:
    """What the sitemap lists: incidents and documents (with their last change), actors, tags."""
    incidents, documents = schema.incidents, schema.documents
    incident_rows = connection.execute(
        sa.select(incidents.c.id, incidents.c.updated_at).order_by(incidents.c.id).limit(limit)
    ).all()
    document_rows = connection.execute(
        sa.select(documents.c.id, documents.c.ingested_at).order_by(documents.c.id).limit(limit)
    ).all()
    actor_rows = connection.scalars(
        sa.select(schema.actors.c.name).order_by(schema.actors.c.name).limit(limit)
    ).all()
    return {"incidents": incident_rows, "documents": document_rows, "actors": actor_rows}


def feed_incidents(connection: Connection, *, limit: int = 50) -> list[dict[str, Any]]:
    """The most recently created or changed incidents, newest change first."""
    incidents = schema.incidents
    ids = list(
        connection.scalars(
            sa.select(incidents.c.id)
            .order_by(incidents.c.updated_at.desc(), incidents.c.date.desc(), incidents.c.id)
            .limit(limit)
        )
    )
    return incident_summaries(connection, ids)


def read_incident(connection: Connection, incident_id: str) -> tuple[Any, dict[str, Any]]:
    """The incident with this id (or unique id prefix) and its documents by id, read on one
    connection in a few queries (the web's incident page; ``Ledger.incident`` plus one
    ``Ledger.document`` per report would open a connection each). StoreError R403 if none."""
    # The ledger's own readers, so the page shows exactly what `reckon show` shows.
    from reckon.store.ledger import _read_documents, _read_incidents, _resolve_id

    full_id = _resolve_id(connection, schema.incidents, incident_id, "incident")
    (incident,) = _read_incidents(connection, full_id)
    ids = list(dict.fromkeys(report.document_id for report in incident.reports))
    # Not the raw bytes (the page links to them): a fetched HTML page is often 100 kB or more.
    documents = {
        document.id: document
        for document, _version in _read_documents(connection, ids, raw=False)
    }
    return incident, documents


def actors_named(connection: Connection, names: Iterable[str]) -> list[Actor]:
    """The actors any document defined under one of ``names`` (as its name or an alias),
    with every alias the ledger holds for them: what one incident's names need to be
    canonicalised as the whole ledger canonicalises them (``Ledger.actors()``), without
    reading every actor of a large ledger on each page."""
    wanted = sorted({name for name in names if name})
    if not wanted:
        return []
    aliases_table = schema.actor_aliases
    found: set[str] = set()
    for chunk in range(0, len(wanted), 500):  # bounded IN lists
        part = wanted[chunk:chunk + 500]
        found.update(connection.execute(sa.select(aliases_table.c.actor).where(
            sa.or_(aliases_table.c.actor.in_(part), aliases_table.c.alias.in_(part)))).scalars())
    aliases: dict[str, set[str]] = {name: set() for name in found}
    for actor, alias in connection.execute(sa.select(aliases_table.c.actor, aliases_table.c.alias)
                                           .where(aliases_table.c.actor.in_(sorted(found)))):
        aliases[actor].add(alias)
    return [Actor(name=name, aliases=tuple(sorted(seen))) for name, seen in sorted(aliases.items())]

