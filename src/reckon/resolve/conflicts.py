"""Disagreements between sources about one incident, each side with who holds it.

Reckon lists conflicts; it never settles them. Three kinds:

* figures ("killed", "injured", ...): the current claims (superseded tolls are history)
  of different holders, or of one holder in documents that cannot be ordered, whose
  values cannot both be true: their intervals do not overlap (52 vs 50; "at least 60"
  vs 45). "at least 23" and 52 agree; "up to 770" and 52 agree.
* "date": reports whose incident dates cannot both be true (2015-04-02 vs 2015-04-03;
  "2015-04" and "2015-04-02" agree).
* "perpetrator": voices that blame different parties. Generic descriptions ("armed
  men", "the gunman") do not contradict a named group, so only names (a capitalised
  word) take part; names sharing a distinctive word ("Ostra family", "Dario Ostra's
  guards") are one party, and actors one voice names together are co-accused, one
  party. A conflict is two or more parties that no voice links.

Each side is ``(value, holders)``; a holder is written ``"<claimant> [<document id>]"``
so the JSON edge can give claimant and document separately (``parse_holder``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from reckon.model import Conflict, CountKind, Document, Incident
from reckon.resolve.aliases import is_named_actor, normalize_name, resolve_actor_names
from reckon.resolve.matching import parse_date_interval
from reckon.resolve.ranges import Claim, resolve_claims

__all__ = ["GENERIC_ACTOR_WORDS", "find_conflicts", "format_holder", "format_value", "parse_holder"]

# Words that describe a kind of actor rather than name one: two names that share only
# these ("US forces", "Iraqi security forces") are not thereby the same actor.
GENERIC_ACTOR_WORDS = frozenset(
    (
        "forces force army police security military troops soldiers militants militia "
        "militias group gunmen men government officers fighters rebels insurgents attackers "
        "unit units brigade battalion squadron special operations guard guards national "
        "state of the and jr sr family "
    ).split()
)
_HOLDER = re.compile(r"^(?P<claimant>.*) \[(?P<document>[^\[\]]+)\]$")


def format_holder(claimant: str, document_id: str) -> str:
    return f"{claimant} [{document_id}]"


def parse_holder(holder: str) -> tuple[str, str | None]:
    """``"author [3f2a...]"`` -> ("author", "3f2a..."); a bare name -> (name, None)."""
    match = _HOLDER.match(holder)
    if not match:
        return holder, None
    return match["claimant"], match["document"]


def format_value(low: int | None, high: int | None) -> str:
    """A figure as text: "52", "40-50", "at least 23", "up to 770"."""
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    return f"up to {high}"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _sides(values: Mapping[str, set[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((value, tuple(sorted(holders))) for value, holders in sorted(values.items()))


# Words that name people without saying which: "nine people" and "five civilians" may count
# the same dead, so two such figures disagree.
_ANY_PEOPLE = frozenset({"", "people", "persons", "person", "individuals", "victims", "others"})


def _same_people(left: set[str], right: set[str]) -> bool:
    # "9 staff" and "3 patients" count different people; unlabelled figures may not.
    return any(x == y or x in _ANY_PEOPLE or y in _ANY_PEOPLE for x in left for y in right)


def _figure_conflicts(claims: Sequence[Claim]) -> list[Conflict]:
    conflicts = []
    for kind in CountKind:
        current = [c for c in claims if c.kind == kind and not c.superseded]
        holders: dict[str, set[str]] = defaultdict(set)
        victims: dict[str, set[str]] = defaultdict(set)
        intervals: dict[str, tuple[float, float]] = {}
        for claim in current:
            value = format_value(claim.min, claim.max)
            holders[value].add(format_holder(claim.claimant, claim.document_id))
            victims[value].add(" ".join((claim.victims or "").casefold().split()))
            low = claim.min if claim.min is not None else 0.0
            high = claim.max if claim.max is not None else math.inf
            intervals[value] = (low, high)

        disputed = any(
            not _overlap(intervals[a], intervals[b])
            and _same_people(victims[a], victims[b])
            and holders[a] != holders[b]
            for a in intervals
            for b in intervals
            if a < b
        )
        if disputed:
            conflicts.append(Conflict(field=kind.value, sides=_sides(holders)))
    return conflicts


def _date_conflict(incident: Incident) -> list[Conflict]:
    holders: dict[str, set[str]] = defaultdict(set)
    intervals: dict[str, tuple[int, int]] = {}
    for report in incident.reports:
        interval = parse_date_interval(report.report.date)
        if interval is None or report.report.date is None:
            continue
        value = report.report.date[:10]
        holders[value].add(format_holder("author", report.document_id))
        intervals[value] = (interval[0], interval[1])
    if any(not _overlap(intervals[a], intervals[b]) for a in intervals for b in intervals if a < b):
        return [Conflict(field="date", sides=_sides(holders))]
    return []


def _distinctive(name: str) -> frozenset[str]:
    return frozenset(t for t in normalize_name(name).split() if t not in GENERIC_ACTOR_WORDS)


def _perpetrator_conflict(
    incident: Incident, actor_names: Mapping[str, str] | None
) -> list[Conflict]:
    accusations = [(r, a) for r in incident.reports for a in r.report.perpetrators]
    if actor_names is None:
        actor_names = resolve_actor_names(a.actor for _, a in accusations)
    # One voice per holder: each document's author is its own; a named claimant is one
    # voice across documents.
    accused: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    for report, accusation in accusations:
        actor = actor_names.get(accusation.actor, accusation.actor)
        if not is_named_actor(actor):
            continue
        claimant = accusation.claimant.name
        voice = f"author of {report.document_id}" if claimant == "author" else claimant
        accused[voice].add(actor)
        labels[voice].add(format_holder(claimant, report.document_id))

    # Actors one voice names together are co-accused, not alternatives; actors sharing a
    # distinctive word are one party. A conflict needs two parties no voice links.
    actors = sorted({actor for named in accused.values() for actor in named})
    party = {actor: actor for actor in actors}

    def find(actor: str) -> str:
        while party[actor] != actor:
            party[actor] = party[party[actor]]
            actor = party[actor]
        return actor

    def join(a: str, b: str) -> None:
        party[find(a)] = find(b)

    for named in accused.values():
        first, *others = sorted(named)
        for other in others:
            join(first, other)
    words = {actor: _distinctive(actor) for actor in actors}
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            if words[a] & words[b]:
                join(a, b)
    if len({find(actor) for actor in actors}) < 2:
        return []
    holders: dict[str, set[str]] = defaultdict(set)
    for voice, named in accused.items():
        for actor in named:
            holders[actor] |= labels[voice]
    return [Conflict(field="perpetrator", sides=_sides(holders))]


def find_conflicts(
    incident: Incident,
    *,
    documents: Mapping[str, Document] | None = None,
    claims: Sequence[Claim] | None = None,
    actor_names: Mapping[str, str] | None = None,
) -> tuple[Conflict, ...]:
    """Every disagreement in ``incident``: figures per kind, then date, then perpetrator.

    ``claims`` may be passed when already resolved (``ranges.resolve_claims``);
    ``actor_names`` maps accused surface forms to canonical names (computed if omitted).
    """
    documents = documents or {}
    if claims is None:
        claims = resolve_claims(incident, documents=documents)
    return tuple(
        _figure_conflicts(claims)
        + _date_conflict(incident)
        + _perpetrator_conflict(incident, actor_names)
    )
