"""Incident assembly and claimant rules on short reports written for these tests (fictional
places, people and events): which place and date an incident gets, which figures are its
own, and who claims them."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _json(text: str) -> dict:
    return findings_to_json(extract(text), id="t")


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    return {(c["kind"], c["min"], c["max"], c["claimed_by"]) for i in _json(text)["incidents"] for c in i["counts"]}


def test_place_is_written_as_the_document_writes_it_without_its_descriptor():
    data = _json("Gunmen killed nine people in the remote hill village of Korvasso on Tuesday, "
                 "in the Tarrow province of Nigeria. Korvasso had been attacked before.")
    places = [i["place"] for i in data["incidents"]]
    assert places == ["Korvasso"]


def test_a_village_no_table_knows_is_placed_by_the_place_that_holds_it():
    data = _json("Armed men killed seven farmers in Belloumi, in the Gnagna province of Burkina Faso, "
                 "on Thursday. Residents of Belloumi buried the dead the next day.")
    incident = data["incidents"][0]
    assert incident["place"] == "Belloumi"
    assert incident["country"] == "BF"


def test_a_dateline_does_not_name_the_event_place():
    data = _json("MANILA — Gunmen killed 11 passengers at the Korrigan Bus Terminal in the town of Velasco "
                 "on Monday, police said. The terminal was closed on Tuesday.")
    assert data["incidents"][0]["place"] in ("Korrigan Bus Terminal", "Velasco")


def test_where_a_source_sits_is_not_where_the_harm_happened():
    data = _json("Militiamen killed at least 20 people at the Osso displacement site in Ituri on Monday. "
                 "A humanitarian source in Bunia said more than 30 were wounded.")
    assert [i["place"] for i in data["incidents"]] == ["Osso displacement site"]


def test_an_earlier_event_recalled_with_its_year_is_an_incident_of_its_own():
    text = ("Published 12 May 2021\n\nA bomb killed 15 people at the Lemmar market in Kasso on Tuesday. "
            "It was the worst attack since the 2017 bombing of a mosque in the town of Tarrin that killed 31 people.")
    incidents = _json(text)["incidents"]
    assert len(incidents) == 2
    recalled = [i for i in incidents if i["date"] == "2017"]
    assert recalled and recalled[0]["place"] == "Tarrin"
    assert [(c["kind"], c["min"]) for c in recalled[0]["counts"]] == [("killed", 31)]
    main = [i for i in incidents if i["date"] != "2017"][0]
    assert [(c["kind"], c["min"]) for c in main["counts"]] == [("killed", 15)]


def test_totals_over_a_span_of_time_are_not_a_toll():
    rows = _rows("Gunmen killed six villagers in Orrin on Sunday. The insurgency has killed more than "
                 "9,000 people since 2011, and the militants killed over 200 people in the two years before.")
    assert rows == {("killed", 6, 6, "author")}


def test_an_unnamed_source_is_a_claimant_of_its_own_not_the_institution():
    rows = _rows("Gunmen killed dozens at Farro college on Thursday. One Kenyan police source said there "
                 "were 61 dead and another police source said 70.")
    claimants = {claimant for kind, low, high, claimant in rows if low in (61, 70)}
    assert claimants == {"Kenyan police source", "police source"}


def test_a_title_resolves_to_the_person_who_bears_it_later_in_the_text():
    rows = _rows("The national disaster centre and the interior minister say the raid on Lomara killed 30 "
                 "people.\n\nInterior Minister Paul Wekesa had earlier given the toll at 12.")
    assert ("killed", 30, 30, "Paul Wekesa") in rows
    assert ("killed", 12, 12, "Paul Wekesa") in rows


def test_some_is_press_reports_and_the_counted_people_are_never_the_claimant():
    rows = _rows("Militants raided Dorra on Monday. Some put the toll at over 400. "
                 "Fighters attacked Kessa on Tuesday, with dozens reported dead.")
    assert ("killed", 401, None, "press reports") in rows
    assert ("killed", 24, None, "author") in rows


def test_a_claim_of_responsibility_names_the_perpetrator_not_the_source_of_the_toll():
    data = _json("VELASCO — A militant group calling itself the Crimson Vanguard claimed responsibility on "
                 "Sunday for the bombing that killed 14 people at the Velasco ferry terminal.")
    incident = data["incidents"][0]
    assert [(c["kind"], c["min"], c["claimed_by"]) for c in incident["counts"]] == [("killed", 14, "author")]
    accused = {(p["actor"], p["claimed_by"]) for p in incident["perpetrators"]}
    assert ("Crimson Vanguard", "Crimson Vanguard") in accused
    assert not any("VELASCO" in actor for actor, _ in accused)


def test_a_headline_crediting_its_figure_names_the_claimant():
    rows = _rows("Ostra market blast toll rises to 40: Red Crescent\n\nA bomb tore through the market in Ostra on Friday.")
    assert ("killed", 40, 40, "Red Crescent") in rows


def test_the_antecedent_of_who_is_the_accused_but_an_event_never_is():
    data = _json("The gunman who murdered 23 people at the Velmar chapel was sentenced on Monday. "
                 "He called the Velmar attack, which killed 23 people, an act of hate.")
    accused = {p["actor"].lower() for i in data["incidents"] for p in i["perpetrators"]}
    assert any("gunman" in actor for actor in accused)
    assert not any("attack" in actor for actor in accused)


def test_a_known_actor_naming_the_attack_is_accused_and_a_place_is_not():
    data = _json("The Boko Haram attack on Karsk killed 19 people on Monday. The Karsk attack was the third this year.")
    accused = {p["actor"] for i in data["incidents"] for p in i["perpetrators"]}
    assert accused == {"Boko Haram"}


def test_governments_are_named_government_of_country():
    data = _json("Troops acting at the behest of the Iranian government killed 12 people in Tarrow on Friday.")
    accused = {p["actor"] for i in data["incidents"] for p in i["perpetrators"]}
    assert "Government of Iran" in accused
    assert data["aliases"]["Government of Iran"] == ["Iranian government"]


def test_we_and_our_in_a_statement_are_the_issuer_speaking():
    rows = _rows("Our field officers counted 16 dead and 40 wounded after the raid on Osso on Monday.")
    assert ("killed", 16, 16, "author") in rows


def test_a_group_naming_itself_is_what_the_description_later_stands_for():
    data = _json("A militant group calling itself the Crimson Vanguard said it attacked the Velasco ferry "
                 "terminal on Sunday. In a statement, the militant group claimed that more than 50 soldiers had been killed.")
    rows = {(c["min"], c["claimed_by"]) for i in data["incidents"] for c in i["counts"]}
    assert (51, "Crimson Vanguard") in rows


def test_an_earlier_event_recalled_by_counting_back_years_is_an_incident_of_its_own():
    # "in June last year" is relative to the report's date, but counted in years: its
    # year is as sure as the report's own, and the month written before it dates it.
    data = _json("Published 14 April 2027\n\nGunmen killed 12 traders at the market in Salvanne on Tuesday, "
                 "the governor said. It was the worst attack in the area since a raid on the village of "
                 "Dorrimet in June last year, which killed at least 30 people.")
    incidents = {(i["date"], i["place"]): [(c["kind"], c["min"]) for c in i["counts"]] for i in data["incidents"]}
    assert incidents[("2026-06", "Dorrimet")] == [("killed", 30)]
    assert [key for key in incidents if key[1] != "Dorrimet"] and all(
        ("killed", 30) not in rows for key, rows in incidents.items() if key[1] != "Dorrimet")
