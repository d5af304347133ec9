"""The review workflow over HTTP on PostgreSQL: sign in, correct, split, audit, public mark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import TestClient, fill_ledger
from .review_helpers import add_editor, csrf_of, sign_in

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_editor(postgres_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    from reckon.web.app import create_app

    ids = fill_ledger(postgres_url)
    add_editor(postgres_url)
    with TestClient(create_app(postgres_url)) as client:
        assert sign_in(client).status_code == 303
        yield client, ids


def test_review_workflow_on_postgresql(pg_editor) -> None:  # type: ignore[no-untyped-def]
    client, ids = pg_editor
    items = client.get("/review.json").json()["data"]["items"]
    item = next(i for i in items if i["document_id"] == ids["mirrenby_document"] and i["min"] == 19)
    token = csrf_of(client.get("/review").text)
    data = {"action": "correct", "kind": "killed", "min": "21", "max": "21",
            "claimant": item["claimant"], "csrf_token": token}
    assert client.post(f"/review/claims/{item['count_id']}", data=data, follow_redirects=False).status_code == 303
    split = client.post(
        f"/review/incidents/{ids['mirrenby_incident']}/split",
        data={"document_id": [ids["courier_document"]], "csrf_token": token},
        follow_redirects=False,
    )
    assert split.status_code == 303
    entries = client.get("/review/audit.json").json()["data"]["entries"]
    assert [e["action"] for e in entries] == ["split", "correct"]
    public = client.get(f"/incidents/{ids['mirrenby_incident']}.json").json()["data"]
    states = [c["review"]["state"] for c in public["claims"] if c.get("review")]
    assert states == ["corrected"]
    assert [d["id"] for d in public["documents"]] == [ids["mirrenby_document"]]
    bad = client.post(f"/review/claims/{item['count_id']}", data={"action": "accept", "csrf_token": "x"})
    assert bad.status_code == 403
