"""The review queue through HTTP: correct, accept, reject, merge, split, alias, audit log,
and the public incident page showing what a person reviewed beside the machine's claim."""

from __future__ import annotations

import html

import pytest
import sqlalchemy as sa

from reckon.store import Ledger, schema

from .conftest import XSS
from .review_helpers import add_editor, csrf_of, sign_in


@pytest.fixture
def editor_client(client, site_ledger_url: str):  # type: ignore[no-untyped-def]
    add_editor(site_ledger_url)
    assert sign_in(client).status_code == 303
    return client


def machine_counts(url: str) -> list[dict]:
    with Ledger(url) as ledger, ledger.engine.connect() as connection:
        query = sa.select(schema.counts).order_by(schema.counts.c.id)
        return [dict(row) for row in connection.execute(query).mappings()]


def queue(client) -> list[dict]:  # type: ignore[no-untyped-def]
    body = client.get("/review.json").json()
    assert body["ok"] is True and set(body["meta"]) >= {"page", "per_page", "total"}
    return body["data"]["items"]


def test_queue_lists_disputed_and_open_claims_first(editor_client) -> None:  # type: ignore[no-untyped-def]
    items = queue(editor_client)
    keys = [(-i["conflict"], -i["uncertainty"]) for i in items]
    assert keys == sorted(keys)
    assert items[0]["conflict"] > 0
    page = editor_client.get("/review").text
    assert "Review queue" in page and items[0]["evidence"]["text"] in html.unescape(page)


def test_hostile_text_is_escaped_in_the_review_pages(editor_client, ids) -> None:  # type: ignore[no-untyped-def]
    pages = [
        editor_client.get("/review").text,
        editor_client.get(f"/review/incidents/{ids['hostile_incident']}").text,
    ]
    for page in pages:
        for payload in XSS.values():
            if payload.startswith("javascript:"):
                assert f'href="{payload}' not in page
            else:
                assert payload not in page
    assert html.escape(XSS["script"], quote=True) in pages[1] or "&lt;script&gt;" in pages[1]


def correct(client, item: dict, **values: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/review").text)
    data = {"action": "correct", "kind": item["kind"], "min": "", "max": "", "claimant": item["claimant"],
            "note": "the statement says so", "csrf_token": token, "next": "/review", **values}
    return client.post(f"/review/claims/{item['count_id']}", data=data, follow_redirects=False)


def test_correct_a_claim_keeps_the_machine_and_shows_both(editor_client, site_ledger_url, ids) -> None:  # type: ignore[no-untyped-def]
    before = machine_counts(site_ledger_url)
    item = next(i for i in queue(editor_client) if i["incident_id"] == ids["mirrenby_incident"])
    response = correct(editor_client, item, min="21", max="21")
    assert response.status_code == 303 and response.headers["location"] == "/review"
    assert machine_counts(site_ledger_url) == before  # the machine's finding is untouched
    assert item["count_id"] not in [i["count_id"] for i in queue(editor_client)]

    audit = editor_client.get("/review/audit.json").json()
    (entry,) = audit["data"]["entries"]
    assert entry["action"] == "correct" and entry["editor"] == "ines"
    assert entry["before"]["min"] == item["min"] and entry["after"]["min"] == 21
    assert entry["note"] == "the statement says so"
    assert "the statement says so" in editor_client.get("/review/audit").text

    public = editor_client.get(f"/incidents/{ids['mirrenby_incident']}.json").json()["data"]
    reviewed = [c for c in public["claims"] if c.get("review")]
    assert len(reviewed) == 1
    claim = reviewed[0]
    assert claim["min"] == item["min"]  # the machine's figure is still the claim shown
    assert claim["review"]["state"] == "corrected" and claim["review"]["value"]["min"] == 21
    assert "editor" not in claim["review"]  # editors stay unnamed on public pages
    page = editor_client.get(f"/incidents/{ids['mirrenby_incident']}").text
    assert "reviewed-mark" in page and "Reviewed claim:" in page and "ines" not in page


@pytest.mark.parametrize(("action", "state"), [("accept", "accepted"), ("reject", "rejected")])
def test_accept_and_reject(editor_client, ids, action: str, state: str) -> None:  # type: ignore[no-untyped-def]
    item = queue(editor_client)[0]
    token = csrf_of(editor_client.get("/review").text)
    response = editor_client.post(
        f"/review/claims/{item['count_id']}", data={"action": action, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    public = editor_client.get(f"/incidents/{item['incident_id']}.json").json()["data"]
    assert [c["review"]["state"] for c in public["claims"] if c.get("review")] == [state]


@pytest.mark.parametrize(
    "values",
    [{"min": "9", "max": "3"}, {"min": "", "max": ""}, {"min": "-4"}, {"kind": "vaporised"}, {"min": "1e9"}],
)
def test_bad_corrections_are_refused_with_one_line(editor_client, site_ledger_url, values) -> None:  # type: ignore[no-untyped-def]
    item = queue(editor_client)[0]
    response = correct(editor_client, item, **values)
    assert response.status_code == 400 and "R504" in response.text
    with Ledger(site_ledger_url) as ledger, ledger.engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(schema.reviews)).scalar_one() == 0


def test_split_then_merge_through_the_forms(editor_client, ids) -> None:  # type: ignore[no-untyped-def]
    incident_id = ids["mirrenby_incident"]
    page = editor_client.get(f"/review/incidents/{incident_id}")
    assert page.status_code == 200
    token = csrf_of(page.text)
    response = editor_client.post(
        f"/review/incidents/{incident_id}/split",
        data={"document_id": [ids["courier_document"]], "note": "a second raid", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    new_id = response.headers["location"].rsplit("/", 1)[1]
    moved = editor_client.get(f"/incidents/{new_id}.json").json()["data"]
    assert [d["id"] for d in moved["documents"]] == [ids["courier_document"]]

    response = editor_client.post(
        f"/review/incidents/{incident_id}/merge",
        data={"absorb": new_id, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    merged = editor_client.get(f"/incidents/{incident_id}.json").json()["data"]
    assert ids["courier_document"] in [d["id"] for d in merged["documents"]]
    # The absorbed incident's links lead to the one that absorbed it.
    moved_on = editor_client.get(f"/incidents/{new_id}.json", follow_redirects=False)
    assert moved_on.status_code == 301
    assert moved_on.headers["location"] == f"/incidents/{incident_id}.json"
    assert editor_client.get("/incidents/inc-never-was").status_code == 404
    actions = [e["action"] for e in editor_client.get("/review/audit.json").json()["data"]["entries"]]
    assert actions == ["merge", "split"]


def test_alias_through_the_form(editor_client) -> None:  # type: ignore[no-untyped-def]
    token = csrf_of(editor_client.get("/review").text)
    data = {"actor": "Red Lantern Brigade", "alias": "The Lanterns", "csrf_token": token}
    assert editor_client.post("/review/aliases", data=data, follow_redirects=False).status_code == 303
    (entry,) = editor_client.get("/review/audit.json").json()["data"]["entries"]
    assert entry["action"] == "alias" and entry["after"] == {"alias": "The Lanterns"}
    again = editor_client.post("/review/aliases", data=data, follow_redirects=False)
    assert again.status_code == 400 and "R504" in again.text


def test_unknown_incident_is_404(editor_client) -> None:  # type: ignore[no-untyped-def]
    assert editor_client.get("/review/incidents/inc-nothing.json").status_code == 404


def test_an_editor_alias_shows_on_the_actor_page_and_joins_resolution(editor_client, site_ledger_url) -> None:  # type: ignore[no-untyped-def]
    from reckon.pipeline import editor_aliases, resolve_ledger

    token = csrf_of(editor_client.get("/review").text)
    data = {"actor": "Red Lantern Brigade", "alias": "Lantern Men", "csrf_token": token}
    assert editor_client.post("/review/aliases", data=data, follow_redirects=False).status_code == 303
    profile = editor_client.get("/actors/Red%20Lantern%20Brigade.json").json()["data"]
    assert {"alias": "Lantern Men", "documents": 0, "editor": True} in profile["aliases"]
    assert "Lantern Men (added by an editor)" in editor_client.get("/actors/Red%20Lantern%20Brigade").text
    with Ledger(site_ledger_url) as ledger:
        (actor,) = editor_aliases(ledger)
        assert (actor.name, actor.aliases) == ("Red Lantern Brigade", ("Lantern Men",))
        resolve_ledger(ledger)  # the resolver takes the editor's alias without complaint
