"""Place context across documents, one document's nested reports, B-cubed, actors (fiction)."""

from __future__ import annotations

from reckon.resolve import actors_to_json, resolve
from reckon.resolve.blocking import consonant_skeleton, is_place_variant
from reckon.resolve.cluster import cluster_reports
from reckon.model import Place, ReportedIncident, Span
from reckon.resolve.context import PlaceIndex, confirmed_country, named_countries, places_beside
from reckon.resolve.matching import GENERIC_PLACE_WORDS
from reckon.resolve.scoring import bcubed, gold_events
from tests.resolve._builders import accuse, count, findings, make_document, report


def _index(*keys: str) -> PlaceIndex:
    return PlaceIndex(keys, GENERIC_PLACE_WORDS, is_place_variant, consonant_skeleton)


def test_place_index_finds_names_and_variants_not_lowercase_words() -> None:
    index = _index("ceel gaab", "muchemba", "verdan")
    text = "Witnesses in El Gab and Mutchemba said the verdant hills near Ceel Gaab market burned."
    assert index.mentions(text) == frozenset({"ceel gaab", "muchemba"})
    assert index.mentions("the verdan road") == frozenset()  # not a name: no capital


def test_place_index_finds_a_hyphenated_name_written_as_one_word() -> None:
    # The batch knows "Tessa-Marn" (key "marn tessa"); a text writes "Tessamarn".
    index = _index("marn tessa", "koumbi oster")
    assert index.mentions("Residents of Tessamarn fled.") == frozenset({"marn tessa"})
    assert index.mentions("Oster-Koumbi and Osterkoumbi") == frozenset({"koumbi oster"})


def test_dateline_report_joins_the_site_its_documents_name() -> None:
    # A wire datelined in the capital names the village; the village story names the capital.
    wire = make_document("KESSABURG, 2 May 2031 - Gunmen attacked Tollendorf village, officials said.",
                         published="2031-05-02")  # fmt: skip
    local = make_document("Tollendorf mourns. Officials in Kessaburg said the attack killed many.",
                          published="2031-05-03")  # fmt: skip
    batch = [
        findings(wire, report("2031-05-02", "Kessaburg", kind="city")),
        findings(local, report("2031-05-02", "Tollendorf", kind="village")),
    ]
    assert len(cluster_reports(batch)) == 1


def test_two_events_at_one_place_years_apart_stay_apart_even_when_named() -> None:
    first = make_document("Tollendorf market bombed; Kessaburg police said.", published="2031-05-02")
    second = make_document("Tollendorf market bombed again; Kessaburg police said.", published="2035-01-09")
    batch = [
        findings(first, report("2031-05-02", "Tollendorf market")),
        findings(second, report("2035-01-09", "Tollendorf market")),
    ]
    assert len(cluster_reports(batch)) == 2


def test_one_document_restating_its_toll_at_the_region_is_one_event() -> None:
    document = make_document(key="wire", published="2031-05-02")
    killed = count("killed", 27, 27)
    batch = [
        findings(document, report("2031-05-02", "Tollendorf", counts=(killed,)),
                 report(None, "Oster Region", counts=(count("killed", 27, None),), kind="region")),
    ]  # fmt: skip
    assert len(cluster_reports(batch)) == 1


def test_one_document_two_sites_with_their_own_tolls_stay_apart() -> None:
    document = make_document(key="wire", published="2031-05-02")
    batch = [
        findings(document, report("2031-05-02", "Tollendorf", counts=(count("killed", 27, 27),)),
                 report("2031-05-02", "Brannick", counts=(count("injured", 2, 2),))),
    ]  # fmt: skip
    assert len(cluster_reports(batch)) == 2


def test_bcubed_counts_overlapping_clusters() -> None:
    gold = {"a": {"e1"}, "b": {"e1"}, "c": {"e2"}, "d": {"e1", "e2"}}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed({"a": {"x"}, "b": {"y"}, "c": {"z"}, "d": {"w"}}, gold)
    assert precision == 1.0 and recall < 0.5 and 0 < f1 < 0.7


def test_gold_events_join_same_day_or_same_place_on_agreeing_dates() -> None:
    events = gold_events({
        "a": [("2031-05-02", "Tollendorf")], "b": [("2031-05-02", "Sitio Brannick")],
        "c": [(None, "Tollendorf market")], "d": [("2035-01-09", "Tollendorf")],
    })  # fmt: skip
    assert events["a"] == events["b"] != events["d"]
    assert events["c"] not in (events["a"], events["d"])  # two events at its place: ambiguous
    alone = gold_events({"a": [("2031-05-02", "Tollendorf")], "c": [(None, "Tollendorf market")]})
    assert alone["a"] == alone["c"]


def test_actors_across_documents_one_canonical_with_aliases() -> None:
    one = make_document(key="one", published="2031-05-02")
    two = make_document(key="two", published="2031-05-03")
    batch = [
        findings(one, report("2031-05-02", "Tollendorf", perpetrators=(accuse("Red Lantern Brigade"),),
                             victims=("Oster Farmers Union",))),
        findings(two, report("2031-05-02", "Tollendorf",
                             perpetrators=(accuse("Red Lantern Brigades", claimant="Oster Farmers Union"),),
                             counts=(count("killed", 9, 9, claimant="Oster Farmers Union"),))),
    ]  # fmt: skip
    incidents = resolve(batch)
    assert len(incidents) == 1
    actors = {a["name"]: a for a in actors_to_json(incidents)}
    brigade = next(a for name, a in actors.items() if name.startswith("Red Lantern"))
    assert set(brigade["aliases"]) == {"Red Lantern Brigade", "Red Lantern Brigades"}
    assert [a["incident_id"] for a in brigade["accused_in"]] == [incidents[0].id]
    union = actors["Oster Farmers Union"]
    assert union["victim_in"][0]["incident_id"] == incidents[0].id
    assert union["claimant_in"] == [incidents[0].id]
    assert "Gunmen" not in actors


def test_a_name_written_apart_and_together_is_one_place() -> None:
    assert is_place_variant("koumbi tin", "tinkoumbi")  # "Tin-Koumbi" / "Tinkoumbi"
    assert not is_place_variant("block 4", "block4 5")
    assert _index("tinkoumbi").mentions("Villagers of Tin-Koumbi fled.") == frozenset({"tinkoumbi"})
    one = make_document(key="one", published="2031-05-03")
    two = make_document(key="two", published="2031-05-03")
    batch = [findings(one, report("2031-05-02", "Tin-Koumbi")), findings(two, report("2031-05-02", "Tinkoumbi"))]
    assert len(cluster_reports(batch)) == 1


def test_incident_place_leans_to_the_most_specific() -> None:
    from reckon.model import IncidentReport, Place
    from reckon.resolve.cluster import summarize_place

    def at(name: str, kind: str) -> IncidentReport:
        placed = report("2031-05-02", name, kind=kind)
        return IncidentReport(document_id=name, index=0, published=None, report=placed)

    # Two datelines in the capital and one village report: the village (tie -> specific).
    assert summarize_place([at("Kessaburg", "city"), at("Kessaburg", "city"), at("Tollendorf", "village")]).name == "Tollendorf"
    # Three at the region, one at the market: the market outweighs the region.
    assert summarize_place([at("Oster Region", "region")] * 3 + [at("Tollendorf market", "market")]).name == "Tollendorf market"
    # Four at the city, one at a site: the city.
    many = [at("Kessaburg", "city")] * 4 + [at("Brannick school", "school")]
    assert summarize_place(many) == Place(name="Kessaburg", country="XA", kind="city")


def test_country_the_text_contradicts_does_not_keep_reports_apart() -> None:
    # The gazetteer put one report's "Kessa" in another country's same-named region; its
    # text names only Chad. Invented town and people; Chad is real only as a country.
    chad = make_document("Kessa market blast kills 11, Chadian police say.", published="2031-03-03")
    wrong = make_document("KESSA, 3 March 2031 - Eleven died at the Kessa market in Chad.",
                          published="2031-03-03")  # fmt: skip
    batch = [
        findings(chad, report("2031-03-03", "Kessa market", "TD", counts=(count("killed", 11),))),
        findings(wrong, report("2031-03-03", "Kessa", "PE", kind="region", counts=(count("killed", 11),))),
    ]  # fmt: skip
    assert len(cluster_reports(batch)) == 1
    # A text that names the other country, or none, keeps its country.
    peru = make_document("KESSA, 3 March 2031 - Eleven died at the Kessa market in Peru.",
                         published="2031-03-03")  # fmt: skip
    batch[1] = findings(peru, report("2031-03-03", "Kessa", "PE", kind="region", counts=(count("killed", 11),)))
    assert len(cluster_reports(batch)) == 2


def test_confirmed_country() -> None:
    assert confirmed_country("PE", frozenset({"TD"})) is None
    assert confirmed_country("PE", frozenset({"TD", "PE"})) == "PE"
    assert confirmed_country("PE", frozenset()) == "PE"
    assert named_countries("Chadian police and officials in Peru") == frozenset({"TD", "PE"})


def test_places_beside_a_report_place_are_its_containers() -> None:
    index = _index("dessaro", "ostrel", "agnes st")
    text = "Gunmen raided St Agnes College in Dessaro. Ostrel's market was calm. Ostrel was not."
    college = text.index("St Agnes College")
    assert places_beside(text, college, college + len("St Agnes College"), index) == {"dessaro"}
    market = text.index("market")
    assert places_beside(text, market, market + len("market"), index) == {"ostrel"}
    # A name further on, or a lowercase word after the comma, is not beside.
    town = text.index("Dessaro")
    assert places_beside(text, town, town + len("Dessaro"), index) == frozenset()
    text = "A school in the circle of Dessaro, Ostrel district, was hit."
    school = text.index("school")
    assert places_beside(text, school, school + len("school"), index) == {"dessaro", "ostrel"}


def test_site_and_the_town_its_text_places_it_in_are_one_place() -> None:
    # The college's name does not contain the town's; its story says where it is. The
    # wire names only the town; their dates differ by a day (a night raid).
    wire = make_document("DESSARO, 4 March 2032 - Gunmen seized pupils from a school in Dessaro overnight.",
                         published="2032-03-04")  # fmt: skip
    local = make_document("Parents wait outside St Agnes College in Dessaro after the raid.",
                          published="2032-03-05")  # fmt: skip
    college = local.text.index("St Agnes College")
    site = Place(name="St Agnes College", country="XA", kind="school",
                 span=Span(start=college, end=college + len("St Agnes College")))  # fmt: skip
    batch = [
        findings(wire, report("2032-03-04", "Dessaro", kind="town")),
        findings(local, ReportedIncident(date="2032-03-03", place=site)),
    ]
    assert len(cluster_reports(batch)) == 1
