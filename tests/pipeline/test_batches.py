"""Ingest extracts inputs in groups (one spaCy pass per group): a document the extractor
fails on is one R201 line naming it, and the rest of its group is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import swapped_step
from reckon.pipeline import extract_files, groups, ingest_into
from reckon.store import Ledger

MARK = "FAIL-HERE"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Gunmen killed seven villagers in Osk on Monday, police said.\n")
    (folder / "b.txt").write_text(f"{MARK}: an attack on the Marr checkpoint killed 12 soldiers.\n")
    (folder / "c.txt").write_text("Three people were wounded in a blast in Velmora on Friday, the army said.\n")
    (folder / "d.txt").write_bytes(b"")  # unreadable: R102 in its place, inside the group
    return folder


@pytest.fixture
def counts_step_fails_on_the_mark() -> Iterator[None]:
    def failing(original):
        def step(state):
            if MARK in state["document"].text:
                raise ValueError("a bug in the counts step")
            return original(state)
        return step

    with swapped_step("reckon.counts.v1", failing):
        yield


def test_groups_are_lazy_and_keep_the_remainder() -> None:
    assert list(groups(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(groups([], 3)) == []


def test_one_failing_document_of_a_group_is_one_line(tmp_path: Path, counts_step_fails_on_the_mark) -> None:
    seen: list[tuple[str, str]] = []
    with Ledger(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        report = ingest_into(ledger, [_folder(tmp_path)], resolve=False,
                             on_item=lambda label, status: seen.append((Path(label).name, status)))
        assert len(list(ledger.documents())) == 2
    assert seen == [("a.txt", "stored"), ("b.txt", "failed"), ("c.txt", "stored"), ("d.txt", "failed")]
    (b_label, b_error), (_, d_error) = report.failures
    assert Path(b_label).name == "b.txt" and b_error.code == "R201" and "ValueError" in str(b_error)
    assert d_error.code == "R102"


def test_extract_files_reports_in_order(tmp_path: Path, counts_step_fails_on_the_mark) -> None:
    results = [(Path(source).name, result) for source, result in extract_files([_folder(tmp_path)])]
    assert [name for name, _ in results] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [getattr(result, "code", None) for _, result in results] == [None, "R201", None, "R102"]
    assert results[0][1].incidents and results[2][1].incidents
