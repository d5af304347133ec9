"""Group the incidents that many documents report into real-world incidents.

Which reports are one event is ``matching``'s question; which pairs are asked is
``blocking``'s (near-linear, never all pairs). Here the scored pairs are merged best-first
(Kruskal over a union-find), under guards that keep every incident coherent as it grows:

* no two reports of one document at two distinct sites: the extractor decided they are
  two events (a second mosque, a second village). Reports of one document at nested
  places (a village and its region, a dateline and the site) may join when other
  documents link them, and one restating the other's toll joins at once
  (``repeats_report``);
* no dates more than three days apart, so chains of undated reports cannot bridge years;
  a date that is only its document's publication day (``ReportNode.weak``) stops binding
  once the report restates another document's figure (then it says "on or before"; the
  publication guard below keeps that), a date contradicted by its own text (which gives
  the other report's day in full) once matched on that day; either binds again when
  another independent source gives it;
* one country;
* no event that begins after one of its documents was published;
* no merging of two incidents that already have ids (``existing``): ids stay stable.

A new incident's id is a hash of its first report (earliest published, then document id
and index), so the same input gives the same ids, and documents published later (the
usual way a ledger grows) do not change the ids of incidents they join.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reckon.model import DocumentFindings, Incident, IncidentReport, Place
from reckon.resolve.aliases import resolve_actor_names
from reckon.resolve.blocking import (
    MAX_DAY_GAP,
    consonant_skeleton,
    find_candidate_pairs,
    find_related_places,
    is_place_variant,
)
from reckon.resolve.context import (
    PlaceIndex,
    confirmed_country,
    explicit_days,
    named_countries,
    places_beside,
)
from reckon.resolve.independence import find_independence_groups
from reckon.resolve.matching import (
    DAY,
    GENERIC_PLACE_WORDS,
    REGION_KINDS,
    SETTLEMENT_KINDS,
    MONTH,
    YEAR,
    Evidence,
    gives_date,
    is_publication_day,
    ReportNode,
    make_node,
    parse_date_interval,
    nested_places,
    parse_place_key,
    repeats_report,
    restates_figure,
    score_pair,
)

__all__ = ["cluster_reports", "incident_id", "summarize_date", "summarize_place"]


def incident_id(document_id: str, index: int) -> str:
    """Deterministic id from the incident's first report: same input, same id."""
    return "inc-" + hashlib.sha256(f"{document_id}:{index}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class _Cluster:
    documents: dict[str, list[ReportNode]]  # document id -> its reports in the cluster
    existing: str | None
    lo_max: int | None  # over the firm dates
    hi_min: int | None
    country: str | None
    first_published: int | None
    # Dates that may stop binding (see _date_bounds): (first day, last day, independence
    # group, node order) of reports dated by their publication day or whose text gives
    # other full dates.
    soft: tuple[tuple[int, int, str, tuple], ...] = ()
    released: frozenset[tuple] = frozenset()  # of those, the ones another report placed


def _start(node: ReportNode) -> _Cluster:
    if node.lo is not None and node.hi is not None and (node.weak or node.text_days):
        return _Cluster({node.document_id: [node]}, node.existing, None, None, node.country,
                        node.pub_hi, ((node.lo, node.hi, node.group, node.order),))  # fmt: skip
    return _Cluster(
        {node.document_id: [node]}, node.existing, node.lo, node.hi, node.country, node.pub_hi
    )


def _date_bounds(
    lo_max: int | None,
    hi_min: int | None,
    soft: tuple[tuple[int, int, str, tuple], ...],
    released: frozenset[tuple],
) -> tuple[int | None, int | None]:
    """The cluster's latest start and earliest end over the dates that bind it.

    A soft date binds, as if firm, until a match releases it: a publication-day report
    that restates another document's figure was written about an event already reported
    and says only "on or before"; a report whose own text gives the other report's day in
    full had its date taken from elsewhere in that text. A released date binds again when
    another independent source gives a date within a day of it: the same-day wires of a
    new attack fix its date, so they cannot join an earlier attack at the place.
    """
    for lo, hi, group, key in soft:
        binds = key not in released or any(
            other_group != group and other_lo <= hi + 1 and other_hi >= lo - 1
            for other_lo, other_hi, other_group, _ in soft
        )
        if binds:
            lo_max = lo if lo_max is None else max(lo_max, lo)
            hi_min = hi if hi_min is None else min(hi_min, hi)
    return lo_max, hi_min


def _released(a: ReportNode, b: ReportNode) -> frozenset[tuple]:
    """The reports of a matched pair whose dates stop binding (see _date_bounds)."""
    keys = {n.order for n in (a, b) if n.weak} if restates_figure(a, b) else set()
    if a.lo is not None and b.lo is not None and a.hi is not None and b.hi is not None:
        if max(a.lo, b.lo) - min(a.hi, b.hi) > MAX_DAY_GAP:
            keys |= {x.order for x, y in ((a, b), (b, a)) if gives_date(x, y)}
    return frozenset(keys)


def _merged(
    a: _Cluster,
    b: _Cluster,
    *,
    same_document: bool = False,
    release: frozenset[tuple] = frozenset(),
    confirm: Callable[[_Cluster], str | None] | None = None,
) -> _Cluster | None:
    if a.existing and b.existing and a.existing != b.existing:
        return None
    country = a.country or b.country
    if a.country and b.country and a.country != b.country:
        # Rare: only now read the texts for the countries they name (context).
        if confirm is None:
            return None
        left, right = confirm(a), confirm(b)
        if left and right and left != right:
            return None
        country = left or right
    small, large = (
        (a.documents, b.documents)
        if len(a.documents) <= len(b.documents)
        else (b.documents, a.documents)
    )
    if not same_document and not all(
        nested_places(x, y) for d in small if d in large for x in small[d] for y in large[d]
    ):
        return None
    lo_max = max((v for v in (a.lo_max, b.lo_max) if v is not None), default=None)
    hi_min = min((v for v in (a.hi_min, b.hi_min) if v is not None), default=None)
    soft = a.soft + b.soft
    released = a.released | b.released | release if soft else frozenset()
    low, high = _date_bounds(lo_max, hi_min, soft, released)
    if low is not None and high is not None and low - high > MAX_DAY_GAP:
        return None
    first = min((v for v in (a.first_published, b.first_published) if v is not None), default=None)
    if first is not None and low is not None and low > first + 1:
        return None  # a document cannot report an event that begins after it was published
    for document, reports in small.items():
        large.setdefault(document, []).extend(reports)
    return _Cluster(
        large, a.existing or b.existing, lo_max, hi_min, country, first, soft, released
    )  # fmt: skip


def _forced(a: _Cluster, b: _Cluster) -> _Cluster:
    def pick(values: tuple[int | None, ...], choose) -> int | None:
        known = [v for v in values if v is not None]
        return choose(known) if known else None

    documents = {
        d: a.documents.get(d, []) + b.documents.get(d, []) for d in a.documents | b.documents
    }
    soft = a.soft + b.soft
    return _Cluster(
        documents,
        a.existing or b.existing,
        pick((a.lo_max, b.lo_max), max),
        pick((a.hi_min, b.hi_min), min),
        a.country or b.country,
        pick((a.first_published, b.first_published), min),
        soft,
        # An earlier run placed these reports with other documents' reports; their dates
        # bind no more than they did then (see _date_bounds).
        frozenset(key for *_, key in soft) if len(documents) > 1 else frozenset(),
    )


def summarize_date(
    reports: Sequence[IncidentReport], text_days: Mapping[str, frozenset[int]] | None = None
) -> str | None:
    """The most common exact date among reports (ties: the earliest); else month, year.

    Two kinds of dates do not vote while another report's date can: a publication-day date
    more than ``MAX_DAY_GAP`` days after another report's date (the day a later piece was
    written: a statement, an anniversary), and a date more than ``MAX_DAY_GAP`` days from
    another report's day that the report's own text gives in full (``text_days``: document
    id -> ordinals; the extractor took a caption's or another event's date).
    """
    dated = [(r, p) for r in reports if (p := parse_date_interval(r.report.date))]
    days = {p[0] for _, p in dated if p[2] == DAY}

    def contradicted(report: IncidentReport, interval: tuple[int, int, int]) -> bool:
        given = (text_days or {}).get(report.document_id, frozenset())
        return any(
            (day > interval[1] + MAX_DAY_GAP or day < interval[0] - MAX_DAY_GAP)
            and {day - 1, day, day + 1} & given
            for day in days
        )

    voting = [(r, p) for r, p in dated if not contradicted(r, p)] or dated
    firm = [p[0] for r, p in voting if not is_publication_day(r.report.date, r.published)]
    earliest = min(firm, default=None)

    def written_later(report: IncidentReport, first_day: int) -> bool:
        return (
            earliest is not None
            and is_publication_day(report.report.date, report.published)
            and first_day > earliest + MAX_DAY_GAP
        )

    for precision in (DAY, MONTH, YEAR):
        dates = [
            r.report.date[:10]
            for r, p in voting
            if r.report.date and p[2] == precision and not written_later(r, p[0])
        ]
        if dates:
            counts = Counter(dates)
            return min(counts, key=lambda d: (-counts[d], d))
    return None


# How specific a kind of place is: a site (market, camp, school) names where an event
# happened; a village or town less so; a city is often only a dateline, a region the
# area. The incident's place is the most common one, weighted toward the most specific
# (FORMAT.md: "the most specific place the text names for the event").
_SPECIFICITY_WEIGHT = 1.0


def _specificity(place: Place) -> int:
    kind = (place.kind or "").casefold()
    if kind in REGION_KINDS:
        return 0
    if kind == "city":
        return 1
    if kind in SETTLEMENT_KINDS or not kind:
        return 2
    return 3


def summarize_place(reports: Sequence[IncidentReport]) -> Place | None:
    """The incident's place: the most common, weighted toward the most specific kind.

    Two reports at the dateline city and one at the village give the village (a tie goes
    to the more specific), three at the city and one at the village the city; a more
    specific name of the chosen place (more words, "Verdan camp" for "Verdan") is preferred.
    """
    places = [r.report.place for r in reports if r.report.place is not None]
    if not places:
        return None
    keyed = [(parse_place_key(place), place) for place in places]
    counts = Counter(key for key, _ in keyed if key)
    if not counts:
        return places[0]
    specific: dict[str, int] = {}
    for key, place in keyed:
        if key:
            specific[key] = max(specific.get(key, 0), _specificity(place))

    def weight(key: str) -> float:
        return counts[key] + _SPECIFICITY_WEIGHT * specific[key]

    common = min(counts, key=lambda k: (-weight(k), -specific[k], k))
    tokens = set(common.split())
    refinements = [key for key in counts if tokens <= set(key.split())]
    best_key = min(refinements, key=lambda k: (-len(k.split()), -counts[k], k))
    candidates = [place for key, place in keyed if key == best_key]
    with_coordinates = [p for p in candidates if p.latitude is not None]
    pool = with_coordinates or candidates
    names = Counter(p.name for p in pool)
    name = min(names, key=lambda n: (-names[n], n))
    return next(p for p in pool if p.name == name)


def cluster_reports(
    findings: Sequence[DocumentFindings],
    *,
    existing: Sequence[Incident] = (),
    independence: Mapping[str, str] | None = None,
    actor_names: Mapping[str, str] | None = None,
) -> list[Incident]:
    """Group every ``ReportedIncident`` of ``findings`` into incidents across documents.

    ``existing`` incidents keep their ids and gain the new reports that match them; a
    report already in an existing incident (same document id and index) is not added
    twice. ``independence`` maps document id -> group (computed when omitted);
    ``actor_names`` maps perpetrator surface forms to canonical names (computed when
    omitted). Incidents come back sorted by date, then id.
    """
    if independence is None:
        independence = find_independence_groups([f.document for f in findings])
    if actor_names is None:
        names = [a.actor for f in findings for r in f.incidents for a in r.perpetrators]
        names += [a.actor for i in existing for r in i.reports for a in r.report.perpetrators]
        actor_names = resolve_actor_names(names, actors=[a for f in findings for a in f.actors])

    nodes: list[ReportNode] = []
    seen: set[tuple[str, int]] = set()
    for incident in existing:
        for r in incident.reports:
            seen.add((r.document_id, r.index))
            nodes.append(
                make_node(
                    r.document_id,
                    r.index,
                    r.published,
                    r.report,
                    group=r.independence_group,
                    existing=incident.id,
                    actor_names=actor_names,
                )
            )
    texts: dict[str, str] = {}
    for finding in findings:
        document = finding.document
        document_id = document.id  # a hash of the text: computed once
        texts[document_id] = document.text
        for index, report in enumerate(finding.incidents):
            if (document_id, index) in seen:
                continue
            seen.add((document_id, index))
            nodes.append(
                make_node(
                    document_id,
                    index,
                    document.published,
                    report,
                    group=independence.get(document_id, document_id),
                    existing=None,
                    actor_names=actor_names,
                )
            )
    known = {node.place_key for node in nodes if node.place_key}
    related = find_related_places(known)
    index = PlaceIndex(known, GENERIC_PLACE_WORDS, is_place_variant, consonant_skeleton)
    mentions: dict[str, frozenset[str]] = {}
    days: dict[str, frozenset[int]] = {}
    for node in nodes:
        found = mentions.get(node.document_id)
        if found is None:
            text = texts.get(node.document_id, "")
            named = index.mentions(text)
            # A spelling variant named in the text names the place too (Tinkumbi / Tinkoumbi).
            found = named | {other for key in named for other in related.get(key, ())}
            mentions[node.document_id] = found
            days[node.document_id] = explicit_days(text, node.pub_hi)
        node.mentions = found
        if node.lo is not None:
            node.text_days = days[node.document_id] - {node.lo}
        place = node.report.place
        if place is not None and place.span is not None and node.document_id in texts:
            text = texts[node.document_id]
            node.beside = places_beside(text, place.span.start, place.span.end, index)
    # Sorting first makes the result independent of the order findings arrive in.
    nodes.sort(key=lambda n: (n.existing is None, n.existing or "", n.order))

    parent = list(range(len(nodes)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    clusters: dict[int, _Cluster] = {}
    for position, node in enumerate(nodes):
        clusters[position] = _start(node)
    existing_root: dict[str, int] = {}
    for position, node in enumerate(nodes):
        if node.existing is None:
            continue
        root = existing_root.setdefault(node.existing, position)
        if root != position:
            # Existing incidents are kept as they are, even if a guard would object.
            clusters[root] = _forced(clusters[root], clusters.pop(position))
            parent[position] = root
    summary_dates = {incident.id: parse_date_interval(incident.date) for incident in existing}
    for incident_key, root in existing_root.items():
        cluster = clusters[root]
        low, high = _date_bounds(cluster.lo_max, cluster.hi_min, cluster.soft, cluster.released)
        interval = summary_dates.get(incident_key)
        inconsistent = low is not None and high is not None and low - high > MAX_DAY_GAP
        if interval and (cluster.soft or inconsistent):
            # An earlier run may have released some of its dates, on texts this batch may
            # not hold: the incident's own date is what binds it now.
            cluster.lo_max, cluster.hi_min, cluster.soft = interval[0], interval[1], ()

    # One event told twice by one document (a dateline report restating the site's toll)
    # is joined before anything else; the guard below keeps other reports of one document
    # apart.
    by_document: dict[str, list[int]] = defaultdict(list)
    for position, node in enumerate(nodes):
        if node.existing is None:
            by_document[node.document_id].append(position)
    for members in by_document.values():
        for at, i in enumerate(members):
            for j in members[at + 1 :]:
                root_i, root_j = find(i), find(j)
                if root_i == root_j or not repeats_report(nodes[i], nodes[j]):
                    continue
                merged = _merged(clusters[root_i], clusters[root_j], same_document=True)
                if merged is not None:
                    low, high = sorted((root_i, root_j))
                    parent[high] = low
                    del clusters[high]
                    clusters[low] = merged

    evidence = Evidence(texts)
    scored = []
    # A report's country counts only if its text does not contradict it (context.
    # confirmed_country); the texts are read for the few reports whose countries differ.
    checked: set[tuple] = set()

    def confirm_node(node: ReportNode) -> str | None:
        if node.order not in checked and node.country:
            checked.add(node.order)
            named = named_countries(texts.get(node.document_id, ""))
            node.country = confirmed_country(node.country, named)
        return node.country

    def confirm(cluster: _Cluster) -> str | None:
        found = [confirm_node(n) for members in cluster.documents.values() for n in members]
        cluster.country = next((c for c in found if c), None)
        return cluster.country

    for i, j in find_candidate_pairs(nodes, related):
        if nodes[i].country and nodes[j].country and nodes[i].country != nodes[j].country:
            confirm_node(nodes[i]), confirm_node(nodes[j])
        score = score_pair(nodes[i], nodes[j], evidence)
        if score is not None:
            scored.append((-score, i, j))
    scored.sort()
    for _, i, j in scored:
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue
        release = _released(nodes[i], nodes[j])
        merged = _merged(clusters[root_i], clusters[root_j], release=release, confirm=confirm)
        if merged is None:
            continue
        low, high = sorted((root_i, root_j))
        parent[high] = low
        del clusters[high]
        clusters[low] = merged

    members: dict[int, list[ReportNode]] = defaultdict(list)
    for position, node in enumerate(nodes):
        members[find(position)].append(node)
    incidents = []
    for group in members.values():
        group.sort(key=lambda n: n.order)
        reports = tuple(
            IncidentReport(
                document_id=n.document_id,
                index=n.index,
                published=n.published,
                report=n.report,
                independence_group=n.group,
            )
            for n in group
        )
        known = next((n.existing for n in group if n.existing), None)
        identifier = known or incident_id(group[0].document_id, group[0].index)
        incidents.append(
            Incident(
                id=identifier,
                date=summarize_date(reports, days),
                place=summarize_place(reports),
                reports=reports,
            )
        )
    incidents.sort(key=lambda i: (i.date is None, i.date or "", i.id))
    return incidents
