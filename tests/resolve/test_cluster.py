from __future__ import annotations

from datetime import date

import pytest

from reckon.model import Place
from reckon.resolve.blocking import (
    consonant_skeleton,
    find_candidate_pairs,
    find_related_places,
    is_place_variant,
)
from reckon.resolve.cluster import cluster_reports, incident_id
from reckon.resolve.matching import (
    DAY,
    MONTH,
    YEAR,
    make_node,
    parse_date_interval,
    parse_place_key,
)

from ._builders import accuse, count, findings, make_document, report


def _day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def _together(incidents, *document_ids: str) -> bool:
    return any(set(document_ids) <= set(i.document_ids) for i in incidents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031-05-06", (_day("2031-05-06"), _day("2031-05-06"), DAY)),
        ("2031-02", (_day("2031-02-01"), _day("2031-02-28"), MONTH)),
        ("2032", (_day("2032-01-01"), _day("2032-12-31"), YEAR)),
        (None, None),
        ("", None),
        ("2031-13-01", None),
        ("last week", None),
    ],
)
def test_parse_date_interval_precision(text, expected) -> None:
    assert parse_date_interval(text) == expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (Place(name="Verdan University College"), "verdan"),
        (Place(name="Camp Verdan"), "verdan"),
        (Place(name="Rabu al-Tessa Square"), "rabu tessa"),
        (Place(name="Tessa al-Rabu"), "rabu tessa"),
        (Place(name="The Square"), "square"),
        (Place(name="Xandria", kind="country"), ""),
        (None, ""),
    ],
)
def test_parse_place_key_drops_generic_words(place, expected) -> None:
    assert parse_place_key(place) == expected


def test_cluster_reports_three_attacks_on_one_camp_stay_apart() -> None:
    batch = []
    for year in (2030, 2031, 2032):
        for outlet in ("a", "b"):
            document = make_document(
                key=f"{year}{outlet}", place="Camp Verdan", published=f"{year}-03-05"
            )
            batch.append(
                findings(
                    document, report(f"{year}-03-04", "Camp Verdan", counts=(count("killed", 7),))
                )
            )
    incidents = cluster_reports(batch)
    assert len(incidents) == 3
    assert sorted(len(i.reports) for i in incidents) == [2, 2, 2]
    assert [i.date for i in incidents] == ["2030-03-04", "2031-03-04", "2032-03-04"]


def test_cluster_reports_anniversary_piece_joins_the_original_event() -> None:
    news = make_document(key="news", published="2030-07-02")
    anniversary = make_document(key="tenth anniversary", published="2040-07-01")
    batch = [
        findings(news, report("2030-07-01", "Orlo Bask", counts=(count("killed", 19),))),
        findings(anniversary, report("2030-07-01", "Orlo Bask", counts=(count("killed", 21),))),
        findings(
            make_document(key="later", published="2035-07-02"), report("2035-07-01", "Orlo Bask")
        ),
    ]
    incidents = cluster_reports(batch)
    assert _together(incidents, news.id, anniversary.id)
    assert len(incidents) == 2


def test_cluster_reports_undated_report_joins_by_place_and_victims() -> None:
    dated = []
    for year, victims in ((2030, "market traders"), (2031, "schoolgirls"), (2032, "fishermen")):
        document = make_document(key=f"dated {year}", published=f"{year}-09-10")
        dated.append(document)
        dated_report = report(
            f"{year}-09-09", "Verdan", victims=(victims,), perpetrators=(accuse("Red Hand"),)
        )
        batch_item = findings(document, dated_report)
        dated[-1] = (document, batch_item)
    undated = make_document(key="undated")  # no publication date either
    batch = [item for _, item in dated] + [
        findings(undated, report(None, "Verdan", victims=("Verdan schoolgirls",)))
    ]
    incidents = cluster_reports(batch)
    assert _together(incidents, dated[1][0].id, undated.id)
    assert len(incidents) == 3


def test_cluster_reports_undated_report_prefers_event_before_its_publication() -> None:
    early = make_document(key="early", published="2030-04-02")
    late = make_document(key="late", published="2034-04-02")
    undated = make_document(key="undated", published="2031-01-10")
    batch = [
        findings(early, report("2030-04-01", "Verdan", perpetrators=(accuse("Red Hand"),))),
        findings(late, report("2034-04-01", "Verdan", perpetrators=(accuse("Red Hand"),))),
        findings(undated, report(None, "Verdan", perpetrators=(accuse("Red Hand"),))),
    ]
    incidents = cluster_reports(batch)
    assert _together(incidents, early.id, undated.id)
    assert not _together(incidents, late.id, undated.id)


def test_cluster_reports_undated_report_without_corroboration_stays_alone() -> None:
    dated = make_document(key="dated", published="2030-04-02")
    undated = make_document(key="undated")
    batch = [
        findings(dated, report("2030-04-01", "Verdan", victims=("herders",))),
        findings(undated, report(None, "Verdan", victims=("students",))),
    ]
    assert len(cluster_reports(batch)) == 2


def test_cluster_reports_same_name_in_another_country_stays_apart() -> None:
    here = make_document(key="here", published="2030-04-02")
    there = make_document(key="there", published="2030-04-02")
    batch = [
        findings(here, report("2030-04-01", "San Orlo", "XA", counts=(count("killed", 4),))),
        findings(there, report("2030-04-01", "San Orlo", "XB", counts=(count("killed", 4),))),
    ]
    assert len(cluster_reports(batch)) == 2


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Verdan University College", "Verdan"),  # generic words dropped
        ("Rabu al-Tessa Square", "Rabu Tesa"),  # spelling variant
        ("Verdan Trauma Ward", "Verdan"),  # one name inside the other
    ],
)
def test_cluster_reports_same_day_place_variants_join(left: str, right: str) -> None:
    a = make_document(key="a", published="2030-04-02")
    b = make_document(key="b", published="2030-04-03")
    batch = [findings(a, report("2030-04-01", left)), findings(b, report("2030-04-01", right))]
    assert len(cluster_reports(batch)) == 1


def test_cluster_reports_coordinates_within_a_few_km_join() -> None:
    a = make_document(key="a", published="2030-04-02")
    b = make_document(key="b", published="2030-04-02")
    batch = [
        findings(a, report("2030-04-01", "Kessa", latitude=10.0, longitude=20.0, kind="town")),
        findings(
            b,
            report(
                "2030-04-01", "Lower Ward School", latitude=10.01, longitude=20.01, kind="school"
            ),
        ),
    ]
    assert len(cluster_reports(batch)) == 1


def test_cluster_reports_two_squares_of_one_city_same_day_stay_apart() -> None:
    a = make_document(key="a", published="2030-08-15")
    b = make_document(key="b", published="2030-08-15")
    batch = [
        findings(
            a, report("2030-08-14", "Tolva Square", latitude=30.0, longitude=31.0, kind="square")
        ),
        findings(
            b, report("2030-08-14", "Mirran Square", latitude=30.06, longitude=31.02, kind="square")
        ),
    ]
    assert len(cluster_reports(batch)) == 2


def test_cluster_reports_two_incidents_of_one_document_never_merge() -> None:
    document = make_document(key="two sites", published="2030-08-15")
    other = make_document(key="other", published="2030-08-16")
    batch = [
        findings(document, report("2030-08-14", "Verdan"), report("2030-08-14", "Verdan")),
        findings(other, report("2030-08-14", "Verdan")),
    ]
    incidents = cluster_reports(batch)
    assert len(incidents) == 2
    assert all(len(set(i.document_ids)) == len(i.reports) for i in incidents)


def test_cluster_reports_dates_two_days_apart_with_shared_actor_join() -> None:
    a = make_document(key="a", published="2030-04-05")
    b = make_document(key="b", published="2030-04-05")
    batch = [
        findings(a, report("2030-04-01", "Verdan", perpetrators=(accuse("Red Hand"),))),
        findings(b, report("2030-04-03", "Verdan", perpetrators=(accuse("the Red Hand"),))),
    ]
    assert len(cluster_reports(batch)) == 1


def test_cluster_reports_days_apart_without_corroboration_stay_apart() -> None:
    a = make_document(key="a", published="2030-04-05")
    b = make_document(key="b", published="2030-04-05")
    batch = [
        findings(a, report("2030-04-01", "Verdan")),
        findings(b, report("2030-04-03", "Verdan")),
    ]
    assert len(cluster_reports(batch)) == 2


def test_cluster_reports_month_only_date_joins_the_day() -> None:
    a = make_document(key="a", published="2030-04-05")
    b = make_document(key="b", published="2030-06-01")
    batch = [findings(a, report("2030-04-01", "Verdan")), findings(b, report("2030-04", "Verdan"))]
    incidents = cluster_reports(batch)
    assert len(incidents) == 1
    assert incidents[0].date == "2030-04-01"


def test_cluster_reports_undated_placeless_reprint_joins_by_independence_group() -> None:
    a = make_document(key="a", published="2030-04-02")
    b = make_document(key="b", published="2030-04-02")
    batch = [findings(a, report("2030-04-01", "Verdan")), findings(b, report(None, None))]
    together = cluster_reports(batch, independence={a.id: a.id, b.id: a.id})
    apart = cluster_reports(batch, independence={a.id: a.id, b.id: b.id})
    assert (len(together), len(apart)) == (1, 2)


def test_cluster_reports_event_after_publication_is_not_joined() -> None:
    a = make_document(key="a", published="2030-04-02")
    b = make_document(key="b", published="2030-03-01")
    batch = [findings(a, report("2030-04", "Verdan")), findings(b, report("2030-04", "Verdan"))]
    assert len(cluster_reports(batch)) == 2


def _batch_a():
    return [
        findings(make_document(key="a1", published="2030-04-02"), report("2030-04-01", "Verdan")),
        findings(make_document(key="a2", published="2030-05-02"), report("2030-05-01", "Kessa")),
    ]


def _batch_b():
    return [
        findings(make_document(key="b1", published="2030-04-03"), report("2030-04-01", "Verdan")),
        findings(make_document(key="b2", published="2030-04-03"), report("2030-04-01", "Ostra")),
    ]


def test_cluster_reports_incremental_ids_stay_stable() -> None:
    first = cluster_reports(_batch_a())
    second = cluster_reports(_batch_a() + _batch_b(), existing=first)
    ids_first = {i.id for i in first}
    assert ids_first <= {i.id for i in second}
    verdan = next(i for i in second if i.place and i.place.name == "Verdan")
    assert verdan.id in ids_first and len(verdan.reports) == 2
    assert len(second) == 3


def test_cluster_reports_existing_reports_are_not_duplicated() -> None:
    first = cluster_reports(_batch_a())
    again = cluster_reports(_batch_a(), existing=first)
    assert [(i.id, len(i.reports)) for i in again] == [(i.id, len(i.reports)) for i in first]


def test_cluster_reports_ids_are_deterministic_and_order_independent() -> None:
    batch = _batch_a() + _batch_b()
    forward = [(i.id, i.document_ids) for i in cluster_reports(batch)]
    backward = [(i.id, i.document_ids) for i in cluster_reports(list(reversed(batch)))]
    assert forward == backward
    earliest = batch[0]
    assert incident_id(earliest.document.id, 0) in {i for i, _ in forward}


def test_cluster_reports_existing_incidents_are_not_merged_together() -> None:
    first = cluster_reports(
        [findings(make_document(key="x", published="2030-04-02"), report("2030-04-01", "Verdan"))]
    )
    second = cluster_reports(
        [findings(make_document(key="y", published="2030-04-02"), report("2030-04-01", "Verdan"))]
    )
    bridge = [
        findings(make_document(key="z", published="2030-04-03"), report("2030-04-01", "Verdan"))
    ]
    merged = cluster_reports(bridge, existing=first + second)
    assert {i.id for i in merged} == {first[0].id, second[0].id}


def test_candidate_pairs_stay_near_linear() -> None:
    # 100 places x 10 years x 3 reports: a place's reports meet only their own year.
    nodes = []
    for place in range(100):
        for year in range(2030, 2040):
            for copy in range(3):
                document = make_document(key=f"{place}-{year}-{copy}", published=f"{year}-06-02")
                nodes.append(
                    make_node(
                        document.id,
                        0,
                        document.published,
                        report(f"{year}-06-01", f"Place{place:03d}"),
                        group=document.id,
                        existing=None,
                        actor_names={},
                    )
                )
    pairs = find_candidate_pairs(nodes)
    assert len(pairs) <= len(nodes) * 3


@pytest.mark.parametrize(
    ("keys", "left", "right", "expected"),
    [
        (["verdan", "trauma verdan", "kessa"], "verdan", "trauma verdan", True),
        (["rabaa tessa", "rabea tessa"], "rabaa tessa", "rabea tessa", True),
        (["block4 verdan", "block5 verdan"], "block4 verdan", "block5 verdan", False),
        (["verdan", "kessa"], "verdan", "kessa", False),
    ],
)
def test_find_related_places_containment_and_variants(keys, left, right, expected) -> None:
    assert (right in find_related_places(keys).get(left, frozenset())) is expected


@pytest.mark.parametrize(
    ("accused", "joins"),
    [("Red Hand", True), ("gunmen", False)],
)
def test_cluster_reports_undated_joins_on_a_name_not_a_description(accused, joins) -> None:
    dated = make_document(key="dated", published="2030-04-02")
    undated = make_document(key="undated")
    batch = [
        findings(dated, report("2030-04-01", "Verdan", perpetrators=(accuse(accused),))),
        findings(undated, report(None, "Verdan", perpetrators=(accuse(accused),))),
    ]
    assert (len(cluster_reports(batch)) == 1) is joins


def test_cluster_reports_camp_descriptors_are_generic() -> None:
    a = make_document(key="a", published="2030-04-02")
    b = make_document(key="b", published="2030-04-02")
    batch = [
        findings(a, report("2030-04-01", "Ostra displacement site")),
        findings(b, report("2030-04-01", "Ostra IDP camp")),
    ]
    assert len(cluster_reports(batch)) == 1


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("rabaa tessa", "rabea tessa", True),  # high ratio
        ("bako", "buko", True),  # same consonants, a vowel apart
        ("hizbolah", "hizbollah", True),
        ("bako", "biko nord", False),
        ("bako", "dako", False),  # a consonant apart is another name
        ("block4 verdan", "block5 verdan", False),
    ],
)
def test_is_place_variant_spellings(left: str, right: str, expected: bool) -> None:
    assert is_place_variant(left, right) is expected


def test_consonant_skeleton_drops_vowels_and_doubles() -> None:
    assert consonant_skeleton("rabaa tessa") == "rb ts"
