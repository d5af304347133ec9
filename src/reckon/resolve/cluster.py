"""Group the incidents that many documents report into real-world incidents.

Two reports are the same event when their dates agree (one day strongly, one month or one
year weakly, within three days as a disagreement to flag) and their places agree (same
name once generic words are dropped, one name inside the other, a spelling variant, or
gazetteer coordinates within a few km), with the countries equal when both are known.
Reports without a date join by place plus corroboration: a shared accused actor, shared
victims, the same figure, publication within two weeks of the event, or similar wording.
Different days at one place stay apart, so three attacks on one camp in three years are
three incidents.

Cost is near-linear: reports are compared only inside blocks (the first three letters of
each word of the place name, a coarse grid cell of the coordinates, the event day, the
independence group), and inside a block only with neighbours in time. Candidate pairs
are merged best-first (Kruskal over a union-find) under guards that keep a cluster
coherent: no two reports of one document (the extractor already decided they are two
events), no dates more than three days apart, one country, no event after a report's
publication, and no merging of two incidents that already have ids.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from reckon.model import DocumentFindings, Incident, IncidentReport, Place, ReportedIncident
from reckon.resolve.aliases import normalize_name, resolve_actor_names
from reckon.resolve.blocking import MAX_DAY_GAP, PLACE_FUZZY, find_candidate_pairs
from reckon.resolve.independence import find_independence_groups

__all__ = [
    "cluster_reports",
    "incident_id",
    "parse_date_interval",
    "parse_place_key",
    "summarize_date",
    "summarize_place",
]

YEAR, MONTH, DAY = 1, 2, 3
# MAX_DAY_GAP (blocking): reports whose days differ by up to 3 days may be one event whose
# date the sources dispute (time zones, "overnight", a misread dateline); beyond, two events.
SAME_PLACE_KM = 3.0
NEAR_PLACE_KM = 30.0
FAR_PLACE_KM = 50.0
RECENT_DAYS = 14
KEYWORDS = 40

# Place words that say what kind of place, not which: "Garissa University College" and
# "Garissa" name one place for matching; "Camp X" and "X camp" too.
GENERIC_PLACE_WORDS = frozenset(
    (
        "al el the of de square camp city town village district province state county region "
        "university college school hospital clinic mosque church market prison centre center "
        "street road avenue area neighbourhood neighborhood compound base airport "
    ).split()
)
SETTLEMENT_KINDS = frozenset(
    ("city town village district county province state region municipality admin1 admin2 ").split()
)
_STOPWORDS = frozenset(
    (
        "the and of in at on to for from with by a an was were has have had been be is are "
        "that this which who said says told their they them there after before during into "
        "people members some other more than about also would could will "
    ).split()
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_DIGITS = re.compile(r"\d+")

# Date relation weights; a pair with different dates is never merged.
# A next-day date is the commonest dispute (an attack "overnight", local vs UTC dates), so
# it needs only a matching place; two or three days apart also needs corroboration.
_SAME_DAY, _NEXT_DAY, _NEAR_DAY, _SAME_MONTH, _SAME_YEAR, _UNDATED = 1.0, 0.5, 0.4, 0.6, 0.3, 0.0
# Place relation weights; _DIFFERENT_PLACE is negative so that it is never "enough".
_SAME_PLACE, _SIMILAR_PLACE, _CONTAINED_PLACE = 1.0, 0.85, 0.8
_NEAR_HIERARCHY, _NEAR_PLACE, _NO_PLACE, _DIFFERENT_PLACE = 0.7, 0.3, 0.0, -1.0


def parse_date_interval(text: str | None) -> tuple[int, int, int] | None:
    """ISO date text -> (first day, last day, precision) as ordinals; None if unreadable.

    "2015-04-02" -> one day; "2015-04" -> the month's first and last day; "2015" -> the year.
    """
    if not text:
        return None
    parts = text.strip()[:10].split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1).toordinal(), date(numbers[0], 12, 31).toordinal(), YEAR
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            first = date(numbers[0], numbers[1], 1)
            return first.toordinal(), date(numbers[0], numbers[1], last).toordinal(), MONTH
        day = date(numbers[0], numbers[1], numbers[2]).toordinal()
        return day, day, DAY
    except ValueError:
        return None


def parse_place_key(place: Place | None) -> str:
    """The words that identify a place, sorted; "" when the place is unknown or a country."""
    if place is None or (place.kind or "").casefold() == "country":
        return ""
    tokens = normalize_name(place.name).split()
    specific = sorted({token for token in tokens if token not in GENERIC_PLACE_WORDS})
    return " ".join(specific or tokens)


def incident_id(document_id: str, index: int) -> str:
    """Deterministic id from the incident's first report: same input, same id."""
    return "inc-" + hashlib.sha256(f"{document_id}:{index}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class _Node:
    document_id: str
    index: int
    published: str | None
    report: ReportedIncident
    group: str
    existing: str | None
    lo: int | None = None
    hi: int | None = None
    precision: int = 0
    pub_lo: int | None = None
    pub_hi: int | None = None
    country: str | None = None
    place_key: str = ""
    place_tokens: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    settlement: bool = False
    actors: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    figures: frozenset[tuple[str, int]] = frozenset()
    order: tuple = field(default=())


def _make_node(
    document_id: str,
    index: int,
    published: str | None,
    report: ReportedIncident,
    *,
    group: str,
    existing: str | None,
    actor_names: Mapping[str, str],
) -> _Node:
    node = _Node(document_id, index, published, report, group or document_id, existing)
    interval = parse_date_interval(report.date)
    if interval:
        node.lo, node.hi, node.precision = interval
    published_interval = parse_date_interval(published)
    if published_interval:
        node.pub_lo, node.pub_hi, _ = published_interval
    place = report.place
    node.country = place.country if place else None
    node.place_key = parse_place_key(place)
    node.place_tokens = frozenset(node.place_key.split())
    if place is not None and place.latitude is not None and place.longitude is not None:
        node.latitude, node.longitude = place.latitude, place.longitude
    node.settlement = place is not None and (place.kind or "").casefold() in SETTLEMENT_KINDS
    node.actors = frozenset(
        normalize_name(actor_names.get(a.actor, a.actor)) for a in report.perpetrators
    )
    node.victims = frozenset(
        token
        for victim in report.victims
        for token in normalize_name(victim).split()
        # The place's own name in "Verdan schoolgirls" is place evidence, counted there.
        if len(token) > 2 and token not in _STOPWORDS and token not in node.place_tokens
    )
    node.figures = frozenset(
        (count.kind.value, count.min)
        for count in report.counts
        if count.min is not None and count.min == count.max and count.min >= 2
    )
    node.order = (published is None, published or "", document_id, index)
    return node


def _kilometres(a: _Node, b: _Node) -> float | None:
    if a.latitude is None or b.latitude is None:
        return None
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians((b.longitude or 0.0) - (a.longitude or 0.0))
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _name_relation(a: _Node, b: _Node) -> float:
    if a.place_key == b.place_key:
        return _SAME_PLACE
    if a.place_tokens <= b.place_tokens or b.place_tokens <= a.place_tokens:
        return _CONTAINED_PLACE
    if fuzz.token_sort_ratio(a.place_key, b.place_key) >= PLACE_FUZZY and _DIGITS.findall(
        a.place_key
    ) == _DIGITS.findall(b.place_key):
        return _SIMILAR_PLACE
    return _DIFFERENT_PLACE


def _place_relation(a: _Node, b: _Node) -> float | None:
    """Weight of the place agreement; None when the countries differ (never one event)."""
    if a.country and b.country and a.country != b.country:
        return None
    if not a.place_key or not b.place_key:
        return _NO_PLACE
    distance = _kilometres(a, b)
    if distance is None:
        return _name_relation(a, b)
    if distance <= SAME_PLACE_KM:
        return _SAME_PLACE
    if distance > FAR_PLACE_KM:
        return _DIFFERENT_PLACE  # a same-named place elsewhere
    by_name = _name_relation(a, b)
    if by_name > 0:
        return by_name
    if distance > NEAR_PLACE_KM:
        return _DIFFERENT_PLACE
    # A town and a site in it are one event's place; two squares of one city are two sites.
    return _NEAR_HIERARCHY if a.settlement != b.settlement else _NEAR_PLACE


def _date_relation(a: _Node, b: _Node) -> float | None:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return _UNDATED
    gap = max(a.lo, b.lo) - min(a.hi, b.hi)  # <= 0 when the intervals overlap
    if a.precision == DAY and b.precision == DAY:
        if gap == 0:
            return _SAME_DAY
        if gap == 1:
            return _NEXT_DAY
        return _NEAR_DAY if gap <= MAX_DAY_GAP else None
    if gap > MAX_DAY_GAP:
        return None
    if gap > 0:
        return _NEAR_DAY
    return _SAME_YEAR if YEAR in (a.precision, b.precision) else _SAME_MONTH


class _Evidence:
    """Corroboration beyond date and place, each signal combined as independent odds."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.keywords: dict[str, frozenset[str]] = {}

    def _keywords(self, document_id: str) -> frozenset[str]:
        found = self.keywords.get(document_id)
        if found is None:
            words = Counter(
                w
                for w in _WORD.findall(self.texts.get(document_id, "").casefold())
                if w not in _STOPWORDS
            )
            found = frozenset(word for word, _ in words.most_common(KEYWORDS))
            self.keywords[document_id] = found
        return found

    def score(self, a: _Node, b: _Node) -> float:
        signals = []
        if a.group == b.group:
            signals.append(1.0)
        if a.actors & b.actors:
            signals.append(0.6)
        if a.victims and b.victims:
            shared = len(a.victims & b.victims) / min(len(a.victims), len(b.victims))
            if shared >= 0.5:
                signals.append(0.5 * shared)
        if a.figures & b.figures:
            signals.append(0.5)
        for undated, dated in ((a, b), (b, a)):
            if undated.lo is None and dated.lo is not None and undated.pub_lo is not None:
                if 0 <= undated.pub_lo - dated.lo <= RECENT_DAYS:
                    signals.append(0.4)
        left, right = self._keywords(a.document_id), self._keywords(b.document_id)
        if left and right:
            jaccard = len(left & right) / len(left | right)
            signals.append(min(0.45, 2.5 * jaccard))
        remaining = 1.0
        for signal in signals:
            remaining *= 1.0 - signal
        return 1.0 - remaining


def _pair_score(a: _Node, b: _Node, evidence: _Evidence) -> float | None:
    """Merge priority of two reports, or None when they must not be merged directly."""
    if a.document_id == b.document_id:
        return None
    place = _place_relation(a, b)
    if place is None:
        return None
    when = _date_relation(a, b)
    if when is None:
        return None
    support = evidence.score(a, b)
    if when == _SAME_DAY:
        ok = place >= _NEAR_HIERARCHY or (place >= _NO_PLACE and support >= 0.6)
    elif when == _NEXT_DAY:
        ok = place >= _SIMILAR_PLACE or (place >= _NEAR_HIERARCHY and support >= 0.3)
    elif when == _NEAR_DAY:
        ok = place >= _NEAR_HIERARCHY and support >= 0.3
    elif when == _SAME_MONTH:
        ok = place >= _NEAR_HIERARCHY
    elif when == _SAME_YEAR:
        ok = place >= _CONTAINED_PLACE
    elif place == _NO_PLACE:
        ok = support >= 0.9  # neither date nor place: only a reprint of the same story
    else:
        ok = place >= _NEAR_HIERARCHY and support >= 0.3
    if not ok:
        return None
    return 2.0 * when + 2.0 * max(place, 0.0) + support


@dataclass(slots=True)
class _Cluster:
    documents: set[str]
    existing: str | None
    lo_max: int | None
    hi_min: int | None
    country: str | None
    first_published: int | None


def _merged(a: _Cluster, b: _Cluster) -> _Cluster | None:
    if a.existing and b.existing and a.existing != b.existing:
        return None
    if a.country and b.country and a.country != b.country:
        return None
    small, large = (
        (a.documents, b.documents)
        if len(a.documents) <= len(b.documents)
        else (b.documents, a.documents)
    )
    if any(document in large for document in small):
        return None
    lo_max = max((v for v in (a.lo_max, b.lo_max) if v is not None), default=None)
    hi_min = min((v for v in (a.hi_min, b.hi_min) if v is not None), default=None)
    if lo_max is not None and hi_min is not None and lo_max - hi_min > MAX_DAY_GAP:
        return None
    first = min((v for v in (a.first_published, b.first_published) if v is not None), default=None)
    if first is not None and lo_max is not None and lo_max > first + 1:
        return None  # a document cannot report an event that begins after it was published
    large.update(small)
    return _Cluster(large, a.existing or b.existing, lo_max, hi_min, a.country or b.country, first)


def _forced(a: _Cluster, b: _Cluster) -> _Cluster:
    def pick(values: tuple[int | None, ...], choose) -> int | None:
        known = [v for v in values if v is not None]
        return choose(known) if known else None

    return _Cluster(
        a.documents | b.documents,
        a.existing or b.existing,
        pick((a.lo_max, b.lo_max), max),
        pick((a.hi_min, b.hi_min), min),
        a.country or b.country,
        pick((a.first_published, b.first_published), min),
    )


def summarize_date(reports: Sequence[IncidentReport]) -> str | None:
    """The most common exact date among reports (ties: the earliest); else month, year."""
    for precision in (DAY, MONTH, YEAR):
        dates = [
            r.report.date[:10]
            for r in reports
            if r.report.date and (p := parse_date_interval(r.report.date)) and p[2] == precision
        ]
        if dates:
            counts = Counter(dates)
            return min(counts, key=lambda d: (-counts[d], d))
    return None


def summarize_place(reports: Sequence[IncidentReport]) -> Place | None:
    """The most common place; a more specific name of it (more words) is preferred."""
    places = [r.report.place for r in reports if r.report.place is not None]
    if not places:
        return None
    keyed = [(parse_place_key(place), place) for place in places]
    counts = Counter(key for key, _ in keyed if key)
    if not counts:
        return places[0]
    common = min(counts, key=lambda k: (-counts[k], k))
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

    nodes: list[_Node] = []
    seen: set[tuple[str, int]] = set()
    for incident in existing:
        for r in incident.reports:
            seen.add((r.document_id, r.index))
            nodes.append(
                _make_node(
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
        texts[document.id] = document.text
        for index, report in enumerate(finding.incidents):
            if (document.id, index) in seen:
                continue
            seen.add((document.id, index))
            nodes.append(
                _make_node(
                    document.id,
                    index,
                    document.published,
                    report,
                    group=independence.get(document.id, document.id),
                    existing=None,
                    actor_names=actor_names,
                )
            )
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
        clusters[position] = _Cluster(
            {node.document_id}, node.existing, node.lo, node.hi, node.country, node.pub_hi
        )
    existing_root: dict[str, int] = {}
    for position, node in enumerate(nodes):
        if node.existing is None:
            continue
        root = existing_root.setdefault(node.existing, position)
        if root != position:
            # Existing incidents are kept as they are, even if a guard would object.
            clusters[root] = _forced(clusters[root], clusters.pop(position))
            parent[position] = root

    evidence = _Evidence(texts)
    scored = []
    for i, j in find_candidate_pairs(nodes):
        score = _pair_score(nodes[i], nodes[j], evidence)
        if score is not None:
            scored.append((-score, i, j))
    scored.sort()
    for _, i, j in scored:
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue
        merged = _merged(clusters[root_i], clusters[root_j])
        if merged is None:
            continue
        low, high = sorted((root_i, root_j))
        parent[high] = low
        del clusters[high]
        clusters[low] = merged

    members: dict[int, list[_Node]] = defaultdict(list)
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
                date=summarize_date(reports),
                place=summarize_place(reports),
                reports=reports,
            )
        )
    incidents.sort(key=lambda i: (i.date is None, i.date or "", i.id))
    return incidents
