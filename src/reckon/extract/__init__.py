"""extract: one document in, its findings out — no database, no network.

``extract_document(document)`` runs the declared STEPS (see ``steps.py`` and ``run.py``);
``extract_text`` wraps raw text into a Document first.
"""

from __future__ import annotations

from reckon.model import Document, DocumentFindings

__all__ = ["extract_document", "extract_text"]


def extract_document(document: Document) -> DocumentFindings:
    from reckon.extract.run import extract_document as run

    return run(document)


def extract_text(text: str, *, url: str | None = None, published: str | None = None) -> DocumentFindings:
    document = Document(text=text, raw=text.encode("utf-8"), url=url, source=url or "<text>", published=published)
    return extract_document(document)
