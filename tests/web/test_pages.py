"""Every public route answers, every HTML page has its .json twin with the same data, and
every JSON answer is one of the two envelopes."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote
from xml.etree import ElementTree

import pytest

from reckon.web.app import SECURITY_HEADERS

SUCCESS_KEYS = {"ok", "data", "meta"}
ERROR_KEYS = {"ok", "error"}


def assert_envelope(body: dict, status: int) -> None:
    """The one success shape for 2xx, the one error shape otherwise."""
    if status < 400:
        assert set(body) == SUCCESS_KEYS and body["ok"] is True, body
        assert isinstance(body["meta"], dict)
    else:
        assert set(body) == ERROR_KEYS and body["ok"] is False, body
        assert set(body["error"]) == {"code", "message", "status"}
        assert re.fullmatch(r"R\d{3}", body["error"]["code"])
        assert body["error"]["status"] == status
        assert body["error"]["message"]


def sample_paths(ids: dict[str, str]) -> dict[str, str]:
    """A value for each path parameter the routes use."""
    return {
        "incident_id": ids["mirrenby_incident"],
        "document_id": ids["mirrenby_document"],
        "name": quote("Red Lantern Brigade"),
        "tag": "oster",
    }


def all_routes(routes, prefix: str = ""):  # type: ignore[no-untyped-def]
    """Every (path, methods), walking into included routers (FastAPI includes them lazily)."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from all_routes(route.original_router.routes,
                                  prefix + route.include_context.prefix)
        elif hasattr(route, "path"):
            yield prefix + route.path, getattr(route, "methods", None) or set()


def json_routes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted({
        path for path, methods in all_routes(app.routes)
        if "GET" in methods and (path.startswith("/api/") or path.endswith(".json"))
    })


def fill(path: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name not in values:
            pytest.fail(f"test_pages.sample_paths has no value for {{{name}}} in {path}")
        return values[name]

    return re.sub(r"\{([^}]+)\}", value, path)


def test_every_json_route_uses_the_envelopes(client, ids) -> None:  # type: ignore[no-untyped-def]
    routes = json_routes(client.app)
    assert "/api/incidents" in routes and "/incidents/{incident_id}.json" in routes
    for route in routes:
        if route == "/api/openapi.json":
            continue  # FastAPI's schema document, not a ledger answer
        response = client.get(fill(route, sample_paths(ids)))
        assert response.headers["content-type"].startswith("application/json"), route
        assert_envelope(response.json(), response.status_code)
        missing = client.get(fill(route, {k: "no-such-thing" for k in sample_paths(ids)}))
        assert_envelope(missing.json(), missing.status_code)


@pytest.mark.parametrize(
    "path",
    ["/index.json?page=0", "/index.json?page=x", "/index.json?kind=exploded",
     "/index.json?date_from=yesterday", "/index.json?country=Narnia",
     "/incidents/nope.json", "/documents/nope.json", "/actors/Nobody.json", "/tags/none.json",
     "/api/incidents/nope", "/api/search?page=-1", "/api/nothing-here", "/nothing.json", "/api/docs"],
)
def test_json_errors_use_the_error_envelope(client, path: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert 400 <= response.status_code < 500
    assert_envelope(response.json(), response.status_code)


def test_html_error_pages_are_pages(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/incidents/no-such-incident")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text and "no incident with id" in response.text


@pytest.mark.parametrize("page", ["/", "/incidents/{mirrenby_incident}", "/documents/{mirrenby_document}",
                                  "/actors/Red%20Lantern%20Brigade", "/search?q=Mirrenby", "/tags/oster"])
def test_page_and_its_json_twin(client, ids, page: str) -> None:  # type: ignore[no-untyped-def]
    path = page.format(**ids)
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    for name, value in SECURITY_HEADERS.items():
        assert html.headers[name] == value
    base, _, query = path.partition("?")
    twin = client.get(("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200
    assert_envelope(twin.json(), 200)
    # OpenGraph and Twitter cards on every page.
    for meta in ('property="og:title"', 'property="og:url"', 'name="twitter:card"', 'property="og:description"'):
        assert meta in html.text, (path, meta)


def test_incident_page_words_every_figure_as_a_claim(client, ids) -> None:  # type: ignore[no-untyped-def]
    data = client.get(f"/incidents/{ids['mirrenby_incident']}.json").json()["data"]
    words = {claim["words"] for claim in data["claims"]}
    assert "at least 23 killed, according to Governor of Oster" in words
    assert "19 killed, according to Valdorian Interior Ministry" in words
    html = client.get(f"/incidents/{ids['mirrenby_incident']}").text
    assert "At least 23 killed, according to Governor of Oster." in html
    # Evidence: the span highlighted inside its sentence, linked to its place in the document.
    assert "<mark>At least 23</mark> villagers were killed" in html
    start = data["claims"][0]["span"][0]
    assert f'/documents/{data["claims"][0]["document_id"]}#span-{start}-' in html
    assert data["chart"]["killed"] and {"claimant", "min", "max"} == set(data["chart"]["killed"][0])
    assert data["conflicts"] and data["conflicts"][0]["field"] == "killed"
    assert any(p["claimant"] == "Valdorian Interior Ministry" for p in data["perpetrators"])
    assert 'id="claims-data"' in html and "Where the sources disagree" in html


def test_document_page_highlights_and_links_every_finding(client, ids) -> None:  # type: ignore[no-untyped-def]
    data = client.get(f"/documents/{ids['mirrenby_document']}.json").json()["data"]
    kinds = {finding["kind"] for finding in data["findings"]}
    assert {"count", "claimant", "accusation", "place", "date", "quote"} <= kinds
    for finding in data["findings"]:
        start, end = finding["span"]
        assert 0 <= start < end <= len(data["text"])
    html = client.get(f"/documents/{ids['mirrenby_document']}").text
    count = next(f for f in data["findings"] if f["kind"] == "count")
    anchor = f'id="span-{count["span"][0]}-{count["span"][1]}"'
    assert anchor in html
    assert f'<a class="finding-link" href="/incidents/{ids["mirrenby_incident"]}">' in html
    assert data["raw_sha256"] and data["raw_sha256"] in html
    assert f'/documents/{ids["mirrenby_document"]}/raw' in html


def test_raw_bytes_are_the_original_and_match_their_hash(client, ids) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    data = client.get(f"/documents/{ids['mirrenby_document']}.json").json()["data"]
    raw = client.get(f"/documents/{ids['mirrenby_document']}/raw")
    assert raw.status_code == 200
    assert hashlib.sha256(raw.content).hexdigest() == data["raw_sha256"]
    assert raw.headers["content-type"] == "application/octet-stream"
    assert raw.headers["content-disposition"].startswith("attachment;")


def test_incident_list_filters_and_pagination(client, ids) -> None:  # type: ignore[no-untyped-def]
    def listed(query: str) -> list[str]:
        body = client.get(f"/api/incidents?{query}").json()
        return [i["id"] for i in body["data"]["incidents"]]

    everything = listed("")
    assert ids["mirrenby_incident"] in everything and ids["hostile_incident"] in everything
    assert listed("country=ZZ") == [ids["mirrenby_incident"]]
    assert listed("country=zz") == [ids["mirrenby_incident"]]  # case-insensitive code
    assert listed("date_from=2032-01-01") == [ids["hostile_incident"]]
    assert listed("date_to=2031-03") == [ids["mirrenby_incident"]]
    assert listed("actor=Red%20Lantern%20Brigade") == [ids["mirrenby_incident"]]
    assert listed("actor=RLB") == [ids["mirrenby_incident"]]  # an alias finds the actor
    assert ids["mirrenby_incident"] in listed("kind=abducted")
    assert ids["hostile_incident"] not in listed("kind=abducted")
    assert listed("country=&actor=&kind=") == everything  # an empty form field means any
    first = client.get("/api/incidents?page=1").json()["meta"]
    assert first["total"] == len(everything) and first["page"] == 1
    assert client.get("/api/incidents?page=2").json()["data"]["incidents"] == []


def test_timeline_and_map_data(client, ids) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/index.json").json()["data"]
    months = {row["month"]: row for row in data["timeline"]}
    assert months["2031-03"] == {"month": "2031-03", "incidents": 1, "killed_min": 19,
                                 "killed_max": 23}
    assert {p["id"] for p in data["map"]} == {ids["mirrenby_incident"], ids["hostile_incident"]}
    html = client.get("/").text
    assert 'id="timeline-data"' in html and '<svg class="map"' in html
    assert f'<a href="/incidents/{ids["mirrenby_incident"]}"><circle' in html
    svg = client.get("/map/countries.svg")
    assert svg.status_code == 200 and svg.text.count("<path") > 150


def test_search_finds_documents_and_incidents(client, ids) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/search?q=Mirrenby%20villagers").json()
    found = {hit["id"] for hit in body["data"]["documents"]}
    assert found == {ids["mirrenby_document"], ids["courier_document"]}
    assert ids["mirrenby_incident"] in {i["id"] for i in body["data"]["incidents"]}
    assert any(piece["match"] for hit in body["data"]["documents"] for piece in hit["snippet"])
    assert client.get("/api/search?q=zzqxnothing").json()["meta"]["total"] == 0
    assert client.get("/api/search?q=").json()["data"]["documents"] == []
    html = client.get("/search?q=villagers").text
    assert "<mark>villagers</mark>" in html


def test_actor_page_lists_aliases_and_incidents(client, ids) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/actors/Red%20Lantern%20Brigade.json").json()["data"]
    assert [a["alias"] for a in data["aliases"]] == ["RLB"]
    assert [i["id"] for i in data["as_accused"]] == [ids["mirrenby_incident"]]
    assert data["as_accused"][0]["accused_by"] == ["Valdorian Interior Ministry"]


def test_tag_page(client, ids) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/tags/raids.json").json()
    assert [d["id"] for d in data["data"]["documents"]] == [ids["mirrenby_document"]]
    assert data["meta"]["total"] == 1


def test_sitemap_and_feed_are_valid_xml_with_every_incident(client, ids) -> None:  # type: ignore[no-untyped-def]
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {node.text for node in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"http://testserver/incidents/{ids['mirrenby_incident']}" in locations
    assert f"http://testserver/documents/{ids['hostile_document']}" in locations
    feed_response = client.get("/feed.atom")
    assert feed_response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(feed_response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    entry_ids = {e.find(f"{atom}id").text for e in feed.iter(f"{atom}entry")}
    assert f"http://testserver/incidents/{ids['hostile_incident']}" in entry_ids


def test_exports_reuse_reckon_export(client, ids) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(client.get("/export/incidents.csv").text)))
    mirrenby = next(r for r in rows if r["event_id"] == ids["mirrenby_incident"])
    assert (mirrenby["fatalities_min"], mirrenby["fatalities_max"]) == ("19", "23")
    assert mirrenby["perpetrators"] == "Red Lantern Brigade"
    lines = client.get("/export/incidents.jsonl").text.splitlines()
    assert {json.loads(line)["id"] for line in lines} >= {ids["mirrenby_incident"]}
    claims = list(csv.DictReader(io.StringIO(client.get("/export/claims.csv").text)))
    assert {"Governor of Oster", "Valdorian Interior Ministry"} <= {c["claimant"] for c in claims}
    assert client.get("/export/nothing.csv").status_code == 404


def test_openapi_documents_the_api(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/search"} <= set(schema["paths"])
    assert not any(path.endswith(".json") for path in schema["paths"])  # pages stay out
    page = client.get("/api")
    assert page.status_code == 200 and "/api/incidents/{incident_id}" in page.text


def test_search_snippet_marks_become_pieces() -> None:
    """The highlight marks split a snippet into plain and matching pieces; a stray or
    doubled mark never yields an empty piece or loses text."""
    from reckon.store.queries import MARK_END as E
    from reckon.store.queries import MARK_START as S
    from reckon.web.contexts import _split_marks

    assert _split_marks(f"…the {S}Vellan{E} ferry {S}sank{E}") == [
        {"text": "…the ", "match": False}, {"text": "Vellan", "match": True},
        {"text": " ferry ", "match": False}, {"text": "sank", "match": True},
    ]
    assert _split_marks(f"{S}{S}quay{E}{E} wall{E}") == [
        {"text": "quay", "match": True}, {"text": " wall", "match": False},
    ]
    assert _split_marks("") == []


def test_templates_read_dict_keys_and_keep_dict_methods() -> None:
    """``item.key`` on a page's dict is its key; ``.items()`` stays the dict's method, also
    when the dict has a key named "items"; objects keep their attributes."""
    from reckon.web.deps import templates

    render = templates.env.from_string(
        "{{ d.title }}|{% for k, v in d.items() %}{{ k }}{% endfor %}|{{ d.missing }}|{{ o.real }}"
    ).render
    assert render(d={"title": "Ferry", "items": 3}, o=1.5) == "Ferry|titleitems||1.5"


@pytest.mark.parametrize("threads", [1, 3])
def test_pages_read_in_at_most_reader_threads(site_ledger_url: str, threads: int) -> None:
    """deps.read runs page work in worker threads, never more than reader_threads at once
    (the GIL convoy of 40 interleaving threads cost a third of a page's CPU)."""
    import asyncio
    import threading
    import time
    from types import SimpleNamespace
    from typing import Any

    from reckon.web.app import SiteSettings, create_app
    from reckon.web.deps import read

    app = create_app(site_ledger_url, settings=SiteSettings(reader_threads=threads))
    lock, active, peak = threading.Lock(), [0], [0]

    def work() -> str:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return threading.current_thread().name

    async def main() -> list[str]:
        request: Any = SimpleNamespace(app=app)  # read() only looks at request.app
        return await asyncio.gather(*(read(request, work) for _ in range(6)))

    names = asyncio.run(main())
    app.state.ledger.close()
    assert peak[0] == threads
    assert threading.main_thread().name not in names
