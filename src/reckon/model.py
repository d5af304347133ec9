"""The nouns of DESIGN.md: frozen values that every stage shares.

No I/O lives here and no stage logic: only the shapes, and the invariants a value must
hold to exist at all (checked in ``__post_init__``). ``None`` always means "the text
does not say" — never 0 or "".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

__all__ = [
    "AUTHOR",
    "Accusation",
    "Actor",
    "Claimant",
    "Conflict",
    "Count",
    "CountKind",
    "Document",
    "DocumentFindings",
    "Incident",
    "IncidentReport",
    "Inconsistency",
    "Place",
    "Quote",
    "ReportedIncident",
    "ReviewState",
    "Span",
]


class CountKind(StrEnum):
    """What happened to the people a figure counts (the closed vocabulary of FORMAT.md)."""

    KILLED = "killed"
    INJURED = "injured"
    ABDUCTED = "abducted"
    MISSING = "missing"
    SURVIVED = "survived"
    ARRESTED = "arrested"
    DISPLACED = "displaced"


class ReviewState(StrEnum):
    """Where a machine claim stands with the editors. Machine claims start as MACHINE."""

    MACHINE = "machine"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Span:
    """Half-open character offsets into ``Document.text``: ``text[start:end]``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"a span needs 0 <= start <= end, got [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def shift(self, offset: int) -> Span:
        return Span(start=self.start + offset, end=self.end + offset)

    def to_json(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Claimant:
    """Who a finding is attributed to: the document's own voice, or a named source.

    ``name`` is canonical ("United States Department of State"); ``span`` points at the
    words in the text that name it, or is None for the author's own voice.
    """

    name: str
    span: Span | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a claimant needs a name; use AUTHOR for the document's own voice")

    @property
    def is_author(self) -> bool:
        return self.name == "author"


AUTHOR = Claimant(name="author")


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One document as ingested: raw bytes kept for chain of custody, clean text for spans.

    ``id`` is derived from the clean text, so identical content ingested twice is one
    document. ``name`` is a human handle (the file stem, or the URL's last segment).
    ``published`` is an ISO date string ("2013-09-01", "2013-09", "2013") or None.
    """

    text: str
    raw: bytes = b""
    name: str = ""
    source: str = ""
    url: str | None = None
    retrieved_at: datetime | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    tags: tuple[str, ...] = ()
    media_type: str = "text/plain"
    part: int | None = None  # index of the article inside a listing page, None if whole
    raw_sha256: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Document.text must be str")
        if self.raw and not self.raw_sha256:
            object.__setattr__(self, "raw_sha256", hashlib.sha256(self.raw).hexdigest())

    @property
    def id(self) -> str:
        """Content id: the SHA-256 of the clean text (first 16 hex digits)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def excerpt(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A named place: ``name`` as canonical, ``mention`` as written, country ISO alpha-2."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    kind: str | None = None  # city, village, camp, square, university, prison, ...
    span: Span | None = None

    def __post_init__(self) -> None:
        if self.country is not None and (len(self.country) != 2 or not self.country.isupper()):
            raise ValueError(f"country must be ISO 3166-1 alpha-2, got {self.country!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A canonical actor and every name the text (or the alias table) gives it."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """A figure of harmed people, as one claimant states it.

    ``min=None`` means the text gives no lower bound ("up to 770"); ``max=None`` means no
    upper bound ("at least 23"). An exact figure has ``min == max``.
    """

    kind: CountKind
    min: int | None
    max: int | None
    claimant: Claimant
    span: Span
    extractor: str
    victims: str | None = None
    quantity_text: str = ""

    def __post_init__(self) -> None:
        if self.min is None and self.max is None:
            raise ValueError("a count needs at least one bound")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"count min {self.min} > max {self.max}")
        if (self.min is not None and self.min < 0) or (self.max is not None and self.max < 0):
            raise ValueError("a count cannot be negative")


@dataclass(frozen=True, slots=True, kw_only=True)
class Accusation:
    """``claimant`` says ``actor`` did it; ``span`` covers the accused's name in the text."""

    actor: str
    claimant: Claimant
    span: Span
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Words in quote marks (or a block quotation) credited to ``speaker``."""

    speaker: str | None
    text: str
    span: Span
    extractor: str

    def starts_with(self, words: int = 8) -> str:
        return " ".join(self.text.split()[:words])


@dataclass(frozen=True, slots=True, kw_only=True)
class Inconsistency:
    """Two findings in one document that contradict each other (dates, tolls)."""

    description: str
    spans: tuple[Span, ...]
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportedIncident:
    """One violent event as a single document reports it (FORMAT.md's ``incidents[]``)."""

    date: str | None
    place: Place | None
    counts: tuple[Count, ...] = ()
    perpetrators: tuple[Accusation, ...] = ()
    victims: tuple[str, ...] = ()
    date_span: Span | None = None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentFindings:
    """Everything ``extract`` read from one document, each finding with its span."""

    document: Document
    incidents: tuple[ReportedIncident, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    inconsistencies: tuple[Inconsistency, ...] = ()
    extractor_version: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """A disagreement between sources about one incident; Reckon never picks a side.

    ``field`` is "killed" (or another kind), "date" or "perpetrator"; each side maps a
    value (as text) to the claimants that hold it.
    """

    field: str
    sides: tuple[tuple[str, tuple[str, ...]], ...]

    def __post_init__(self) -> None:
        if len(self.sides) < 2:
            raise ValueError("a conflict needs at least two sides")


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentReport:
    """One document's account of an incident: the link between a document and an incident."""

    document_id: str
    index: int  # position of the ReportedIncident inside its DocumentFindings.incidents
    published: str | None
    report: ReportedIncident
    independence_group: str = ""  # reprints of one original share a group


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    """One real-world event across documents, as resolved; its id is stable across runs.

    ``date`` and ``place`` are the resolver's summary for display and sorting; the claims
    themselves stay in ``reports``, each with its document.
    """

    id: str
    date: str | None
    place: Place | None
    reports: tuple[IncidentReport, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default=())

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.document_id for r in self.reports))
