from __future__ import annotations

import json

from reckon.model import Place
from reckon.resolve import incident_to_json, resolve

from ._builders import accuse, count, findings, make_document, report

WIRE = (
    "KESSA (AFP) - Gunmen attacked the Verdan camp for displaced families on Sunday, "
    "killing at least twelve people and wounding thirty, a camp official said. The official "
    "blamed the Red Hand militia, which has raided villages along the river for two years. "
    "Aid workers said the clinic had run out of dressings and that many families had fled "
    "toward the town of Kessa on foot. The regional governor promised an inquiry and asked "
    "the army to station soldiers at the camp's gate until the rains begin."
)


def _corpus():
    original = make_document(WIRE, published="2030-04-08", outlet="Kessa Star", name="original")
    reprint = make_document(
        "Daily Quill | World\n" + WIRE + "\nShare this article.",
        published="2030-04-08",
        outlet="Daily Quill",
        name="reprint",
    )
    ministry = make_document(key="ministry", published="2030-04-10", outlet="Ministry Bulletin")
    later = make_document(key="later", published="2033-04-08", outlet="Kessa Star")
    wire_report = report(
        "2030-04-07",
        "Verdan camp",
        counts=(count("killed", 12, same=False, start=60), count("injured", 30, start=100)),
        perpetrators=(accuse("Red Hand", claimant="camp official", start=150),),
        victims=("displaced families",),
    )
    return [
        findings(original, wire_report),
        findings(reprint, wire_report),
        findings(
            ministry,
            report(
                "2030-04-06",
                "Camp Verdan",
                counts=(count("killed", 8, claimant="Ministry of the Interior", start=20),),
                perpetrators=(
                    accuse("Vornu Guard", claimant="Ministry of the Interior", start=40),
                ),
            ),
        ),
        findings(later, report("2033-04-07", "Verdan camp", counts=(count("killed", 3),))),
    ]


def test_resolve_groups_reprints_and_keeps_events_apart() -> None:
    batch = _corpus()
    incidents = resolve(batch)
    assert len(incidents) == 2
    first = incidents[0]
    assert len(first.reports) == 3
    groups = {r.document_id: r.independence_group for r in first.reports}
    assert groups[batch[0].document.id] == groups[batch[1].document.id]
    assert groups[batch[2].document.id] == batch[2].document.id


def test_resolve_summary_date_is_most_common_exact_date() -> None:
    incidents = resolve(_corpus())
    assert incidents[0].date == "2030-04-07"
    assert incidents[0].place == Place(name="Verdan camp", country="XA")


def test_resolve_lists_conflicts_without_picking_a_side() -> None:
    fields = {c.field: dict(c.sides) for c in resolve(_corpus())[0].conflicts}
    assert set(fields) == {"killed", "date", "perpetrator"}
    assert set(fields["killed"]) == {"at least 12", "8"}
    assert set(fields["perpetrator"]) == {"Red Hand", "Vornu Guard"}


def test_resolve_incremental_ids_stay_stable() -> None:
    batch = _corpus()
    first = resolve(batch[:2])
    second = resolve(batch, existing=first)
    assert first[0].id == second[0].id
    assert len(second[0].reports) == 3
    assert resolve(batch) == resolve(list(reversed(batch)))


def test_incident_to_json_shape_and_evidence() -> None:
    batch = _corpus()
    documents = {f.document.id: f.document for f in batch}
    incident = resolve(batch)[0]
    data = incident_to_json(incident, documents)
    json.dumps(data)  # plain JSON all the way down
    assert data["id"] == incident.id
    assert (data["date"], data["place"], data["country"]) == ("2030-04-07", "Verdan camp", "XA")
    assert data["counts"]["killed"]["range"] == [8, 12]
    assert {(c["claimant"], c["min"]) for c in data["counts"]["killed"]["latest"]} == {
        ("author", 12),
        ("Ministry of the Interior", 8),
    }
    claims = data["counts"]["killed"]["claims"]
    wire_claims = [c for c in claims if c["min"] == 12]
    assert [c["independent_sources"] for c in wire_claims] == [1, 1]
    assert all(c["span"] == [60, 62] and c["extractor"] == "test.counts.v1" for c in wire_claims)
    assert {c["field"] for c in data["conflicts"]} == {"killed", "date", "perpetrator"}
    killed = next(c for c in data["conflicts"] if c["field"] == "killed")
    holders = {s["value"]: s["claimants"] for s in killed["sides"]}
    assert holders["8"] == [
        {"claimant": "Ministry of the Interior", "document_id": batch[2].document.id}
    ]
    listed = {d["id"]: d for d in data["documents"]}
    assert listed[batch[1].document.id]["independence_group"] == batch[0].document.id
    assert listed[batch[1].document.id]["name"] == "reprint"
    assert data["perpetrators"][0]["actors"][0]["actor"] == "Red Hand"
    assert data["victims"] == [
        {
            "victims": "displaced families",
            "document_ids": [batch[0].document.id, batch[1].document.id],
        }
    ]


def test_incident_to_json_missing_document_still_listed() -> None:
    incident = resolve(_corpus())[1]
    data = incident_to_json(incident, {})
    assert [d["name"] for d in data["documents"]] == [None]
    assert data["counts"]["killed"]["claims"][0]["source"] is None


def test_resolve_empty_input() -> None:
    assert resolve([]) == []
