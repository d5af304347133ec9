"""Resolve: from per-document findings to incidents across documents.

``resolve`` composes the stage: independence groups (reprints count once), actor aliases,
clustering into incidents (stable ids), then per incident the conflicts between sources.
``incident_to_json`` is the JSON edge the CLI and the web use to show one incident with
its ranges, each claimant's latest figure, every claim with its evidence, and the
documents behind it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from reckon.errors import ResolveError
from reckon.model import Actor, Document, DocumentFindings, Incident
from reckon.resolve.aliases import resolve_actor_names
from reckon.resolve.cluster import cluster_reports
from reckon.resolve.conflicts import find_conflicts, parse_holder
from reckon.resolve.independence import find_independence_groups
from reckon.resolve.ranges import Claim, resolve_claims, resolve_counts

__all__ = ["incident_to_json", "resolve"]


def resolve(
    findings: Sequence[DocumentFindings],
    *,
    existing: Sequence[Incident] = (),
    aliases: Sequence[Actor] = (),
) -> list[Incident]:
    """Incidents across documents, with reports, summary date and place, and conflicts.

    ``existing`` incidents (from an earlier run, e.g. read from the store) keep their ids;
    new reports join them when they match. ``aliases`` are names editors tied to an actor
    (reviews), joined like the extractor's alias table. Same input, same output, in any
    input order.
    """
    try:
        groups = find_independence_groups([f.document for f in findings])
        for incident in existing:
            for report in incident.reports:
                groups.setdefault(
                    report.document_id, report.independence_group or report.document_id
                )
        # Accused actors and named claimants share one namespace: a group is accused in one
        # document and quoted as a source in another.
        reports = [r for f in findings for r in f.incidents]
        reports += [r.report for i in existing for r in i.reports]
        names = [a.actor for r in reports for a in r.perpetrators]
        names += [c.claimant.name for r in reports for c in r.counts if not c.claimant.is_author]
        actor_names = resolve_actor_names(
            names, actors=[*(a for f in findings for a in f.actors), *aliases]
        )
        incidents = cluster_reports(
            findings, existing=existing, independence=groups, actor_names=actor_names
        )
        documents = {f.document.id: f.document for f in findings}
        resolved = []
        for incident in incidents:
            claims = resolve_claims(incident, documents=documents, claimant_names=actor_names)
            conflicts = find_conflicts(
                incident, documents=documents, claims=claims, actor_names=actor_names
            )
            resolved.append(replace(incident, conflicts=conflicts))
        return resolved
    except (ValueError, KeyError, TypeError) as error:  # a bug, not bad input: say so
        raise ResolveError(f"incident resolution failed: {error}", code="R301") from error


def _independent_sources(claims: Sequence[Claim]) -> dict[tuple[Any, ...], int]:
    """(kind, min, max) -> how many independence groups state that figure currently.

    Any claimant counts: the question is how many independent accounts carry the figure,
    so twelve reprints of one wire story count once.
    """
    groups: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for claim in claims:
        if not claim.superseded:
            groups[(claim.kind, claim.min, claim.max)].add(claim.independence_group)
    return {key: len(members) for key, members in groups.items()}


def _document_json(
    document_id: str, documents: Mapping[str, Document], published: str | None, group: str
) -> dict[str, Any]:
    document = documents.get(document_id)
    return {
        "id": document_id,
        "name": document.name if document else None,
        "source": document.source if document else None,
        "url": document.url if document else None,
        "outlet": document.outlet if document else None,
        "published": document.published if document else published,
        "independence_group": group or document_id,
    }


def incident_to_json(incident: Incident, documents: Mapping[str, Document]) -> dict[str, Any]:
    """One incident as plain JSON: ranges, latest per claimant, claims, conflicts, documents.

    ``documents`` (by id) supplies names, sources and outlets; a document missing from it
    is still listed by id with what the incident's reports know.
    """
    claims = resolve_claims(incident, documents=documents)
    independent = _independent_sources(claims)
    sources = {c.document_id: documents.get(c.document_id) for c in claims}
    counts: dict[str, Any] = {}
    for kind, summary in resolve_counts(incident, claims=claims).items():
        counts[kind.value] = {
            "range": summary.range.to_json(),
            "latest": [
                {
                    "claimant": c.claimant,
                    "min": c.min,
                    "max": c.max,
                    "document_id": c.document_id,
                    "span": c.span.to_json(),
                }
                for c in summary.latest
            ],
            "claims": [
                {
                    "claimant": c.claimant,
                    "min": c.min,
                    "max": c.max,
                    "victims": c.victims,
                    "document_id": c.document_id,
                    "source": (sources[c.document_id].source or None)
                    if sources[c.document_id]
                    else None,
                    "published": c.published,
                    "span": c.span.to_json(),
                    "extractor": c.extractor,
                    "superseded": c.superseded,
                    # A superseded figure is history: it counts its own group at least.
                    "independent_sources": independent.get((c.kind, c.min, c.max), 1),
                }
                for c in summary.claims
            ],
        }

    perpetrators: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    victims: dict[str, list[str]] = defaultdict(list)
    names = resolve_actor_names(a.actor for r in incident.reports for a in r.report.perpetrators)
    for report in incident.reports:
        for accusation in report.report.perpetrators:
            perpetrators[(accusation.claimant.name, report.document_id)].append(
                {
                    "actor": names.get(accusation.actor, accusation.actor),
                    "as_written": accusation.actor,
                    "span": accusation.span.to_json(),
                    "extractor": accusation.extractor,
                }
            )
        for victim in report.report.victims:
            if report.document_id not in victims[victim]:
                victims[victim].append(report.document_id)

    place = incident.place
    groups = {r.document_id: (r.published, r.independence_group) for r in incident.reports}
    return {
        "id": incident.id,
        "date": incident.date,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "counts": counts,
        "perpetrators": [
            {"claimant": claimant, "document_id": document_id, "actors": actors}
            for (claimant, document_id), actors in perpetrators.items()
        ],
        "victims": [{"victims": v, "document_ids": ids} for v, ids in victims.items()],
        "conflicts": [
            {
                "field": conflict.field,
                "sides": [
                    {
                        "value": value,
                        "claimants": [
                            dict(zip(("claimant", "document_id"), parse_holder(h), strict=True))
                            for h in holders
                        ],
                    }
                    for value, holders in conflict.sides
                ],
            }
            for conflict in incident.conflicts
        ],
        "documents": [
            _document_json(document_id, documents, published, group)
            for document_id, (published, group) in groups.items()
        ],
    }
