"""Per incident and kind: every claim with its evidence, the range, and each claimant's latest.

A *claim* is one ``Count`` placed in its context: the document it came from (and when that
was published), the report inside the document, its position (the span's start), who
holds it, and whether a later figure of the same holder superseded it.

The *holder* is who a claim belongs to for "latest" and "superseded": a named claimant
(canonicalised across documents, so "Al-Shabaab" and "al-Shabab" hold together), or, for a
document's own voice, "author of <outlet>" (a publication's later article updates its
earlier one) or "author of <document id>" when the outlet is unknown.

The range (IBC-style) spans the current, non-superseded figures, ``None``-aware:
``min`` is the lowest number any current claim states, or ``None`` if no current claim
gives a lower bound ("up to 770" alone); ``max`` is the highest number any current claim
states, or ``None`` if no current claim gives an upper bound ("at least 23" alone). So
{"up to 770", 52} -> [52, 770]; {"at least 23", 20} -> [20, 23]; {"at least 23"} ->
[23, None]. Superseded figures stay listed as history but do not widen the range:
a running toll of 22, 24, 46 has the range [46, 46].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reckon.model import CountKind, Document, Incident, Span
from reckon.resolve.aliases import resolve_actor_names
from reckon.resolve.supersede import mark_superseded

__all__ = [
    "Claim",
    "ClaimRange",
    "KindSummary",
    "claim_range",
    "latest_per_claimant",
    "resolve_claims",
    "resolve_counts",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One figure as one holder states it in one document, with its place in the text."""

    kind: CountKind
    min: int | None
    max: int | None
    claimant: str  # canonical claimant name; "author" for the document's own voice
    holder: str  # identity for latest/superseded (see the module docstring)
    document_id: str
    published: str | None
    report_index: int
    span: Span
    extractor: str
    victims: str | None = None
    independence_group: str = ""
    superseded: bool = False

    @property
    def position(self) -> int:
        return self.span.start

    @property
    def value(self) -> tuple[int | None, int | None]:
        return (self.min, self.max)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRange:
    """The span of current figures for one kind; ``None`` bounds as in the module docstring."""

    kind: CountKind
    min: int | None
    max: int | None

    def to_json(self) -> list[int | None]:
        return [self.min, self.max]


@dataclass(frozen=True, slots=True, kw_only=True)
class KindSummary:
    """Everything the ledger shows for one kind of one incident."""

    kind: CountKind
    range: ClaimRange
    claims: tuple[Claim, ...]
    latest: tuple[Claim, ...]


def _holder(claimant: str, document_id: str, documents: Mapping[str, Document]) -> str:
    if claimant != "author":
        return claimant
    document = documents.get(document_id)
    outlet = (document.outlet or "").strip() if document else ""
    return f"author of {outlet or document_id}"


def resolve_claims(
    incident: Incident,
    *,
    documents: Mapping[str, Document] | None = None,
    claimant_names: Mapping[str, str] | None = None,
) -> tuple[Claim, ...]:
    """Every count of every report of ``incident`` as a ``Claim``, superseded ones flagged.

    ``documents`` (by id) lets the author's voice be keyed by outlet; ``claimant_names``
    maps claimant surface forms to canonical ones (computed over this incident if omitted).
    Claims are ordered by document (publication, id) and position.
    """
    documents = documents or {}
    counts = [(r, c) for r in incident.reports for c in r.report.counts]
    if claimant_names is None:
        claimant_names = resolve_actor_names(
            c.claimant.name for _, c in counts if not c.claimant.is_author
        )
    claims = []
    for report, count in counts:
        name = (
            "author"
            if count.claimant.is_author
            else claimant_names.get(count.claimant.name, count.claimant.name)
        )
        claims.append(
            Claim(
                kind=count.kind,
                min=count.min,
                max=count.max,
                claimant=name,
                holder=_holder(name, report.document_id, documents),
                document_id=report.document_id,
                published=report.published,
                report_index=report.index,
                span=count.span,
                extractor=count.extractor,
                victims=count.victims,
                independence_group=report.independence_group or report.document_id,
            )
        )
    claims.sort(
        key=lambda c: (c.published is None, c.published or "", c.document_id, c.position, c.kind)
    )
    return mark_superseded(claims)


def claim_range(kind: CountKind, claims: Iterable[Claim]) -> ClaimRange:
    """The None-aware min-max over the current (non-superseded) claims of ``kind``."""
    current = [c for c in claims if c.kind == kind and not c.superseded]
    numbers = [n for c in current for n in (c.min, c.max) if n is not None]
    has_lower = any(c.min is not None for c in current)
    has_upper = any(c.max is not None for c in current)
    return ClaimRange(
        kind=kind,
        min=min(numbers) if has_lower and numbers else None,
        max=max(numbers) if has_upper and numbers else None,
    )


def latest_per_claimant(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Each holder's latest current claim per kind: by publication date, then position.

    Documents without a publication date sort before dated ones of the same holder: a
    dated statement is the better guess for "latest".
    """
    latest: dict[tuple[CountKind, str], Claim] = {}
    for claim in claims:
        if claim.superseded:
            continue
        key = (claim.kind, claim.holder)
        known = latest.get(key)
        if known is None or _when(claim) >= _when(known):
            latest[key] = claim
    return tuple(sorted(latest.values(), key=lambda c: (c.kind, c.holder, c.document_id)))


def _when(claim: Claim) -> tuple[bool, str, str, int]:
    return (claim.published is not None, claim.published or "", claim.document_id, claim.position)


def resolve_counts(
    incident: Incident,
    *,
    documents: Mapping[str, Document] | None = None,
    claims: Sequence[Claim] | None = None,
) -> dict[CountKind, KindSummary]:
    """Per kind present in the incident: range, all claims (history kept), latest per holder."""
    if claims is None:
        claims = resolve_claims(incident, documents=documents)
    by_kind: dict[CountKind, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    summaries = {}
    for kind in CountKind:  # the enum's order, so output is stable
        kind_claims = by_kind.get(kind)
        if not kind_claims:
            continue
        summaries[kind] = KindSummary(
            kind=kind,
            range=claim_range(kind, kind_claims),
            claims=tuple(kind_claims),
            latest=latest_per_claimant(kind_claims),
        )
    return summaries
