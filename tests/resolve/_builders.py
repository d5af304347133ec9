"""Hand-built findings about fictional events, for the resolve tests.

Places, people and groups here are invented; country codes XA-XZ are ISO's user-assigned
range, so no real country is implied.
"""

from __future__ import annotations

import random

from reckon.model import (
    AUTHOR,
    Accusation,
    Claimant,
    Count,
    CountKind,
    Document,
    DocumentFindings,
    Place,
    ReportedIncident,
    Span,
)

_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ter",
    "van",
    "su",
    "dro",
    "pel",
    "an",
    "ri",
    "bo",
    "zen",
    "tu",
    "ash",
)
# 14**3 invented words; a document's filler is drawn from them by its key, so two
# documents share wording only when a test makes them.
_VOCABULARY = tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES)


def _filler(key: str, words: int = 120) -> str:
    rng = random.Random(key)
    return " ".join(rng.choice(_VOCABULARY) for _ in range(words)) + "."


def make_document(
    text: str | None = None,
    *,
    key: str = "",
    place: str = "Verdan",
    published: str | None = None,
    outlet: str | None = None,
    name: str = "",
) -> Document:
    """A document whose text is unique per ``key`` unless ``text`` is given."""
    if text is None:
        text = f"Dispatch {key} from {place}. " + _filler(key)
    return Document(
        text=text, name=name or key, source=f"{key}.txt", published=published, outlet=outlet
    )


def count(
    kind: CountKind | str,
    low: int | None,
    high: int | None = None,
    *,
    claimant: str = "author",
    start: int = 0,
    victims: str | None = None,
    same: bool = True,
) -> Count:
    """``count("killed", 12)`` is exactly 12; pass ``same=False`` for an open upper bound."""
    if same and high is None:
        high = low
    return Count(
        kind=CountKind(kind),
        min=low,
        max=high,
        claimant=AUTHOR if claimant == "author" else Claimant(name=claimant),
        span=Span(start=start, end=start + 2),
        extractor="test.counts.v1",
        victims=victims,
    )


def accuse(actor: str, *, claimant: str = "author", start: int = 0) -> Accusation:
    return Accusation(
        actor=actor,
        claimant=AUTHOR if claimant == "author" else Claimant(name=claimant),
        span=Span(start=start, end=start + len(actor)),
        extractor="test.accusations.v1",
    )


def report(
    date: str | None,
    place: str | None,
    country: str | None = "XA",
    *,
    counts: tuple[Count, ...] = (),
    perpetrators: tuple[Accusation, ...] = (),
    victims: tuple[str, ...] = (),
    latitude: float | None = None,
    longitude: float | None = None,
    kind: str | None = None,
) -> ReportedIncident:
    where = None
    if place is not None:
        where = Place(
            name=place, country=country, latitude=latitude, longitude=longitude, kind=kind
        )
    return ReportedIncident(
        date=date, place=where, counts=counts, perpetrators=perpetrators, victims=victims
    )


def findings(document: Document, *reports: ReportedIncident) -> DocumentFindings:
    return DocumentFindings(document=document, incidents=tuple(reports))
