"""Reckon: an evidence-linked ledger of who says what happened in violent incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Ledger", "__version__", "extract"]

if TYPE_CHECKING:  # pragma: no cover
    from reckon.model import DocumentFindings
    from reckon.store import Ledger


def extract(text: str, *, url: str | None = None, published: str | None = None) -> DocumentFindings:
    """Read one document's text and return its findings (no database involved)."""
    from reckon.extract import extract_text

    return extract_text(text, url=url, published=published)


def __getattr__(name: str) -> Any:
    # Ledger pulls in SQLAlchemy; import it only when asked for, so `reckon extract`
    # stays light.
    if name == "Ledger":
        from reckon.store import Ledger

        return Ledger
    raise AttributeError(name)
