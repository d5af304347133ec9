"""The text of a parsed sentence, joined once.

spaCy's ``Doc.text`` and ``Span.text`` join the text of every token on each access (a new
Token object per token), and the readers of one parsed sentence ask for it dozens of times
(each figure, each accused phrase, each claimant). The text is kept in the Doc's
``user_data`` on first use: a Doc's text never changes (setting entities or retokenising
keeps it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["doc_text", "span_text"]

_KEY = "reckon.doc_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call only."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``: the doc's text from the span's first character to its last token's
    end (so without the whitespace after it, as spaCy gives it)."""
    if len(span) == 0:
        return ""
    return doc_text(span.doc)[span.start_char : span.end_char]
