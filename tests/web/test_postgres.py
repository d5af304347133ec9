"""The site on PostgreSQL: the same pages and answers as on SQLite (search uses tsvector)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import TestClient, XSS, fill_ledger

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_site(postgres_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    from reckon.web.app import create_app

    ids = fill_ledger(postgres_url)
    with TestClient(create_app(postgres_url)) as client:
        yield client, ids


def test_pages_and_api_on_postgresql(pg_site) -> None:  # type: ignore[no-untyped-def]
    client, ids = pg_site
    for path in ("/", f"/incidents/{ids['mirrenby_incident']}", f"/documents/{ids['hostile_document']}",
                 "/actors/Red%20Lantern%20Brigade", "/tags/oster", "/sitemap.xml", "/feed.atom",
                 "/search?q=villagers", "/export/incidents.csv"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        if not path.startswith("/export/"):  # a CSV download carries the text as data
            assert "<script>alert(" not in response.text
    listed = client.get("/api/incidents?actor=RLB&kind=killed&date_to=2031-12").json()
    assert [i["id"] for i in listed["data"]["incidents"]] == [ids["mirrenby_incident"]]
    timeline = client.get("/index.json").json()["data"]["timeline"]
    assert {"month": "2031-03", "incidents": 1, "killed_min": 19, "killed_max": 23} in timeline
    tagged = client.get("/api/tags/" + "raids").json()
    assert [d["id"] for d in tagged["data"]["documents"]] == [ids["mirrenby_document"]]
    actor = client.get("/api/actors/" + XSS["script"].replace("/", "%2F")).json()["data"]
    assert actor["as_accused"] and actor["as_victim"]


def test_full_text_search_on_postgresql(pg_site) -> None:  # type: ignore[no-untyped-def]
    client, ids = pg_site
    body = client.get("/api/search?q=Mirrenby%20villagers").json()
    assert {d["id"] for d in body["data"]["documents"]} == {ids["mirrenby_document"], ids["courier_document"]}
    assert any(p["match"] for d in body["data"]["documents"] for p in d["snippet"])
    assert ids["mirrenby_incident"] in {i["id"] for i in body["data"]["incidents"]}
    for attempt in ("' OR 1=1 --", "a & b | !c", "villagers:*", "\\"):
        response = client.get("/api/search", params={"q": attempt})
        assert response.status_code == 200, (attempt, response.text[:200])
    assert client.get("/api/incidents").json()["meta"]["total"] == 2
