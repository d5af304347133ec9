"""The project's own gold corpora obey shared/eval/FORMAT.md.

Each gold file is checked against the schema and against its own document: ids match
file stems, every quotation's ``starts_with`` really occurs in the text, figures are
well-formed ranges. The resolution corpus's ``expected.json`` names only documents that
exist and puts every document in at least one incident. These checks keep hand-written
gold honest; they do not run Reckon.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent
RESOLVE = CORPUS.parent / "corpus_resolve"
SAMPLE = CORPUS.parents[1] / "src" / "reckon" / "data" / "sample"

KINDS = {"killed", "injured", "abducted", "missing", "survived", "arrested", "displaced"}
TOP_KEYS = {"id", "source_url", "outlet", "author", "published", "incidents", "quotes", "aliases", "notes"}
INCIDENT_KEYS = {"date", "place", "country", "counts", "perpetrators", "victims"}
# FORMAT.md dates: a day, a month or a year.
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GOLD_FILES = sorted(CORPUS.glob("*.json"))


class _TextOnly(HTMLParser):
    """Visible text of an HTML page, enough to look quotations up in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"script", "style", "head"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _document_text(stem: str) -> str:
    txt, page = CORPUS / f"{stem}.txt", CORPUS / f"{stem}.html"
    if txt.exists():
        return txt.read_text(encoding="utf-8")
    parser = _TextOnly()
    parser.feed(page.read_text(encoding="utf-8"))
    return html.unescape("".join(parser.parts))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _check_date(value: str | None) -> None:
    if value is None:
        return
    assert DATE_RE.match(value), value
    parts = [int(p) for p in value.split("-")]
    date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_schema_follows_format(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == TOP_KEYS
    assert gold["id"] == path.stem
    assert (CORPUS / f"{path.stem}.txt").exists() or (CORPUS / f"{path.stem}.html").exists()
    assert gold["notes"].strip()
    _check_date(gold["published"])
    if gold["published"] and len(gold["published"]) == 10:
        assert path.stem.endswith(gold["published"]), "a dated id ends with its publication date"
    for incident in gold["incidents"]:
        assert set(incident) == INCIDENT_KEYS
        _check_date(incident["date"])
        assert re.fullmatch(r"[A-Z]{2}", incident["country"])
        assert incident["counts"], "an incident exists because the text gives it a figure"
        for row in incident["counts"]:
            assert set(row) == {"kind", "min", "max", "claimed_by"}
            assert row["kind"] in KINDS
            assert row["min"] is not None or row["max"] is not None
            if row["min"] is not None and row["max"] is not None:
                assert 0 <= row["min"] <= row["max"]
            assert row["claimed_by"].strip()
        for accusation in incident["perpetrators"]:
            assert set(accusation) == {"actor", "claimed_by"}
    for name, variants in gold["aliases"].items():
        assert isinstance(variants, list) and name not in variants


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_quotes_occur_in_text(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _squash(_document_text(path.stem))
    for quote in gold["quotes"]:
        start = quote["starts_with"]
        assert 1 <= len(start.split()) <= 8, start
        assert _squash(start) in text, start
        assert quote["speaker"].strip()


SAMPLE_DOCUMENTS = sorted(p for p in SAMPLE.iterdir() if p.suffix in {".txt", ".html"})


def test_sample_is_present() -> None:
    assert 6 <= len(SAMPLE_DOCUMENTS) <= 8


@pytest.mark.parametrize("path", SAMPLE_DOCUMENTS, ids=[p.name for p in SAMPLE_DOCUMENTS])
def test_sample_document_is_scored_in_corpus(path: Path) -> None:
    copy = CORPUS / path.name
    assert copy.read_bytes() == path.read_bytes()
    assert (CORPUS / f"{path.stem}.json").exists()


def test_resolve_expected_names_existing_documents() -> None:
    expected = json.loads((RESOLVE / "expected.json").read_text(encoding="utf-8"))
    stems = {p.stem for p in RESOLVE.glob("*.txt")}
    grouped: set[str] = set()
    for incident in expected["incidents"]:
        assert incident["label"].strip()
        assert set(incident["documents"]) <= stems
        grouped.update(incident["documents"])
        for low, high, claimant in incident["killed_claims"]:
            assert low is not None or high is not None
            assert low is None or high is None or low <= high
            assert claimant.strip()
    assert grouped == stems, "every document belongs to at least one incident"
    for group in expected["reprint_groups"]:
        assert len(group) >= 2 and set(group) <= stems
