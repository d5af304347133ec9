"""Output on the project's own corpus equals the last accepted output (tests/golden/).

Run with --update-golden to rewrite the golden files, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_runs import PROJECT_CORPUS, corpus_documents, extract_corpus

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("stem", [p.name.split(".")[0] for p in corpus_documents(PROJECT_CORPUS)])
def test_golden_output_unchanged(stem: str, update_golden: bool) -> None:
    output = dict(extract_corpus(PROJECT_CORPUS)[stem])
    output.pop("text")  # the corpus file itself; the spans below are checked against it elsewhere
    path = GOLDEN / f"{stem}.json"
    if update_golden or not path.exists():
        if not update_golden:
            pytest.fail(f"no golden file for {stem}: run pytest --update-golden and review it")
        path.write_text(json.dumps(output, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert output == json.loads(path.read_text(encoding="utf-8"))
