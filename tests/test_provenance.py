"""Every finding of every corpus document points at text that states it."""

from __future__ import annotations

import re

import pytest

from corpus_runs import PROJECT_CORPUS, corpus_documents, extract_corpus, shared_dev_corpus
from reckon.extract.numbers import parse_quantity

_FOLDERS = [("project", PROJECT_CORPUS)]
_DEV = shared_dev_corpus()
if _DEV is not None:
    _FOLDERS.append(("dev", _DEV))


def _cases():
    for label, folder in _FOLDERS:
        for path in corpus_documents(folder):
            yield pytest.param(folder, path.name.split(".")[0], id=f"{label}:{path.stem}")


@pytest.mark.parametrize(("folder", "stem"), list(_cases()))
def test_provenance_spans_hold_what_they_claim(folder, stem) -> None:
    data = extract_corpus(folder)[stem]
    text = data["text"]
    for incident in data["incidents"]:
        for count in incident["counts"]:
            start, end = count["span"]
            assert 0 <= start < end <= len(text)
            phrase = text[start:end]
            assert parse_quantity(phrase) == (count["min"], count["max"]), (phrase, count)
            assert re.fullmatch(r"reckon\.[a-z_]+\.v\d+", count["extractor"])
        for accused in incident["perpetrators"]:
            start, end = accused["span"]
            assert 0 <= start < end <= len(text)
            assert accused["extractor"].startswith("reckon.")
    for quote in data["quotes"]:
        start, end = quote["span"]
        words = " ".join(text[start:end].split())
        assert words.startswith(" ".join(quote["starts_with"].split())), (quote, words[:80])


def test_provenance_dev_corpus_present_or_skipped() -> None:
    if _DEV is None:
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    assert corpus_documents(_DEV), "the dev corpus folder holds no documents with gold"
