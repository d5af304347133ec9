"""Extraction in batches: the spaCy steps run once for many documents, every document gets
the findings it gets alone, and one document's failure leaves the others' findings alone."""

from __future__ import annotations

from conftest import swapped_step

from reckon.extract.run import extract_document, extract_documents
from reckon.extract.steps import STEPS
from reckon.model import Document

TEXTS = [
    "VELMORA, Kestria (Wire) - Gunmen killed seven villagers and wounded three in Osk on Monday, "
    "police said. \"They came at dawn,\" said Tomas Brel, the village head.",
    "The Northern Highland Defence Forces (NHDF) claimed responsibility for the attack on the "
    "Marr checkpoint, which killed at least 12 soldiers, the army said on Tuesday.",
    "No one was hurt in the fire at the Dessane market, the governor said.",
    "According to the Red Lantern Society, 40 to 50 people were abducted from Camp Tarrow "
    "by armed men on 3 March 2021.",
]
MARK = "FAIL-HERE"


def _documents(texts: list[str]) -> list[Document]:
    return [Document(text=text, source=f"doc-{at}.txt", published="2021-03-08") for at, text in enumerate(texts)]


def test_a_batch_gives_each_document_its_findings_alone() -> None:
    documents = _documents(TEXTS)
    alone = [extract_document(document) for document in documents]
    together = extract_documents(documents)
    assert together == alone
    assert any(incident.counts for findings in together for incident in findings.incidents)


def test_a_document_a_step_fails_on_gets_its_error_and_the_others_go_on() -> None:
    def failing(original):
        def step(state):
            if MARK in state["document"].text:
                raise RuntimeError("a bug in the quotes step")
            return original(state)
        return step

    documents = _documents([TEXTS[0], TEXTS[1] + " " + MARK, TEXTS[3]])
    with swapped_step("reckon.quotes.v1", failing):
        results = extract_documents(documents)
    assert isinstance(results[1], RuntimeError)
    assert results[0] == extract_document(documents[0])
    assert results[2] == extract_document(documents[2])


def test_a_batched_step_that_fails_is_retried_document_by_document() -> None:
    assert next(item for item in STEPS if item.id == "reckon.parse.v1").batched
    calls: list[int] = []

    def failing(original):
        def step(states):
            calls.append(len(states))
            if any(MARK in state["document"].text for state in states):
                raise MemoryError("one document too many")
            return original(states)
        return step

    documents = _documents([TEXTS[0], MARK + " " + TEXTS[2], TEXTS[1]])
    with swapped_step("reckon.parse.v1", failing):
        results = extract_documents(documents)
    assert calls == [3, 1, 1, 1]  # the batch, then each document alone
    assert isinstance(results[1], MemoryError)
    assert [results[0], results[2]] == [extract_document(documents[0]), extract_document(documents[2])]


def test_an_empty_batch_is_no_work() -> None:
    assert extract_documents([]) == []
