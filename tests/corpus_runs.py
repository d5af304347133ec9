"""Extraction over the test corpora, computed once per session and shared by the corpus tests.

Kept out of conftest because only three test modules need it; they import it directly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reckon.formats import findings_to_json
from reckon.pipeline import extract_files

TESTS = Path(__file__).resolve().parent
PROJECT_CORPUS = TESTS / "corpus"


def shared_dev_corpus() -> Path | None:
    path = TESTS.parent.parent / "shared" / "corpus" / "dev"
    return path if path.is_dir() else None


def corpus_documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html") and p.with_suffix(".json").exists())


@lru_cache(maxsize=4)
def extract_corpus(folder: Path) -> dict[str, dict]:
    """id -> the JSON `reckon extract --json` gives for each document of ``folder``."""
    out: dict[str, dict] = {}
    for source, result in extract_files(corpus_documents(folder)):
        stem = Path(source).name.split(".")[0]
        if isinstance(result, Exception):
            raise AssertionError(f"{source}: extraction failed: {result}")
        out[stem] = findings_to_json(result, id=stem)
    return out
