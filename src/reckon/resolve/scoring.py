"""How well incidents group documents: B-cubed over documents, with overlapping clusters.

A document may report several incidents (an anniversary piece recalls an earlier attack
with its own toll), so each document carries a *set* of cluster labels, on the predicted
side (the incidents it is in) and on the gold side (the real events it reports). Two
documents are together when their sets share a label. For each document, precision is
the share of its predicted companions (itself included) that are gold companions, recall
the share of its gold companions that are predicted companions; both are averaged over
documents (Bagga & Baldwin's B-cubed, item-based).

``gold_events`` turns per-document gold incidents (date and place, FORMAT.md) into event
labels: two gold incidents of different documents are one event when they fall on the
same day, or when their places are one place (same name, one inside the other, or a
spelling variant) and their dates can agree; an undated one joins the event at its place
only when there is one such event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reckon.model import Place
from reckon.resolve.blocking import MAX_DAY_GAP, is_place_variant
from reckon.resolve.matching import DAY, parse_date_interval, parse_place_key

__all__ = ["bcubed", "gold_events"]


def bcubed(
    predicted: Mapping[str, set[str]], gold: Mapping[str, set[str]]
) -> tuple[float, float, float]:
    """(precision, recall, F1) over the documents of ``gold``.

    A document missing from ``predicted`` (or with no label) is alone in its own cluster;
    so is one with no gold label.
    """
    documents = sorted(gold)
    if not documents:
        return 1.0, 1.0, 1.0

    def labels(side: Mapping[str, set[str]], document: str) -> set[str]:
        return set(side.get(document) or ()) or {f"alone:{document}"}

    pred = {d: labels(predicted, d) for d in documents}
    true = {d: labels(gold, d) for d in documents}
    precision = recall = 0.0
    for d in documents:
        pred_mates = {e for e in documents if pred[d] & pred[e]}
        gold_mates = {e for e in documents if true[d] & true[e]}
        both = len(pred_mates & gold_mates)
        precision += both / len(pred_mates)
        recall += both / len(gold_mates)
    precision /= len(documents)
    recall /= len(documents)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _same_place(a: str | None, b: str | None) -> bool:
    key_a, key_b = parse_place_key(Place(name=a)) if a else "", parse_place_key(Place(name=b)) if b else ""
    if not key_a or not key_b:
        return False
    tokens_a, tokens_b = set(key_a.split()), set(key_b.split())
    return key_a == key_b or tokens_a <= tokens_b or tokens_b <= tokens_a or is_place_variant(key_a, key_b)


def _dates(a: str | None, b: str | None) -> tuple[bool, bool]:
    """(same day, can agree) for two gold dates."""
    left, right = parse_date_interval(a), parse_date_interval(b)
    if left is None or right is None:
        return False, True
    gap = max(left[0], right[0]) - min(left[1], right[1])
    same_day = left[2] == DAY and right[2] == DAY and left[0] == right[0]
    return same_day, gap <= MAX_DAY_GAP


def gold_events(incidents: Mapping[str, Sequence[tuple[str | None, str | None]]]) -> dict[str, set[str]]:
    """Document -> event labels, from each document's gold ``(date, place)`` incidents."""
    items = [(document, i, date, place) for document, found in sorted(incidents.items())
             for i, (date, place) in enumerate(found)]  # fmt: skip
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Dated incidents first; then each undated one joins the event at its place only when
    # that event is unambiguous (an undated "Tollendorf" must not tie two attacks on it).
    undated = [i for i, item in enumerate(items) if parse_date_interval(item[2]) is None]
    dated = [i for i in range(len(items)) if i not in set(undated)]
    for at, i in enumerate(dated):
        for j in dated[at + 1 :]:
            (doc_a, _, date_a, place_a), (doc_b, _, date_b, place_b) = items[i], items[j]
            if doc_a == doc_b:
                continue
            same_day, can_agree = _dates(date_a, date_b)
            if same_day or (can_agree and _same_place(place_a, place_b)):
                parent[find(j)] = find(i)
    for i in undated:
        doc_a, _, _, place_a = items[i]
        matches = [j for j in range(len(items)) if items[j][0] != doc_a and _same_place(place_a, items[j][3])]
        if len({find(j) for j in matches if j not in undated}) <= 1:
            for j in matches:
                parent[find(j)] = find(i)
    events: dict[str, set[str]] = {document: set() for document in incidents}
    for position, (document, *_rest) in enumerate(items):
        events[document].add(f"event:{find(position)}")
    return events
