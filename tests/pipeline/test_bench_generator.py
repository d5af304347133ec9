"""benchmarks/generate.py: seeded and deterministic, and its WARC.gz is read by `reckon ingest`
as pages with their navigation and footer dropped and several incidents each."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from reckon.extract import extract_document
from reckon.ingest import IngestFailure, ingest

GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _generate():
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_deterministic_and_prefix_stable(tmp_path: Path) -> None:
    generate = _generate()
    assert generate.article_html(7, 3) == generate.article_html(7, 3)
    assert generate.article_html(7, 3) != generate.article_html(8, 3)
    a, b = generate.write_warc(tmp_path / "a.warc.gz", 3), generate.write_warc(tmp_path / "b.warc.gz", 3)
    assert a.read_bytes() == b.read_bytes()
    assert [html for _, html, _ in generate.articles(2)] == [html for _, html, _ in generate.articles(3)][:2]


def test_generated_warc_reads_as_articles_with_incidents(tmp_path: Path) -> None:
    generate = _generate()
    documents = list(ingest([generate.write_warc(tmp_path / "c.warc.gz", 2)]))
    assert len(documents) == 2 and not any(isinstance(d, IngestFailure) for d in documents)
    for document in documents:
        assert "All rights reserved" not in document.text and "Related stories" not in document.text
        assert document.published and document.url.startswith("https://")
        findings = extract_document(document)
        assert len(findings.incidents) >= 2
        claimants = {c.claimant.name for i in findings.incidents for c in i.counts}
        assert len(claimants) >= 2
