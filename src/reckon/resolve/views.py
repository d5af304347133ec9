"""The JSON edge of the resolved ledger: incidents and actors as plain data.

The CLI (`reckon incidents --json`, `show --json`, `actors --json`, `export`) and the web
read the ledger through these functions only, so every consumer sees one shape (the README
section "Incident JSON" documents it). Names are canonicalised over *all* the incidents
given, so "Katiba Nasr al-Din" in one incident and "Katibat Nasr ad-Din" in another are one
actor everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reckon.model import Actor, Document, Incident
from reckon.resolve.aliases import is_named_actor, normalize_name, resolve_actor_names
from reckon.resolve.conflicts import GENERIC_ACTOR_WORDS, parse_holder
from reckon.resolve.ranges import Claim, resolve_claims, resolve_counts

__all__ = ["actor_names_of", "actors_to_json", "incident_to_json", "incidents_to_json"]


def actor_names_of(incidents: Iterable[Incident], actors: Iterable[Actor] = ()) -> dict[str, str]:
    """Surface form -> canonical name over every accused actor and named claimant.

    ``actors``: the aliases documents define ("Jaysh al-Bayaan (JAB)"), which join a bare
    "JAB" in another document to the group (``Ledger.actors()`` gives the ledger's)."""
    names: list[str] = []
    for incident in incidents:
        for report in incident.reports:
            names += [a.actor for a in report.report.perpetrators]
            names += [c.claimant.name for c in report.report.counts if not c.claimant.is_author]
    return resolve_actor_names(names, actors=actors)


def _names_someone(actor: str) -> bool:
    """A name, not a description: capitalised ("Gunmen" opening a sentence is not) and with
    a word beyond the generic ones ("armed men", "2 gunmen", "security forces")."""
    words = normalize_name(actor).split()
    specific = [w for w in words if w not in GENERIC_ACTOR_WORDS and not w.isdigit()]
    return is_named_actor(actor) and bool(specific)


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
        "source": (document.source or None) if document else None,
        "url": document.url if document else None,
        "outlet": document.outlet if document else None,
        "published": document.published if document else published,
        "independence_group": group or document_id,
    }


def _claim_json(claim: Claim, documents: Mapping[str, Document], independent: Mapping) -> dict:
    document = documents.get(claim.document_id)
    return {
        "claimant": claim.claimant,
        "min": claim.min,
        "max": claim.max,
        "victims": claim.victims,
        "document_id": claim.document_id,
        "source": (document.source or None) if document else None,
        "published": claim.published,
        "span": claim.span.to_json(),
        "extractor": claim.extractor,
        "superseded": claim.superseded,
        "independence_group": claim.independence_group,
        # A superseded figure is history: it counts its own group at least.
        "independent_sources": independent.get((claim.kind, claim.min, claim.max), 1),
    }


def incident_to_json(
    incident: Incident,
    documents: Mapping[str, Document],
    *,
    actor_names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """One incident as plain JSON: ranges, latest per claimant, claims, conflicts, documents.

    ``documents`` (by id) supplies names, sources and outlets; a document missing from it
    is still listed by id with what the incident's reports know. ``actor_names`` (from
    ``actor_names_of`` over the whole ledger) canonicalises accused actors and claimants;
    computed over this incident alone when omitted.
    """
    names = actor_names if actor_names is not None else actor_names_of([incident])
    claims = resolve_claims(incident, documents=documents, claimant_names=names)
    independent = _independent_sources(claims)
    counts: dict[str, Any] = {}
    for kind, summary in resolve_counts(incident, claims=claims).items():
        counts[kind.value] = {
            "range": summary.range.to_json(),
            "latest": [_claim_json(c, documents, independent) for c in summary.latest],
            "claims": [_claim_json(c, documents, independent) for c in summary.claims],
        }

    perpetrators: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    victims: dict[str, list[str]] = defaultdict(list)
    for report in incident.reports:
        for accusation in report.report.perpetrators:
            claimant = accusation.claimant
            holder = "author" if claimant.is_author else names.get(claimant.name, claimant.name)
            perpetrators[(holder, report.document_id)].append(
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
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "counts": counts,
        "perpetrators": [
            {
                "claimant": claimant,
                "document_id": document_id,
                "independence_group": groups[document_id][1] or document_id,
                "actors": actors,
            }
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
        "independent_sources": len({g or d for d, (_, g) in groups.items()}),
        "documents": [
            _document_json(document_id, documents, published, group)
            for document_id, (published, group) in groups.items()
        ],
    }


def incidents_to_json(
    incidents: Sequence[Incident], documents: Mapping[str, Document], actors: Iterable[Actor] = ()
) -> list[dict[str, Any]]:
    """Every incident as ``incident_to_json`` gives it, with one actor name space for all."""
    names = actor_names_of(incidents, actors)
    return [incident_to_json(i, documents, actor_names=names) for i in incidents]


def actors_to_json(incidents: Sequence[Incident], actors: Iterable[Actor] = ()) -> list[dict[str, Any]]:
    """One entry per canonical *named* actor across the incidents.

    Each gives every alias seen (surface forms the documents used), the incidents it is
    accused in (with who accuses it, in which document), the incidents in which reports
    name it among the victims, and the incidents in which it speaks as a claimant.
    Descriptions ("gunmen", "armed men") are not actors: they name no one.
    """
    names = actor_names_of(incidents, actors)
    by_key = {normalize_name(surface): canonical for surface, canonical in names.items()}
    entries: dict[str, dict[str, Any]] = {}

    def entry(canonical: str) -> dict[str, Any]:
        return entries.setdefault(
            canonical,
            {"name": canonical, "aliases": set(), "accused_in": {}, "victim_in": {},
             "claimant_in": set()},
        )  # fmt: skip

    for incident in incidents:
        for report in incident.reports:
            for accusation in report.report.perpetrators:
                if not _names_someone(accusation.actor):
                    continue
                canonical = names.get(accusation.actor, accusation.actor)
                item = entry(canonical)
                item["aliases"].add(accusation.actor)
                claimant = accusation.claimant
                by = "author" if claimant.is_author else names.get(claimant.name, claimant.name)
                accused = item["accused_in"].setdefault(incident.id, set())
                accused.add((by, report.document_id))
            for count in report.report.counts:
                if not count.claimant.is_author and _names_someone(count.claimant.name):
                    canonical = names.get(count.claimant.name, count.claimant.name)
                    item = entry(canonical)
                    item["aliases"].add(count.claimant.name)
                    item["claimant_in"].add(incident.id)
            for victim in report.report.victims:
                canonical = by_key.get(normalize_name(victim))
                if canonical is not None and _names_someone(victim):
                    item = entry(canonical)
                    item["aliases"].add(victim)
                    item["victim_in"].setdefault(incident.id, set()).add(report.document_id)

    result = []
    for canonical in sorted(entries, key=str.casefold):
        item = entries[canonical]
        result.append(
            {
                "name": canonical,
                "aliases": sorted(item["aliases"]),
                "accused_in": [
                    {
                        "incident_id": incident_id,
                        "accused_by": [
                            {"claimant": by, "document_id": document_id}
                            for by, document_id in sorted(holders)
                        ],
                    }
                    for incident_id, holders in sorted(item["accused_in"].items())
                ],
                "victim_in": [
                    {"incident_id": incident_id, "document_ids": sorted(ids)}
                    for incident_id, ids in sorted(item["victim_in"].items())
                ],
                "claimant_in": sorted(item["claimant_in"]),
            }
        )
    return result
