"""Reckon's spaCy pipeline annotates exactly as the stock one, with less work.

The NER runs on a parsed sentence only when its entities are read, and the attribute ruler
and lemmatizer have faster stand-ins: each is checked against the stock components on
sentences about fictional places and people.
"""

from __future__ import annotations

import pytest

from reckon.extract.nlp import MODEL_NAME, entity_type, find_entities, load_nlp, parse, read_with_entities
from reckon.extract.nlp_speed import _CachedLemmas, _RulerMatcher, _RulerSetter

SENTENCES = [
    "Gunmen from the Velmora Liberation Front stormed a school in Tarvel on Monday, killing 14 pupils.",
    "Police spokesman Idris Mabeko said the attackers, who had come from Lake Orsk, were not caught.",
    "\"We don't know where they are,\" the governor of Kessary province told reporters in Halden.",
    "There is no sign of the 31 girls taken from the dormitory, and there are fears for their lives.",
    "I'm gonna stay, y'all ain't leaving, let's go and c'mon, we gotta help, he said of nothin' else.",
    "The army blamed the Rusk Brigade for the raid; it is the third attack since March 2031.",
    "  Two   spaces,\tand a tab: the ministry's figures were 12 dead and 40 wounded.",
    "Whether or not it was, she has said that because of the fire, the toll had risen.",
]


@pytest.fixture(scope="module")
def stock():
    import spacy

    return spacy.load(MODEL_NAME)


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]


def test_reckon_pipeline_uses_the_faster_components():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler").match, _RulerMatcher)
    assert isinstance(nlp.get_pipe("attribute_ruler").set_annotations, _RulerSetter)
    assert isinstance(nlp.get_pipe("lemmatizer").lemmatize, _CachedLemmas)


def test_faster_components_annotate_as_the_stock_pipeline(stock):
    mine = [_annotations(doc) for doc in load_nlp().pipe(SENTENCES)]
    theirs = [_annotations(doc) for doc in stock.pipe(SENTENCES)]
    assert mine == theirs
    # twice: the second pass reads what the first remembered
    assert [_annotations(doc) for doc in load_nlp().pipe(SENTENCES)] == theirs


def test_ruler_matches_are_the_stock_matches(stock):
    ruler, own = stock.get_pipe("attribute_ruler"), load_nlp().get_pipe("attribute_ruler")
    for doc in stock.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert own.match(doc) == ruler.match(doc)
    assert any(rule in {158, 161, 163, 174} for doc in stock.pipe(SENTENCES[3:5]) for rule, *_ in ruler.match(doc))


def test_parse_leaves_entities_until_read(stock):
    docs = list(parse(SENTENCES[:2]))
    assert all(not doc.ents for doc in docs)
    velmora = next(t for t in docs[0] if t.text == "Velmora")
    assert entity_type(velmora) == stock(SENTENCES[0])[velmora.i].ent_type_ != ""
    assert _annotations(docs[0]) == _annotations(stock(SENTENCES[0]))
    assert not docs[1].ents  # not read: not run


def test_read_with_entities_runs_the_ner_only_where_entities_are_read(stock):
    docs = list(parse(SENTENCES[:3]))
    asked = []

    def read(doc):
        asked.append(doc)
        return entity_type(doc[0]) if doc is not docs[1] else "no entities read"

    results = read_with_entities(docs, read)
    assert asked == [docs[0], docs[1], docs[2], docs[0], docs[2]]  # probes, then again with entities
    assert results == [stock(SENTENCES[0])[0].ent_type_, "no entities read", stock(SENTENCES[2])[0].ent_type_]
    assert docs[0].ents and docs[2].ents
    assert not docs[1].ents and stock(SENTENCES[1]).ents  # never asked: never run
    assert _annotations(docs[0]) == _annotations(stock(SENTENCES[0]))
    assert _annotations(docs[2]) == _annotations(stock(SENTENCES[2]))
    assert entity_type(docs[1][0]) == stock(SENTENCES[1])[0].ent_type_  # read later: run then


def test_entities_are_taken_from_the_same_text_read_before(stock, monkeypatch):
    from reckon.extract import nlp as nlp_module

    text = SENTENCES[5]
    find_entities([text])
    doc = next(iter(parse([text])))
    monkeypatch.setattr(nlp_module, "_run_ner", lambda docs: pytest.fail("the NER ran again"))
    read_with_entities([doc], lambda d: entity_type(d[2]))
    assert _annotations(doc) == _annotations(stock(text))


def test_entities_that_cross_a_sentence_start_of_the_parse_are_not_taken(stock):
    from spacy.tokens import Span

    from reckon.extract import nlp as nlp_module

    text = "Talks ended. Velmora Liberation Front fighters left Tarvel."
    doc = next(iter(parse([text])))
    assert doc[3].is_sent_start
    known = stock.make_doc(text)
    known.set_ents([Span(known, 1, 5, label="ORG")])  # "ended. Velmora Liberation": over the start
    nlp_module._ENTITY_DOCS[text] = known
    try:
        read_with_entities([doc], lambda d: entity_type(d[0]))
    finally:
        del nlp_module._ENTITY_DOCS[text]
    assert _annotations(doc) == _annotations(stock(text))


def test_one_ner_pass_reads_texts_alone_and_parsed_sentences(stock, monkeypatch):
    from reckon.extract.nlp import read_and_find_entities

    texts = [SENTENCES[1], " Talks in Halden ended."]
    docs = list(parse([SENTENCES[0], SENTENCES[1]]))
    from reckon.extract import nlp as nlp_module

    passes = []
    run_ner = nlp_module._run_ner
    monkeypatch.setattr(nlp_module, "_run_ner", lambda batch: passes.append(len(batch)) or run_ner(batch))
    results, alone = read_and_find_entities(docs, lambda d: entity_type(d[0]), texts)
    assert passes == [3]  # SENTENCES[0] run with the two texts; SENTENCES[1] takes the first text's entities
    assert results == [stock(SENTENCES[0])[0].ent_type_, stock(SENTENCES[1])[0].ent_type_]
    assert [_annotations(d) for d in docs] == [_annotations(stock(s)) for s in SENTENCES[:2]]
    only_ner = [n for n in stock.pipe_names if n != "ner"]
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in alone] == \
        [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in stock.pipe(texts, disable=only_ner)]
