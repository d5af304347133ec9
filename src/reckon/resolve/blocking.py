"""Which pairs of reports the clusterer compares: blocking that keeps the cost near-linear.

Comparing every report with every other is quadratic; most pairs share neither place nor
time. So reports are compared only when

* their places may be one place: the same place key, or two keys that are related (one
  inside the other, "verdan" / "trauma verdan", or spelling variants, "rabaa tessa" /
  "rabea tessa"). Related keys are found once over the *distinct* keys, which are far
  fewer than reports, with a token index, and rapidfuzz inside blocks of keys sharing a
  word's first letters and a length band, or sharing their consonants;
* or their coordinates fall in one cell of a coarse grid (shifted twice, so any two
  points within ~27 km share a cell);
* and their dates are close: inside each block, reports are swept in date order and each
  meets only the following reports whose date is within ``MAX_DAY_GAP`` days of its own
  interval, at most ``NEIGHBOURS`` of them.

Reports also meet the reports at the places their documents name (``context``) or at
their region. Undated reports, and reports dated only by their publication day, meet the
most recent events at their place before their publication; reports whose text gives other
full dates meet the reports at their place on those days;
reports without a place meet the reports of the same day; copies in one independence
group meet each other.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from reckon.resolve.aliases import length_bands

if TYPE_CHECKING:
    from reckon.resolve.matching import ReportNode

__all__ = [
    "MAX_DAY_GAP",
    "PLACE_FUZZY",
    "compact_forms",
    "consonant_skeleton",
    "find_candidate_pairs",
    "find_related_places",
    "is_place_variant",
]

MAX_DAY_GAP = 3
PLACE_FUZZY = 88.0  # token_sort_ratio of place keys: "rabaa tessa" / "rabea tessa" = 91
NEIGHBOURS = 64  # per report and block, the most later reports it is compared with
GRID_NEIGHBOURS = 16  # the grid only adds near places with other names: fewer suffice
UNDATED_CANDIDATES = 40
GRID_DEGREES = 0.5  # ~55 km cells, shifted by half a cell
MAX_TOKEN_BLOCK = 2000  # a token shared by more keys ("north") is no evidence of a place
_DIGITS = re.compile(r"\d+")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
VOWEL_VARIANT_RATIO = 75.0  # "bako" / "buko" = 75, "rabaa" / "rabea" = 80


def consonant_skeleton(key: str) -> str:
    """Each word without vowels and doubled letters: "rabaa tessa" -> "rb ts"."""
    return " ".join(_DOUBLED.sub(r"\1", _VOWELS.sub("", token)) for token in key.split())


def compact_forms(key: str) -> frozenset[str]:
    """A key written as one word, its words in either order: "koumbi tin" -> "tinkoumbi", ...

    Keys are sorted words, so "Tin-Koumbi" is "koumbi tin"; written together it is the
    "Tinkoumbi" another source writes. Two or three words only (longer keys are names of
    institutions, not spellings of one place name).
    """
    tokens = key.split()
    if not 2 <= len(tokens) <= 3:
        return frozenset()
    return frozenset({"".join(tokens), "".join(reversed(tokens))})


def is_place_variant(a: str, b: str) -> bool:
    """Two place keys that are spellings of one name (numbers must agree: "Block 4" != "5")."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    if (compact_forms(a) & {b.replace(" ", "")}) or (compact_forms(b) & {a.replace(" ", "")}):
        return True
    score = fuzz.token_sort_ratio(a, b)
    if score >= PLACE_FUZZY:
        return True
    # Transliterations differ in vowels and doubled letters (Rabaa / Rabea, Shabab /
    # Shabaab): the same consonants allow a lower ratio.
    return score >= VOWEL_VARIANT_RATIO and consonant_skeleton(a) == consonant_skeleton(b)


def _skeleton_related(keys: list[str], related: dict[str, set[str]]) -> None:
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        blocks[consonant_skeleton(key)].append(key)
    for chunk in blocks.values():
        if len(chunk) < 2:
            continue
        matrix = process.cdist(
            chunk, chunk, scorer=fuzz.token_sort_ratio, score_cutoff=VOWEL_VARIANT_RATIO - 0.001
        )
        for i, j in zip(*matrix.nonzero(), strict=True):
            if i < j and _DIGITS.findall(chunk[i]) == _DIGITS.findall(chunk[j]):
                related[chunk[i]].add(chunk[j])
                related[chunk[j]].add(chunk[i])


def _fuzzy_related(keys: list[str], related: dict[str, set[str]]) -> None:
    # Spelling variants share a word's first three letters and a similar length.
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in keys:
        bands = length_bands(len(key))
        for prefix in {token[:3] for token in key.split() if len(token) >= 3}:
            for band in bands:
                blocks[(prefix, band)].append(key)
    for chunk in blocks.values():
        if len(chunk) < 2:
            continue
        matrix = process.cdist(
            chunk, chunk, scorer=fuzz.token_sort_ratio, score_cutoff=PLACE_FUZZY - 0.001
        )
        for i, j in zip(*matrix.nonzero(), strict=True):
            a, b = chunk[i], chunk[j]
            # Numbers name different places ("Block 4", "Block 5").
            if i < j and _DIGITS.findall(a) == _DIGITS.findall(b):
                related[a].add(b)
                related[b].add(a)


def find_related_places(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each distinct place key, the other keys that may name the same place."""
    distinct = sorted({key for key in keys if key})
    related: dict[str, set[str]] = defaultdict(set)
    index: dict[str, list[str]] = defaultdict(list)
    for key in distinct:
        for token in set(key.split()):
            index[token].append(key)
    for key in distinct:
        tokens = set(key.split())
        # A key inside another shares all its tokens: scanning its rarest token's keys finds
        # every superset.
        rarest = min(tokens, key=lambda t: len(index[t]))
        if len(index[rarest]) > MAX_TOKEN_BLOCK:
            continue
        for other in index[rarest]:
            if other != key and tokens <= set(other.split()):
                related[key].add(other)
                related[other].add(key)
    _fuzzy_related(distinct, related)
    _skeleton_related(distinct, related)
    # "koumbi tin" (Tin-Koumbi) and "tinkoumbi": one name written apart and together.
    by_compact: dict[str, list[str]] = defaultdict(list)
    for key in distinct:
        for form in compact_forms(key) | {key.replace(" ", "")}:
            by_compact[form].append(key)
    for keys_of_form in by_compact.values():
        for i, a in enumerate(keys_of_form):
            for b in keys_of_form[i + 1 :]:
                if a != b:
                    related[a].add(b)
                    related[b].add(a)
    return {key: frozenset(others) for key, others in related.items()}


def _by_date(members: Iterable[int], nodes: list[ReportNode]) -> tuple[list[int], list[int]]:
    dated = [m for m in members if nodes[m].lo is not None]
    dated.sort(key=lambda m: nodes[m].lo or 0)
    return dated, [nodes[m].lo or 0 for m in dated]


def _grid_keys(node: ReportNode) -> list[tuple[float, float, int, int]]:
    if node.latitude is None or node.longitude is None:
        return []
    keys = []
    for shift_lat in (0.0, GRID_DEGREES / 2):
        for shift_lon in (0.0, GRID_DEGREES / 2):
            keys.append(
                (
                    shift_lat,
                    shift_lon,
                    math.floor((node.latitude + shift_lat) / GRID_DEGREES),
                    math.floor(((node.longitude or 0.0) + shift_lon) / GRID_DEGREES),
                )
            )
    return keys


def find_candidate_pairs(
    nodes: list[ReportNode], related: dict[str, frozenset[str]] | None = None
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of reports worth scoring (see the module docstring).

    ``related`` is ``find_related_places`` over the nodes' keys (computed when omitted).
    """
    exact: dict[str, list[int]] = defaultdict(list)
    cells: dict[tuple[float, float, int, int], list[int]] = defaultdict(list)
    days: dict[int, list[int]] = defaultdict(list)
    groups: dict[str, list[int]] = defaultdict(list)
    for position, node in enumerate(nodes):
        if node.place_key:
            exact[node.place_key].append(position)
        for cell in _grid_keys(node):
            cells[cell].append(position)
        if node.lo is not None and node.lo == node.hi:
            days[node.lo].append(position)
        groups[node.group].append(position)

    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j and not (nodes[i].existing and nodes[j].existing):
            pairs.add((i, j) if i < j else (j, i))

    def sweep(
        dated: list[int], limit_per_node: int, *, cross: dict[int, str] | None = None
    ) -> None:
        # Each dated report meets the next ones whose date is close to its own interval;
        # with ``cross``, only pairs from different sides (keys) count.
        for i, first in enumerate(dated):
            limit = (nodes[first].hi or 0) + MAX_DAY_GAP
            met = 0
            for second in dated[i + 1 :]:
                if (nodes[second].lo or 0) > limit or met >= limit_per_node:
                    break
                if cross is not None and cross[first] == cross[second]:
                    continue
                add(first, second)
                met += 1

    dated_at: dict[str, tuple[list[int], list[int]]] = {}
    for key, members in exact.items():
        dated_at[key] = _by_date(members, nodes)
        sweep(dated_at[key][0], NEIGHBOURS)

    if related is None:
        related = find_related_places(exact)
    for key, others in related.items():
        for other in others:
            if key < other and key in dated_at and other in dated_at:
                side = {m: key for m in dated_at[key][0]} | {m: other for m in dated_at[other][0]}
                merged = sorted(side, key=lambda m: nodes[m].lo or 0)
                sweep(merged, NEIGHBOURS, cross=side)

    for members in cells.values():
        dated, _ = _by_date(members, nodes)
        side = {m: nodes[m].place_key for m in dated}
        sweep(dated, GRID_NEIGHBOURS, cross=side)

    for key, members in exact.items():
        undated = [m for m in members if nodes[m].lo is None]
        # Undated reports of one place meet their neighbours (in publication order) ...
        for at, position in enumerate(undated):
            for other in undated[at + 1 : at + 1 + NEIGHBOURS // 2]:
                add(position, other)
        # ... and the most recent events at the place, or a related place, before they
        # were published; so do reports dated only by their publication day (an
        # anniversary piece, a statement days later: matching.ReportNode.weak).
        weak = [m for m in members if nodes[m].weak]
        if weak and undated:
            # A later piece also meets the undated reports of the place written before it
            # (those without a publication date count as earlier).
            by_publication = sorted(undated, key=lambda m: nodes[m].pub_hi or 0)
            published = [nodes[m].pub_hi or 0 for m in by_publication]
            for position in weak:
                end = bisect_right(published, nodes[position].pub_hi or 0)
                for other in by_publication[max(0, end - NEIGHBOURS // 2) : end]:
                    add(position, other)
        for position in undated + weak:
            publication = nodes[position].pub_hi
            found = 0
            for place in [key, *sorted(related.get(key, ()))]:
                dated, los = dated_at[place]
                end = bisect_right(los, publication + 1) if publication is not None else len(los)
                for other in dated[max(0, end - UNDATED_CANDIDATES) : end]:
                    add(position, other)
                    found += 1
                if found >= UNDATED_CANDIDATES:
                    break

    # A report whose text gives other full dates meets the reports at its place (a related
    # one, one its text names) on those days: a page whose event date came from a caption.
    for key, members in exact.items():
        for position in members:
            node = nodes[position]
            if not node.text_days:
                continue
            places = {key} | related.get(key, frozenset()) | node.mentions
            for day in sorted(node.text_days):
                for place in sorted(places & dated_at.keys())[:NEIGHBOURS // 4]:
                    dated, los = dated_at[place]
                    start = bisect_left(los, day - 1)
                    for other in dated[start : bisect_right(los, day + 1)][: NEIGHBOURS // 4]:
                        add(position, other)

    # Reports whose document names a place (or whose region is that place) meet the
    # reports at that place: the dateline city, the region, the village (see context).
    mentioned_by: dict[str, list[int]] = defaultdict(list)
    for position, node in enumerate(nodes):
        for key in node.mentions | ({node.admin1_key} if node.admin1_key else set()):
            if key != node.place_key and key in exact:
                mentioned_by[key].append(position)
    for key, mentioners in mentioned_by.items():
        dated, los = dated_at[key]
        side = {m: "at" for m in dated}
        side.update({m: "names" for m in mentioners if nodes[m].lo is not None})
        sweep(sorted(side, key=lambda m: nodes[m].lo or 0), NEIGHBOURS, cross=side)
        for position in mentioners:
            if nodes[position].lo is not None and not nodes[position].weak:
                continue
            publication = nodes[position].pub_hi
            end = bisect_right(los, publication + 1) if publication is not None else len(los)
            for other in dated[max(0, end - UNDATED_CANDIDATES) : end]:
                add(position, other)
            for other in [m for m in exact[key] if nodes[m].lo is None][: NEIGHBOURS // 2]:
                add(position, other)

    for members in days.values():
        for position in members:
            if not nodes[position].place_key:
                for other in members[:NEIGHBOURS]:
                    add(position, other)

    for members in groups.values():
        documents = list(dict.fromkeys(nodes[m].document_id for m in members))
        if len(documents) < 2:
            continue
        # Copies of one story: each report meets the reports of the group's first copies.
        heads = set(documents[:3])
        for i in members:
            if nodes[i].document_id in heads:
                for j in members:
                    add(i, j)
    return pairs
