"""Place and incident rules found on held-out batches 12 and 13, on short fictional reports of
our own: saint-named sites, briefing headers, a headline's kind of site, officers as sources,
an attack named as a noun, and earlier events listed together."""

from __future__ import annotations

from reckon import extract
from reckon.extract.count_place import local_place
from reckon.extract.main_place import main_place
from reckon.extract.places import find_places
from reckon.model import Span
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_site_named_for_a_saint_is_found_with_its_full_stop_and_possessive() -> None:
    found = [(m.text, m.kind) for m in find_places(
        "Gunmen stormed St. Brendan's Anglican Church in Osk-Varo and later burned Saint Agnes' School.")]
    assert ("St. Brendan's Anglican Church", "church") in found
    assert ("St Loy's Cathedral", "church") in [(m.text, m.kind) for m in find_places("They met at St Loy's Cathedral.")]


def test_an_owners_possessive_is_still_no_site_name() -> None:
    assert find_places("The rebels' camp was raided.") == []


def test_a_briefing_headers_location_line_is_where_it_was_given_not_the_scene() -> None:
    text = ("Briefing notes on Ghana\n\nSpokesperson for the Office: Ana Pell\nLocation: Geneva\n"
            "Date: 3 May 2026\nSubject: Ghana\n\nWe are alarmed by the killing of villagers in the "
            "village of Osk-Tarra, in the north of Ghana, last Friday.\n\nAt least 14 people were killed "
            "when soldiers fired on a crowd on 1 May, witnesses told us.")
    assert [i["place"] for i in _incidents(text)] == ["Osk-Tarra"]


def test_a_headline_naming_the_kind_of_site_points_at_the_one_site_of_that_kind() -> None:
    text = ("Gunmen kill nine at Ghanaian mosque during Friday prayers\n\n"
            "KORVAN, May 3 - Gunmen killed nine worshippers in Ghana on Friday, police said.\n\n"
            "The attackers arrived at the Al Falah Mosque in Dunrell, a farming town, at noon.\n\n"
            "Dunrell has seen clashes before. Residents of Dunrell said the town was calm. Traders in "
            "Dunrell closed their shops.")
    assert [i["place"] for i in _incidents(text)] == ["Al Falah Mosque"]


def test_a_police_officer_in_the_capital_is_where_a_source_sits() -> None:
    text = ("Villagers in Osk-Pella, a hamlet in Tarn District, buried their dead on Monday. A senior police "
            "officer in Accra, who asked not to be named, said 12 people were killed. Police officers in "
            "Accra, speaking on Tuesday, said the raiders fled.")
    chosen = main_place(find_places(text), headline_end=0, harm_spans=[Span(start=0, end=len(text))], text=text)
    assert chosen is not None and chosen.name == "Osk-Pella"


def test_an_attack_named_as_a_noun_sets_the_scene_of_its_figure() -> None:
    text = "The gang is blamed for the attack on the Marrow Police Post on 14 August, in which two officers died."
    place = local_place(text.index("two"), Span(start=0, end=len(text)), text, find_places(text))
    assert place is not None and place.name == "Marrow Police Post"


def test_earlier_events_listed_with_an_earlier_year_and_an_earlier_month_are_not_the_main_event() -> None:
    text = ("Ghana: rights office alarmed by killings\n\nWe are alarmed by the killing of protesters in the "
            "town of Osk-Dara last Saturday.\n\nAt least 20 people were killed when soldiers fired on the crowd "
            "on 21 November 2026.\n\nThis is not the first time. We raised concerns in March 2024, when "
            "soldiers killed seven people in Pellvik, and in May of this year, when three detainees were "
            "beaten to death in Tarrow.")
    incidents = findings_to_json(extract(text, published="2026-11-27"), id="t")["incidents"]
    assert [i["place"] for i in incidents if i["date"] == "2026-11-21"] == ["Osk-Dara"]


def test_the_year_a_group_was_banned_does_not_date_the_figure_it_gives() -> None:
    text = ("Police fired on protesters in Osk-Dara on Saturday, killing six people, officials said.\n\n"
            "The Free Valley Front, an exile group that the government banned as extremist in 2023, said 30 "
            "protesters had been killed.")
    incidents = findings_to_json(extract(text, published="2026-11-22"), id="t")["incidents"]
    assert [(i["date"], sorted(c["min"] for c in i["counts"])) for i in incidents] == [("2026-11-21", [6, 30])]


def test_a_big_city_word_at_the_tail_of_a_longer_name_casts_no_vote_for_its_country() -> None:
    from reckon.extract.place_country import home_country
    from reckon.extract.place_words import name_spans

    text = "Gunmen stormed Ch'uxña Marka near the border of Bolivia."
    assert home_country(text, list(name_spans(text))) == "BO"
    alone = "Fighting in Marka left ten dead."
    assert home_country(alone, list(name_spans(alone))) == "SO"


def test_a_ministry_in_the_capital_is_where_a_body_sits_not_the_scene() -> None:
    text = ("Soldiers killed 20 people in Osk-Dara, a mountain town, on Saturday, residents said. The Interior "
            "Ministry in Accra, in a statement, said six were killed. The Defence Ministry in Accra, in a "
            "second statement, said the troops had been attacked.")
    chosen = main_place(find_places(text), headline_end=0, harm_spans=[Span(start=0, end=len(text))], text=text)
    assert chosen is not None and chosen.name == "Osk-Dara"


def test_a_ministry_in_the_capital_gives_its_figure_no_place_of_its_own() -> None:
    text = ("Soldiers killed 20 people in Osk-Dara, a mountain town, on Saturday, residents said. The Interior "
            "Ministry in Accra admits only six dead.")
    assert [i["place"] for i in _incidents(text)] == ["Osk-Dara"]


def test_a_district_name_written_alone_after_a_word_of_place_is_its_town() -> None:
    text = ("Thousands gathered in the main square of Osk-Varo on Saturday. Nobody in Osk-Varo believes the "
            "ministry. A nurse at the Osk-Varo district hospital said 30 were dead.")
    found = [(m.text, m.kind) for m in find_places(text)]
    assert found.count(("Osk-Varo", "town")) == 2


def test_a_named_mountain_is_a_place() -> None:
    found = [(m.text, m.kind) for m in find_places("Herders fled to Mt. Kerrow after the raid.")]
    assert found == [("Mt. Kerrow", "mountain")]
    named = [m.name for m in find_places("Troops clashed with raiders in the area of Mount Osk-Tavy on Tuesday.")]
    assert named == ["Mount Osk-Tavy"]


def test_a_records_export_with_underscored_field_names_gives_each_record_its_place_and_day() -> None:
    text = ("LAKE REGION MONITOR\nEvent records export: Ghana\n\n---\nEVENT_ID: GH-0001\nEVENT_DATE: 12 March 2026\n"
            "LOCATION: Tamale\nNOTES: Armed men raided a compound and killed five farmers.\nFATALITIES: 5\n\n"
            "---\nEVENT_ID: GH-0002\nEVENT_DATE: 15 March 2026\nLOCATION: Kumasi\nNOTES: Soldiers clashed "
            "with raiders; three raiders were killed.\nFATALITIES: 3\n")
    incidents = findings_to_json(extract(text, published="2026-03-20"), id="t")["incidents"]
    assert {(i["date"], i["place"]) for i in incidents} >= {("2026-03-12", "Tamale"), ("2026-03-15", "Kumasi")}


def test_a_monitors_tally_across_several_regions_is_no_incidents_figure() -> None:
    text = ("Raiders killed nine villagers in Osk-Varo, a farming village, on 12 March 2026, the rights group "
            "said. The group recorded 240 deaths in cattle raids across the four northern regions in 2025.")
    incidents = findings_to_json(extract(text, published="2026-03-14"), id="t")["incidents"]
    assert sorted(c["min"] for i in incidents for c in i["counts"]) == [9]


def test_a_site_called_by_its_town_and_kind_is_the_named_site_of_that_kind_in_the_town() -> None:
    text = ("Ghana: bomb tears through Dunrell market, killing nine\n\nA bomb exploded in the crowded Osk-Tavy "
            "market in northern Dunrell on Friday, killing nine people, police said.")
    assert [i["place"] for i in _incidents(text)] == ["Osk-Tavy market"]
