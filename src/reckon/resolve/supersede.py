"""Early tolls superseded by later ones from the same holder: kept as history, flagged.

Two ways a figure is superseded, always within one holder (see ``ranges``), one kind and
one victim description (a spokesman's "nine staff" is not replaced by his "three
patients"):

* Across documents: a holder's figure in a document published strictly earlier than
  another of its documents is superseded, unless it equals a current figure of the
  latest document (then the two agree and neither replaces the other). Documents without
  a publication date cannot be ordered and neither supersede nor are superseded.
* Within one document, a running toll: read in text order, each figure replaces the
  current one (22, then 24, then 46: 22 and 24 are superseded). A figure that is wholly
  below the current one is a look back ("the toll, first put at 22, ...") after a
  headline that gave the latest toll; it is flagged as superseded and does not replace
  the current figure. An equal figure repeated (headline and body) is not superseded.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reckon.resolve.matching import parse_date_interval

if TYPE_CHECKING:
    from reckon.resolve.ranges import Claim

__all__ = ["is_below", "mark_superseded"]


def _lower(claim: Claim) -> float:
    return claim.min if claim.min is not None else 0.0


def _upper(claim: Claim) -> float:
    return claim.max if claim.max is not None else math.inf


def is_below(claim: Claim, current: Claim) -> bool:
    """Whether every value ``claim`` allows is below every value ``current`` allows."""
    return _upper(claim) < _lower(current)


def _running_toll(claims: list[Claim]) -> set[int]:
    """Indices (into ``claims``, in text order) superseded inside one document."""
    superseded: set[int] = set()
    current = 0
    for position in range(1, len(claims)):
        claim = claims[position]
        if is_below(claim, claims[current]):
            superseded.add(position)
            continue
        if claim.value != claims[current].value:
            superseded.add(current)
        current = position
    return superseded


def _victims_key(claim: Claim) -> str:
    return " ".join((claim.victims or "").casefold().split())


def mark_superseded(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The same claims, in the same order, with ``superseded`` set as the module says."""
    flags = [False] * len(claims)
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        groups[(claim.holder, claim.kind.value, _victims_key(claim))].append(index)

    for members in groups.values():
        by_document: dict[str, list[int]] = defaultdict(list)
        for index in members:
            by_document[claims[index].document_id].append(index)
        current: dict[str, list[int]] = {}
        for document_id, indices in by_document.items():
            indices.sort(key=lambda i: claims[i].position)
            lost = _running_toll([claims[i] for i in indices])
            for offset, index in enumerate(indices):
                if offset in lost:
                    flags[index] = True
            current[document_id] = [i for o, i in enumerate(indices) if o not in lost]

        intervals = {
            document_id: parse_date_interval(claims[indices[0]].published)
            for document_id, indices in by_document.items()
        }
        dated = {d: iv for d, iv in intervals.items() if iv is not None}
        # The latest documents: those no other dated document is strictly later than.
        latest = {d for d, iv in dated.items() if not any(o[0] > iv[1] for o in dated.values())}
        latest_values = {claims[i].value for d in latest for i in current[d]}
        for document_id in dated:
            if document_id in latest:
                continue
            for index in current[document_id]:
                if claims[index].value not in latest_values:
                    flags[index] = True
    return tuple(
        replace(claim, superseded=True) if flag and not claim.superseded else claim
        for claim, flag in zip(claims, flags, strict=True)
    )
