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
