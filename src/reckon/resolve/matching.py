"""Whether two reports describe one event: their date, place and corroboration compared.

Each ``ReportedIncident`` becomes a ``ReportNode`` holding what matching needs, parsed once:
its date as an interval of days, its place key and coordinates, its country, canonical
accused actors, victim words and exact figures. ``score_pair`` compares two nodes:

* dates: the same day is strong; the next day (an "overnight" attack, local vs UTC) is a
  dispute to flag, not two events; two or three days apart needs corroboration; a month
  or a year is compatible with any day inside it; further apart is never one event, except
  that a date which is its document's own publication day (``ReportNode.weak``: a
  dateline, "today" in a condemnation, "three years ago today") says only "on or before
  that day", so it may meet an earlier event at the same place through a restated
  figure; and a report whose own text gives the other's day in full (``gives_date``: a
  page whose event date the extractor took from a caption) may meet it at the same place
  with some support;
* places: the same key once generic words are dropped ("Verdan University College" =
  "Verdan"), one key inside the other, a spelling variant, or coordinates within 3 km; a
  town and a site within 30 km of it; a place and its gazetteer region; documents that
  name each other's places (``context``: a dateline, a region, the village), weaker when
  only one names the other's, as strong as containment when a text names the other's
  place right beside the report's own ("St Agnes College in Dessoro"); countries must
  agree when both are known (a country its own text contradicts is not known: context);
* corroboration: one independence group, a shared accused actor (a name counts more
  than a description such as "gunmen"), shared victims, the same figure, publication
  within two weeks after the event, or shared keywords.

Reports without a date join by place plus corroboration; the score orders candidate
pairs so that each report joins its best match first.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from reckon.model import Place, ReportedIncident
from reckon.resolve.aliases import is_named_actor, normalize_name
from reckon.resolve.blocking import MAX_DAY_GAP, is_place_variant

__all__ = [
    "DAY",
    "MONTH",
    "YEAR",
    "Evidence",
    "ReportNode",
    "gives_date",
    "is_publication_day",
    "make_node",
    "nested_places",
    "parse_date_interval",
    "parse_place_key",
    "repeats_report",
    "restates_figure",
    "score_pair",
]

YEAR, MONTH, DAY = 1, 2, 3
# MAX_DAY_GAP (blocking): reports whose days differ by up to 3 days may be one event whose
# date the sources dispute (time zones, "overnight", a misread dateline); beyond, two events.
SAME_PLACE_KM = 3.0
NEAR_PLACE_KM = 30.0
FAR_PLACE_KM = 50.0
RECENT_DAYS = 14
RESTATED_MIN = 5  # smallest shared toll that ties a publication-day report to an earlier event
KEYWORDS = 200  # distinctive words kept per document for wording
# Wording support = min(cap, scale * cosine): calibrated so that two stories of one event
# (median cosine ~0.12 on distinctive words) reach the 0.3 an undated report at the same
# place needs, while most stories of different events (median ~0.03) do not.
WORDING_SCALE, WORDING_CAP = 2.5, 0.5

# Place words that say what kind of place, not which: "Garissa University College" and
# "Garissa" name one place for matching; "Camp X" and "X camp" too.
GENERIC_PLACE_WORDS = frozenset(
    (
        "al el the of de square camp city town village district province state county region "
        "university college school hospital clinic mosque church market prison centre center "
        "street road avenue area neighbourhood neighborhood compound base airport "
        "site idp displacement displaced refugee refugees settlement station terminal "
        "stadium hotel mall barracks checkpoint "
    ).split()
)
SETTLEMENT_KINDS = frozenset(
    ("city town village district county province state region municipality admin1 admin2 ").split()
)
# Places that contain sites rather than being one: a report placed there may be a site's
# event seen from further away (a dateline, a region).
REGION_KINDS = frozenset(
    ("region", "admin1", "admin2", "district", "province", "state", "county", "country")
)
_STOPWORDS = frozenset(
    (
        "the and of in at on to for from with by a an was were has have had been be is are "
        "that this which who said says told their they them there after before during into "
        "people members some other more than about also would could will "
    ).split()
)
_WORD = re.compile(r"[^\W\d_]{4,}")

# Date relation weights; a pair with different dates is never merged.
# A next-day date is the commonest dispute (an attack "overnight", local vs UTC dates), so
# it needs only a matching place; two or three days apart also needs corroboration.
_SAME_DAY, _NEXT_DAY, _NEAR_DAY, _SAME_MONTH, _SAME_YEAR, _UNDATED = 1.0, 0.5, 0.4, 0.6, 0.3, 0.0
# A publication-day date against an earlier event: ranked below every dated match (the
# same-day reports of a new event at the place must find each other first) and below an
# undated report's match.
_BEFORE_PUBLICATION = -0.2
# Dates that disagree, but one report's own text gives the other's day in full ("15 March
# 2031"): the extractor took another date of that text (a caption, a coup, a founding) for
# the event's. Ranked with the undated matches; it needs the same place and some support.
_TEXT_DATE = -0.1
# A publication-day date the day after the other report's date: a wire datelined
# the morning after a night raid. Weighted as the next day, but agreeing, not disputed, so a
# place one inside the other (a town and its school) is enough.
_WRITTEN_LATER = 0.45
# Place relation weights; _DIFFERENT_PLACE is negative so that it is never "enough".
_SAME_PLACE, _SIMILAR_PLACE, _CONTAINED_PLACE = 1.0, 0.85, 0.8
_NEAR_HIERARCHY, _NEAR_PLACE, _NO_PLACE, _DIFFERENT_PLACE = 0.7, 0.3, 0.0, -1.0
# Context (context.py): both documents name each other's place, or one names the other's.
_MENTIONED_BOTH, _MENTIONED_ONE = 0.75, 0.5


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


def is_publication_day(when: str | None, published: str | None) -> bool:
    """Whether an event date is its document's own publication day.

    Such a date often comes from the writing, not the event: a wire dateline, "today" in a
    statement about an attack a week earlier, "three years ago today" read as today. It
    is still the event's date for the commonest story, the report of the day, so it is
    kept, but only as weak evidence: the event happened on or before that day.
    """
    event, issue = parse_date_interval(when), parse_date_interval(published)
    return bool(event and issue and event[2] == DAY and issue[2] == DAY and event[0] == issue[0])


def parse_place_key(place: Place | None) -> str:
    """The words that identify a place, sorted; "" when the place is unknown or a country."""
    if place is None or (place.kind or "").casefold() == "country":
        return ""
    tokens = normalize_name(place.name).split()
    specific = sorted({token for token in tokens if token not in GENERIC_PLACE_WORDS})
    return " ".join(specific or tokens)


@dataclass(slots=True)
class ReportNode:
    """One report prepared for matching: every field parsed once, compared many times."""

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
    weak: bool = False  # the date is the document's publication day: "on or before" it
    text_days: frozenset[int] = frozenset()  # full dates its document's text gives (ordinals)
    country: str | None = None
    place_key: str = ""
    place_tokens: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    settlement: bool = False
    region: bool = False  # the place is a region or district, not a site or settlement
    admin1_key: str = ""  # the report's region as a place key ("mopti"): a hierarchy link
    mentions: frozenset[str] = frozenset()  # batch place keys its document names (context)
    beside: frozenset[str] = frozenset()  # ... right beside this report's place: its containers
    actors: frozenset[str] = frozenset()  # canonical names (a capitalised word)
    descriptions: frozenset[str] = frozenset()  # "gunmen", "armed men": weak evidence
    victims: frozenset[str] = frozenset()
    figures: frozenset[tuple[str, int]] = frozenset()
    stated: frozenset[tuple[str, int]] = frozenset()  # (kind, lower bound) of every figure
    order: tuple = field(default=())


def make_node(
    document_id: str,
    index: int,
    published: str | None,
    report: ReportedIncident,
    *,
    group: str,
    existing: str | None,
    actor_names: Mapping[str, str],
    mentions: frozenset[str] = frozenset(),
) -> ReportNode:
    node = ReportNode(document_id, index, published, report, group or document_id, existing)
    node.mentions = mentions
    interval = parse_date_interval(report.date)
    if interval:
        node.lo, node.hi, node.precision = interval
    published_interval = parse_date_interval(published)
    if published_interval:
        node.pub_lo, node.pub_hi, _ = published_interval
    node.weak = is_publication_day(report.date, published)
    place = report.place
    node.country = place.country if place else None
    node.place_key = parse_place_key(place)
    node.place_tokens = frozenset(node.place_key.split())
    if place is not None and place.latitude is not None and place.longitude is not None:
        node.latitude, node.longitude = place.latitude, place.longitude
    node.settlement = place is not None and (place.kind or "").casefold() in SETTLEMENT_KINDS
    node.region = place is not None and (place.kind or "").casefold() in REGION_KINDS
    if place is not None and place.admin1:
        node.admin1_key = parse_place_key(Place(name=place.admin1, kind="admin1"))
    accused = [actor_names.get(a.actor, a.actor) for a in report.perpetrators]
    node.actors = frozenset(normalize_name(name) for name in accused if is_named_actor(name))
    node.descriptions = frozenset(
        normalize_name(name) for name in accused if not is_named_actor(name)
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
    node.stated = frozenset(
        (count.kind.value, count.min)
        for count in report.counts
        if count.min is not None and count.min >= 2
    )
    node.order = (published is None, published or "", document_id, index)
    return node


def _kilometres(a: ReportNode, b: ReportNode) -> float | None:
    if a.latitude is None or b.latitude is None:
        return None
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians((b.longitude or 0.0) - (a.longitude or 0.0))
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _name_relation(a: ReportNode, b: ReportNode) -> float:
    if a.place_key == b.place_key:
        return _SAME_PLACE
    if a.place_tokens <= b.place_tokens or b.place_tokens <= a.place_tokens:
        return _CONTAINED_PLACE
    if is_place_variant(a.place_key, b.place_key):
        return _SIMILAR_PLACE
    return _DIFFERENT_PLACE


def _context_relation(a: ReportNode, b: ReportNode) -> float:
    """Place evidence from the documents' texts and the gazetteer's regions (see context)."""
    if a.place_key and b.place_key and (a.admin1_key == b.place_key or b.admin1_key == a.place_key):
        return _CONTAINED_PLACE  # a place and the region it lies in
    if (b.place_key and b.place_key in a.beside) or (a.place_key and a.place_key in b.beside):
        return _CONTAINED_PLACE  # "St Agnes College in Dessoro": a site and its town
    a_names_b = bool(b.place_key) and b.place_key in a.mentions
    b_names_a = bool(a.place_key) and a.place_key in b.mentions
    if a_names_b and b_names_a:
        return _MENTIONED_BOTH
    if a_names_b or b_names_a:
        return _MENTIONED_ONE
    return _DIFFERENT_PLACE if a.place_key and b.place_key else _NO_PLACE


def _place_relation(a: ReportNode, b: ReportNode) -> float | None:
    """Weight of the place agreement; None when the countries differ (never one event)."""
    if a.country and b.country and a.country != b.country:
        return None
    relation = _direct_place_relation(a, b)
    if relation >= _NEAR_HIERARCHY:
        return relation
    return max(relation, _context_relation(a, b))


def _direct_place_relation(a: ReportNode, b: ReportNode) -> float:
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


def _date_relation(a: ReportNode, b: ReportNode) -> float | None:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return _UNDATED
    gap = max(a.lo, b.lo) - min(a.hi, b.hi)  # <= 0 when the intervals overlap
    if gap > MAX_DAY_GAP:
        if gives_date(a, b) or gives_date(b, a):
            return _TEXT_DATE
        return _BEFORE_PUBLICATION if (a if a.lo > b.lo else b).weak else None
    if a.precision == DAY and b.precision == DAY:
        if gap == 0:
            return _SAME_DAY
        if gap == 1 and (a if a.lo > b.lo else b).weak:
            return _WRITTEN_LATER  # "on or before" the later day: no dispute
        if gap == 1:
            return _NEXT_DAY
        return _NEAR_DAY
    if gap > 0:
        return _NEAR_DAY
    return _SAME_YEAR if YEAR in (a.precision, b.precision) else _SAME_MONTH


class Evidence:
    """Corroboration beyond date and place, each signal combined as independent odds.

    Wording compares the documents' distinctive words: each document's ``KEYWORDS`` words
    of highest tf-idf over the batch (names of villages, groups and people, rare nouns),
    as the cosine of their tf-idf weights. Words every report uses ("killed", "attack")
    weigh little, so two stories of one event share what makes it that event.
    """

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.keywords: dict[str, dict[str, float]] = {}
        self._idf: dict[str, float] | None = None
        self._default_idf = 0.0

    def _document_frequencies(self) -> dict[str, float]:
        if self._idf is None:
            frequency: Counter[str] = Counter()
            for text in self.texts.values():
                frequency.update(set(_WORD.findall(text.casefold())))
            total = len(self.texts)
            self._idf = {w: math.log((total + 1) / (n + 0.5)) for w, n in frequency.items()}
            self._default_idf = math.log(total + 2)
        return self._idf

    def _keywords(self, document_id: str) -> dict[str, float]:
        found = self.keywords.get(document_id)
        if found is None:
            idf = self._document_frequencies()
            words = Counter(
                w
                for w in _WORD.findall(self.texts.get(document_id, "").casefold())
                if w not in _STOPWORDS
            )
            weights = {w: (1.0 + math.log(n)) * idf.get(w, self._default_idf) for w, n in words.items()}
            top = sorted(weights, key=lambda w: (-weights[w], w))[:KEYWORDS]
            norm = math.sqrt(sum(weights[w] ** 2 for w in top)) or 1.0
            found = {w: weights[w] / norm for w in top}
            self.keywords[document_id] = found
        return found

    def score(self, a: ReportNode, b: ReportNode) -> float:
        """Corroboration from the reports' own fields (cheap)."""
        signals = []
        if a.group == b.group:
            signals.append(1.0)
        if a.actors & b.actors:
            signals.append(0.6)
        elif a.descriptions & b.descriptions:
            signals.append(0.2)
        if a.victims and b.victims:
            shared = len(a.victims & b.victims) / min(len(a.victims), len(b.victims))
            if shared >= 0.5:
                signals.append(0.5 * shared)
        if a.figures & b.figures:
            signals.append(0.5)
        elif a.stated & b.stated:
            # "at least 326" and "326": the same number, one side as a bound.
            signals.append(0.4)
        for undated, dated in ((a, b), (b, a)):
            if undated.lo is None and dated.lo is not None and undated.pub_lo is not None:
                if 0 <= undated.pub_lo - dated.lo <= RECENT_DAYS:
                    signals.append(0.4)
        remaining = 1.0
        for signal in signals:
            remaining *= 1.0 - signal
        return 1.0 - remaining

    def wording(self, a: ReportNode, b: ReportNode) -> float:
        """Cosine of the two documents' distinctive words (0 when a text is unknown)."""
        left, right = self._keywords(a.document_id), self._keywords(b.document_id)
        if len(left) > len(right):
            left, right = right, left
        return sum(weight * right[w] for w, weight in left.items() if w in right)

    def with_wording(self, a: ReportNode, b: ReportNode, support: float) -> float:
        """``support`` plus the documents' shared distinctive words (reads both texts once)."""
        cosine = self.wording(a, b)
        return 1.0 - (1.0 - support) * (1.0 - min(WORDING_CAP, WORDING_SCALE * cosine))


# How much corroboration a date relation still needs at each place relation: the first
# (place at least, support needed) step the place reaches; None below the last step.
_SUPPORT_NEEDED: dict[float, tuple[tuple[float, float], ...]] = {
    _SAME_DAY: ((_NEAR_HIERARCHY, 0.0), (_MENTIONED_ONE, 0.3), (_NO_PLACE, 0.6)),
    _NEXT_DAY: ((_SIMILAR_PLACE, 0.0), (_MENTIONED_ONE, 0.3)),
    _TEXT_DATE: ((_CONTAINED_PLACE, 0.3), (_MENTIONED_BOTH, 0.45)),
    _WRITTEN_LATER: ((_CONTAINED_PLACE, 0.0), (_MENTIONED_ONE, 0.3)),
    _NEAR_DAY: ((_NEAR_HIERARCHY, 0.3), (_MENTIONED_ONE, 0.45)),
    _SAME_MONTH: ((_NEAR_HIERARCHY, 0.0), (_MENTIONED_ONE, 0.3)),
    _SAME_YEAR: ((_CONTAINED_PLACE, 0.0), (_MENTIONED_ONE, 0.45)),
    # One place (or a text naming the other's place) and a restated figure (score_pair):
    # a new attack on the place, reported on its day, has its own toll, and shares the
    # place's names and its armed groups with the earlier attack.
    _BEFORE_PUBLICATION: ((_CONTAINED_PLACE, 0.45), (_MENTIONED_ONE, 0.5)),
}
# Undated at one place: shared wording (cosine >= 0.1), a named actor, a figure; a
# description ("gunmen", 0.2) alone is not enough. Another event at the place competes with
# its own score, and the cluster's date guard keeps an undated report from tying two
# events together.
_UNDATED_SUPPORT_NEEDED = ((_CONTAINED_PLACE, 0.25), (_NEAR_HIERARCHY, 0.3), (_MENTIONED_ONE, 0.45))


def _required_support(when: float, place: float) -> float | None:
    """How much corroboration a date and place relation still needs; None: never enough."""
    steps = _SUPPORT_NEEDED.get(when)
    if steps is None:
        if place == _NO_PLACE:
            return 0.9  # neither date nor place: only a copy of the same story
        steps = _UNDATED_SUPPORT_NEEDED
    return next((needed for least, needed in steps if place >= least), None)


def gives_date(a: ReportNode, b: ReportNode) -> bool:
    """Whether ``a``'s text gives ``b``'s exact day (within a day) as a full date."""
    if b.precision != DAY or b.lo is None or not a.text_days:
        return False
    return any(day in a.text_days for day in (b.lo - 1, b.lo, b.lo + 1))


def restates_figure(a: ReportNode, b: ReportNode) -> bool:
    """Whether two reports give one figure of one kind (either side exact or a bound).

    Small figures ("two killed") recur at one place by chance; from ``RESTATED_MIN`` a
    shared toll says the later text is about the earlier event.
    """
    return any(number >= RESTATED_MIN for _, number in a.stated & b.stated)


def nested_places(a: ReportNode, b: ReportNode) -> bool:
    """Whether two reports of one document can be one event's place at two scales.

    Two reports at one place are two events the extractor told apart. Otherwise: unknown,
    a region (or district), a place and its gazetteer region, or one name inside
    the other ("Verdan" / "Verdan market"). Two mosques, two villages: distinct sites.
    """
    if a.place_key == b.place_key:
        return False  # the extractor saw two events at one place (or both unplaced)
    if not a.place_key or not b.place_key or a.region or b.region:
        return True
    if a.admin1_key == b.place_key or b.admin1_key == a.place_key:
        return True
    if b.place_key in a.beside or a.place_key in b.beside:
        return True
    return a.place_tokens <= b.place_tokens or b.place_tokens <= a.place_tokens


def repeats_report(a: ReportNode, b: ReportNode) -> bool:
    """Two reports of one document that are one event the extractor told twice.

    A dateline or region report ("Maranhão", "Tillabéri") beside the site's own report
    restates the site's toll; a second site of a multi-site attack has its own figures.
    So: a shared figure (kind and number, 2 or more), dates that agree (or one undated),
    one country.
    """
    if a.document_id != b.document_id or not a.stated & b.stated:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.lo is None or b.lo is None:
        return True
    return max(a.lo, b.lo) - min(a.hi or a.lo, b.hi or b.lo) <= 1


def score_pair(a: ReportNode, b: ReportNode, evidence: Evidence) -> float | None:
    """Merge priority of two reports, or None when they must not be merged directly."""
    if a.document_id == b.document_id:
        return None
    place = _place_relation(a, b)
    if place is None:
        return None
    when = _date_relation(a, b)
    if when is None:
        return None
    needed = _required_support(when, place)
    if needed is None:
        return None
    if when == _BEFORE_PUBLICATION and not restates_figure(a, b):
        return None  # wording and names alone do not tell a new attack from a recalled one
    support = evidence.score(a, b)
    # Wording is read when it can decide, and for undated reports, where it also breaks
    # ties between events at one place.
    if support < needed or when == _UNDATED:
        support = evidence.with_wording(a, b, support)
    if support < needed:
        return None
    return 2.0 * when + 2.0 * max(place, 0.0) + support
