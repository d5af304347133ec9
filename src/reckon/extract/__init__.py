"""extract: one document in, its findings out — no database, no network.

``extract_document(document)`` runs the declared STEPS (see ``steps.py`` and ``run.py``);
``extract_text`` wraps raw text into a Document first.
"""

from __future__ import annotations

import sys
import types

from reckon.model import Document, DocumentFindings

__all__ = ["extract_document", "extract_text"]


def extract_document(document: Document) -> DocumentFindings:
    from reckon.extract.run import extract_document as run

    return run(document)


def extract_text(text: str, *, url: str | None = None, published: str | None = None) -> DocumentFindings:
    document = Document(text=text, raw=text.encode("utf-8"), url=url, source=url or "<text>", published=published)
    return extract_document(document)


class _CallableModule(types.ModuleType):
    """``reckon.extract`` is both this package and the public function ``reckon.extract(text)``:
    importing the package rebinds the attribute on ``reckon``, so the package itself answers
    calls the way the function does."""

    def __call__(self, text: str, *, url: str | None = None, published: str | None = None) -> DocumentFindings:
        return extract_text(text, url=url, published=published)


sys.modules[__name__].__class__ = _CallableModule
