"""Where and when, told the way situation updates, encyclopedias and local papers tell it: a
place named by apposition or by its mayor, a scene set one sentence before its figures, an
encyclopedia title's year against a later attack. Fictional text."""

from __future__ import annotations

from reckon import extract
from reckon.extract.places import find_places
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def _places(text: str) -> dict[str, str]:
    return {m.name: m.kind for m in find_places(text)}


def test_a_name_the_apposition_calls_a_village_or_a_town_is_a_place():
    found = _places("Gunmen attacked Osk-Tamara, a fishing village in the Lac region, and Verelo-Bas, "
                    "a town near the border.")
    assert found.get("Osk-Tamara") == "village" and found.get("Verelo-Bas") == "town"


def test_a_person_the_apposition_calls_a_village_elder_is_no_place():
    assert "Ana Mbekoro" not in _places("Ana Mbekoro, a village elder, said the men came at night.")


def test_the_site_or_camp_of_a_name_is_a_camp_named_without_its_descriptor():
    text = ("HUMANITARIAN UPDATE, 16 May 2023\n\nOn 12 May, armed men entered the displacement site of Kessa-Nord "
            "and burned its shelters. Site managers said three displaced people were killed.")
    assert _places(text).get("Kessa-Nord") == "camp"
    assert [(i["place"], i["date"]) for i in _incidents(text)] == [("Kessa-Nord", "2023-05-12")]


def test_a_raid_by_someone_on_a_name_an_encyclopedia_title_and_a_mayor_name_places():
    assert "Dorvalle" in _places("It was a raid by armed men on Dorvalle, which burned for hours.")
    assert "Tessaro" in _places("= 2018 Tessaro massacre =\n\nThe massacre left many dead.")
    assert "Pont-Vidal" in _places("The mayor of Pont-Vidal, Jean Morel, gave a higher toll.")


def test_figures_take_the_scene_of_the_violent_sentence_before_them_in_their_paragraph():
    text = ("SITUATION UPDATE\nAs of 16 May 2023\n\nOn Sunday, armed men attacked the cattle market in Velmora-Koy, "
            "killing nine civilians.\n\nLast Thursday, a convoy was ambushed near the village of Tassiga-Beri, in "
            "Ourou sub-prefecture. Two drivers were wounded.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Velmora-Koy": "2023-05-14", "Tassiga-Beri": "2023-05-11"}


def test_a_place_named_in_a_sentence_that_tells_of_no_violence_sets_no_scene():
    text = ("On 4 June 2021, gunmen attacked the village of Velmora-Koy, killing eleven people. The men had been "
            "hired through an intermediary in Palmeru-Sul. Three men were arrested in July 2021.")
    assert [i["place"] for i in _incidents(text)] == ["Velmora-Koy"]


def test_an_encyclopedia_titles_year_dates_its_event_before_a_later_attack_with_figures():
    text = ("= 2019 Tessaro attack =\n\nThe 2019 Tessaro attack was a raid by armed men on Tessaro, a farming "
            "village in the north. On the night of 3–4 August 2019, the attackers surrounded the village and "
            "opened fire on sleeping families. The prefecture reported that 23 villagers had been killed.\n\n"
            "Fourteen months later, on 9 October 2020, gunmen struck the hamlet of Dorvalle, killing five members "
            "of a self-defence group.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Tessaro": "2019-08-03", "Dorvalle": "2020-10-09"}


def test_outskirts_mining_sites_health_centres_border_posts_and_quarters_are_places():
    found = _places("Nine died on the outskirts of Palmeru-Sul. Gunmen attacked the Kessa-Nord gold mining site. "
                    "Five were killed at the Tambara health centre. Militants stormed the Osk-Dolo border post. "
                    "Four were shot in the Talaka quarter.")
    assert found == {"Palmeru-Sul": "town", "Kessa-Nord gold mining site": "mine",
                     "Tambara health centre": "hospital", "Osk-Dolo border post": "station",
                     "Talaka quarter": "district"}
    assert _places("In the first quarter of the year, five died.") == {}


def test_the_outskirts_of_a_town_are_named_by_the_town():
    text = "On 2 May 2024, gunmen killed nine farmers on the outskirts of Palmeru-Sul."
    assert [i["place"] for i in _incidents(text)] == ["Palmeru-Sul"]


def test_a_dateline_gives_the_country_when_nothing_else_does_and_between_names_a_scene():
    text = ("BAMAKO, 2 February 2023 — Four soldiers were killed when their patrol hit a landmine between "
            "Tessit-Kora and Anou-Mellen on Tuesday, the army said.")
    assert [(i["place"], i["country"], i["date"]) for i in _incidents(text)] == [("Tessit-Kora", "ML", "2023-01-31")]


def test_a_named_water_point_is_a_scene_of_its_own():
    text = ("SITUATION REPORT\nIssued 20 March 2024\n\nIn the early hours of Sunday, armed men attacked the village of "
            "Oru-Danda, killing five people.\n\nOn Tuesday, three herders were shot dead near the Kessa-Boro "
            "water point.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Oru-Danda": "2024-03-17", "Kessa-Boro water point": "2024-03-19"}


def test_the_name_of_an_area_is_the_place_without_the_word_area():
    assert _places("Gunmen killed six traders in the Talaka area.") == {"Talaka": "district"}
    assert _places("They patrolled the border area.") == {}


def test_a_city_name_heading_a_longer_name_counts_less_than_a_state_named_as_one():
    text = "Gunmen killed six people at a wake in San Isidro Tlaxco, a community in Guerrero state."
    assert [(i["place"], i["country"]) for i in _incidents(text)] == [("San Isidro Tlaxco", "MX")]


def test_a_sub_prefecture_or_territory_with_its_own_figures_is_an_incident_of_its_own():
    text = ("Update No. 3, 16 May 2023\n\nIn Dékana sub-prefecture, armed men killed four displaced people on 12 May."
            "\n\nIn Kambolo territory, two drivers were wounded on Thursday.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Dékana sub-prefecture": "2023-05-12", "Kambolo territory": "2023-05-11"}


def test_a_list_entry_opening_on_a_place_and_its_area_in_parentheses_places_its_figures():
    text = ("Update No. 3, 16 May 2023\n\n• 14 May – Osk-Bélé (Kambolo sub-prefecture): armed men killed nine "
            "civilians at the cattle market.\n• 11 May – Zoukombo (Dékana sub-prefecture): one aid worker abducted.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Osk-Bélé": "2023-05-14", "Zoukombo": "2023-05-11"}


def test_the_same_place_on_an_earlier_day_with_its_own_figure_is_another_incident():
    text = ("Report, 16 May 2023\n\nGunmen killed nine people in Palmeru-Sul on Sunday. It was the second attack on "
            "the village this month: on 2 May, four farmers were killed there.")
    found = sorted((i["date"], i["place"], [c["min"] for c in i["counts"]]) for i in _incidents(text))
    assert found == [("2023-05-02", "Palmeru-Sul", [4]), ("2023-05-14", "Palmeru-Sul", [9])]


def test_a_later_day_in_a_running_toll_or_an_undated_first_figure_splits_nothing():
    text = ("Report, 20 May 2023\n\nPolice shot dead seven people in Palmeru-Sul. One of the wounded died on 16 May, "
            "raising the toll to eight. Police arrested 40 people in Palmeru-Sul on 12 May.")
    assert len(_incidents(text)) == 1


def test_a_later_attack_on_the_same_village_in_an_undated_article_is_another_incident():
    text = ("= Velmora-Koy attack =\n\nInfobox\n- Date: 3–4 August 2019\n- Location: Velmora-Koy, Tillabéri, Niger\n"
            "- Deaths: 23\n\nThe Velmora-Koy attack took place on the night of 3–4 August 2019, when gunmen killed 23 "
            "villagers.\n\n== Aftermath ==\nOn 10 August, a second attack on the same village killed three herders.")
    found = sorted((i["date"], [c["min"] for c in i["counts"]]) for i in _incidents(text))
    assert found == [("2019-08-03", [23]), ("2019-08-10", [3])]


def test_where_an_event_occurred_is_a_scene_and_a_month_before_it_is_not():
    assert "Velmora-Koy" in _places("The attack occurred in August 2019 in Velmora-Koy, where 23 people died.")
    assert "Kessa-Ya" in _places("Two fishermen were killed in March in Kessa-Ya.")
    assert _places("The massacre happened on Sunday at Osk-Ndolo, a fishing camp on the lake.") == {"Osk-Ndolo": "camp"}


def test_a_report_placed_only_by_its_country_names_the_country_not_its_code():
    text = "TANKA, Niger, 5 May 2024 (Wire) - Gunmen killed five people in the west on Sunday, residents said."
    assert [(i["place"], i["country"]) for i in _incidents(text)] == [("Niger", "NE")]
    # "here" sets the harm in the dateline's town (test_unseen_misses)
    text = "TANKA, Niger, 5 May 2024 (Wire) - Gunmen killed five people here on Sunday, residents said."
    assert [(i["place"], i["country"]) for i in _incidents(text)] == [("Tanka", "NE")]


def test_what_gunmen_struck_is_the_scene():
    text = "Report, 16 May 2023\n\nOn Sunday gunmen struck Velmora-Koy, killing six people."
    assert [(i["place"], i["date"]) for i in _incidents(text)] == [("Velmora-Koy", "2023-05-14")]


def test_a_day_inside_the_reported_harm_after_said_is_the_events_day():
    text = "Report, 16 May 2023\n\nResidents of Velmora-Koy said gunmen killed six people on Sunday."
    assert [i["date"] for i in _incidents(text)] == ["2023-05-14"]


def test_residents_or_villagers_of_a_place_name_it():
    assert "Osk-Kari" in _places("Residents of Osk-Kari said the gunmen came at night.")
    assert "Tessaro" in _places("Villagers of Tessaro buried their dead.")


def test_what_gunmen_descended_on_before_killing_is_the_scene():
    text = "Report, 16 May 2023\n\nOn Sunday gunmen descended on Velmora-Koy and killed six people."
    assert [i["place"] for i in _incidents(text)] == ["Velmora-Koy"]
