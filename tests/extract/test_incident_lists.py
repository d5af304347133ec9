"""Reports that list several incidents (a monitor's brief, an NGO's findings by town): the
places no table knows, and which figures, dates and places go together. Fictional text."""

from __future__ import annotations

from reckon import extract
from reckon.extract.places import find_places
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_where_people_were_killed_or_taken_is_a_place_even_unknown_to_the_tables():
    text = ("Gunmen killed five civilians and wounded three in Velmora Koy on Thursday. Raiders abducted a dozen "
            "people, including the chief, from Tassiga Beri. Fighting near Oru-Denko killed nine. "
            "In Palmeru, two fishermen were shot dead.")
    found = {m.name for m in find_places(text)}
    assert {"Velmora Koy", "Tassiga Beri", "Oru-Denko", "Palmeru"} <= found


def test_a_time_an_actor_a_possessive_or_a_region_is_not_such_a_place():
    text = ("Nine were killed in January. Five died in Boko Haram attacks. Two were shot in Lukuma's house. "
            "Militiamen killed 26 in Ituri, in Ituri province. Three were wounded in Operation Sandstorm.")
    assert {m.name for m in find_places(text) if m.kind == "town"} == set()


def test_a_country_heading_places_the_entries_below_it():
    text = ("NIGER\n\nGunmen killed five civilians in Velmora Koy on Thursday.\n\nMALI\n\n"
            "Fighting near Oru-Denko killed nine combatants on Friday.")
    countries = {m.name: m.country for m in find_places(text)}
    assert countries["Velmora Koy"] == "NE" and countries["Oru-Denko"] == "ML"


def test_each_entry_of_a_brief_is_its_own_incident_with_its_own_day():
    text = ("Daily brief | Monday 19 June 2023\n\n"
            "1. Insurgents killed six civilians and wounded two in the village of Velmora on Saturday.\n\n"
            "2. Insurgents ambushed a convoy outside Tassiga Beri on Sunday, killing three soldiers. The army said "
            "11 attackers were killed in the fighting that followed.\n\n"
            "3. Gunmen abducted four women from farms near Palmeru on Thursday night. One of them escaped the next "
            "day.")
    found = {(i["place"], i["date"]): sorted(c["min"] for c in i["counts"]) for i in _incidents(text)}
    assert found == {("Velmora", "2023-06-17"): [2, 6], ("Tassiga Beri", "2023-06-18"): [3, 11],
                     ("Palmeru", "2023-06-15"): [1, 4]}


def test_a_place_with_no_day_of_its_own_takes_its_paragraphs_then_the_reports():
    text = ("Statement, 12 November 2019\n\nToday police shot dead 16 people in Velmora. "
            "In Palmeru, at least three people were killed.\n\n"
            "9 November 2019 | Coast | Tassiga Beri\nGunmen killed four traders in Tassiga Beri.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Velmora": "2019-11-12", "Palmeru": "2019-11-12", "Tassiga Beri": "2019-11-09"}


def test_a_one_word_site_inside_a_persons_name_does_not_vote_for_the_home_country():
    from reckon.extract.place_country import home_country
    from reckon.extract.place_words import name_spans

    text = "KENYA MONITOR\n\nSaid the director, Wambui Nduta Kariuki, police shot 7 people at Velmora Square."
    assert home_country(text, list(name_spans(text))) == "KE"


def test_a_night_market_or_weekly_market_is_a_named_site():
    found = {(m.name, m.kind) for m in find_places("The 2017 Velmora night market bombing killed eleven people.")}
    assert ("Velmora night market", "market") in found


def test_the_market_at_a_town_is_a_site_and_outranks_a_village_named_for_a_later_blast():
    text = ("Gunmen kill 27 at market\n\nGunmen surrounded the market at Velmora Koy on Tuesday and killed 27 people. "
            "Two soldiers were wounded later when a patrol hit a mine near the village of Tassiga.")
    assert [i["place"] for i in _incidents(text)][0] == "Velmora Koy"


def test_a_source_sitting_somewhere_or_a_place_listed_after_a_destination_is_no_scene():
    text = ("Gunmen killed at least 27 people in Velmora Koy on Tuesday. The security source, in "
            "Kaduna, said later that 27 bodies had been counted and dozens of wounded taken to hospitals in "
            "Zaria and Kaduna.")
    assert [i["place"] for i in _incidents(text)] == ["Velmora Koy"]


def test_the_day_a_source_spoke_to_journalists_or_the_dead_were_buried_is_not_the_event_day():
    text = ("Statement, Thursday 22 September 2022\n\nMilitiamen attacked the Velmora camp on the night of 19 to 20 "
            "September. Speaking to journalists on Wednesday, an official said survivors identified the attackers "
            "as members of the Front. \"We buried 27 of our people yesterday,\" the mayor said.")
    assert [i["date"] for i in _incidents(text)] == ["2022-09-19"]


def test_findings_listed_by_location_take_the_place_heading_their_paragraph():
    text = ("Findings, 20 November 2019\n\nOn Tuesday 12 November 2019 police fired on protesters.\n\n"
            "Velmora. Police shot dead seven people at Soko Square and wounded at least 34 others.\n\n"
            "Palmeru Bay. Two fishermen were shot dead near the landing site.\n\n"
            "Tassiga. No one was killed; six people were treated for injuries.")
    found = {i["place"]: sorted(c["min"] for c in i["counts"]) for i in _incidents(text)}
    assert found == {"Velmora": [7, 34], "Palmeru Bay": [2], "Tassiga": [6]}
    assert find_places("Summary. Police shot dead seven people.") == []
