"""Resolve: from per-document findings to incidents across documents.

``resolve`` composes the stage: independence groups (reprints count once), actor aliases,
clustering into incidents (stable ids), then per incident the conflicts between sources.
``incident_to_json`` is the JSON edge the CLI and the web use to show one incident with
its ranges, each claimant's latest figure, every claim with its evidence, and the
documents behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reckon.errors import ResolveError
from reckon.model import Actor, DocumentFindings, Incident
from reckon.resolve.aliases import resolve_actor_names
from reckon.resolve.cluster import cluster_reports
from reckon.resolve.conflicts import find_conflicts
from reckon.resolve.independence import find_independence_groups
from reckon.resolve.ranges import resolve_claims
from reckon.resolve.views import actors_to_json, incident_to_json, incidents_to_json

__all__ = ["actors_to_json", "incident_to_json", "incidents_to_json", "resolve"]


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
