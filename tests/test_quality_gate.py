"""The quality gate: scores on the fingerprinted corpora never fall below their pinned floors."""

from __future__ import annotations

import json

import pytest

from quality import FLOOR_FILE, corpora, current_scores, fingerprint
from corpus_runs import shared_dev_corpus


def _pinned() -> dict:
    return json.loads(FLOOR_FILE.read_text())


@pytest.mark.parametrize("name", ["project", "dev"])
def test_quality_gate_scores_at_or_above_floor(name: str) -> None:
    folders = corpora()
    if name not in folders:
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    pinned = _pinned()
    assert name in pinned, f"no floors pinned for {name}: run python tests/quality.py"
    assert pinned[name]["sha256"] == fingerprint(folders[name]), (
        f"the {name} corpus changed since its floors were pinned: re-pin with python tests/quality.py")
    scores = current_scores(folders[name])
    below = {field: (round(scores[field], 3), floor) for field, floor in pinned[name]["floors"].items()
             if scores[field] + 1e-9 < floor}
    assert not below, f"{name}: fields below their floor (score, floor): {below}"


def test_quality_gate_dev_meets_foundation_bar() -> None:
    if shared_dev_corpus() is None:
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    assert current_scores(shared_dev_corpus())["overall"] >= 0.50
