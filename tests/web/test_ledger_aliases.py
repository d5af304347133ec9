"""The incident page names actors as the whole ledger does: an alias one document defined
("Red Lantern Brigade (RLB)") names the group in an incident of another document that
writes only "RLB", as `reckon show` and the exports do."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from reckon.model import Accusation, Span
from reckon.resolve import resolve
from reckon.store import Ledger
from reckon.web.app import create_app
from conftest import fictional_findings


def test_an_alias_defined_in_another_document_names_the_accused(tmp_path: Path) -> None:
    defining = fictional_findings(0)  # defines the Red Lantern Brigade (RLB)
    bare = fictional_findings(5)
    text = bare.document.text
    at = text.index("RLB")
    raid = replace(bare.incidents[0], perpetrators=(Accusation(
        actor="RLB", claimant=bare.incidents[0].perpetrators[0].claimant, span=Span(start=at, end=at + 3),
        extractor="reckon.accusations.v1"),))
    bare = replace(bare, incidents=(raid,), actors=())
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger(url) as ledger:
        ledger.add(defining)
        ledger.add(bare)
        ledger.save_incidents(resolve([bare]))  # the defining report is in no incident here
        (incident,) = ledger.incidents()
    with TestClient(create_app(url)) as client:
        data = client.get(f"/incidents/{incident.id}.json").json()
    accused = [(a["actor"], a["as_written"]) for group in data["data"]["perpetrators"] for a in group["actors"]]
    assert accused == [("Red Lantern Brigade", "RLB")]
