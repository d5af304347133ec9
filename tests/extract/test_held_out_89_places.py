"""Incident places and dates: rules found on held-out batches 8 and 9, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_hospital_where_some_of_the_wounded_died_is_no_incident_of_its_own() -> None:
    text = ("Gunmen stormed the Tarn Street mosque on Friday. One worshipper died at the mosque. Six people "
            "died overnight at Kessock General Hospital.")
    assert [i["place"] for i in _incidents(text)] == ["Tarn Street mosque"]


def test_a_hospital_a_nurse_speaks_from_is_not_the_scene() -> None:
    text = ("Police fired on protesters at Dunmore Square in Kessock on 3 May, killing at least six people. "
            "A nurse at Kessock District Hospital said the mortuary had received six bodies. "
            "A doctor at Kessock District Hospital said 20 people were treated for gunshot wounds.")
    assert [i["place"] for i in _incidents(text)] == ["Dunmore Square"]


def test_a_hospital_that_was_struck_is_still_the_scene() -> None:
    text = ("An airstrike hit the Orrin Trauma Centre on Saturday, killing 19 patients and staff. "
            "The strike on the Orrin Trauma Centre lasted an hour.")
    assert [i["place"] for i in _incidents(text)] == ["Orrin Trauma Centre"]


def test_the_wounded_taken_to_hospitals_in_listed_towns_stay_with_the_scene() -> None:
    # Greyholt is known to no table: the list still sends Norwich where Greyholt went.
    from reckon.extract.count_place import local_place
    from reckon.extract.places import PlaceMention
    from reckon.model import Span

    text = "Nine other people were injured and were transported to hospitals in Greyholt and Norwich."
    at = text.index("Norwich")
    norwich = PlaceMention(span=Span(start=at, end=at + 7), text="Norwich", name="Norwich", kind="city",
                           country="GB", source="geonames")
    assert local_place(text.index("Nine"), Span(start=0, end=len(text)), text, [norwich]) is None


def test_a_weekday_naming_a_mosque_or_a_market_is_no_date() -> None:
    from datetime import date

    from reckon.extract.dates import find_dates

    found = find_dates("On 3 March 2025 a bomb killed 9 worshippers outside the town's Friday mosque.",
                       anchor=date(2026, 9, 17))
    assert [d.value for d in found] == ["2025-03-03"]
    found = find_dates("Stalls at the Sunday market in Orsk were burned.", anchor=date(2026, 9, 17))
    assert found == []
    # a weekday before other words still dates the event
    assert [d.value for d in find_dates("Gunmen struck on Friday morning.", anchor=date(2026, 9, 17))] == ["2026-09-11"]


def test_an_earlier_attack_at_the_same_market_is_at_the_market_named_before() -> None:
    text = ("A bomb killed 12 people at the Velmar night market in Kessock on 4 May 2026. "
            "In 2021 a grenade at the same market wounded seven people.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2021") == "Velmar night market"


def test_an_earlier_bombing_outside_the_towns_mosque_is_in_the_town_named_before() -> None:
    text = ("A suicide bomber killed 20 students at a school in Darrow on 10 May 2026.\n\n"
            "Darrow has been hit before. In November 2025, a bomb killed 14 worshippers outside the town's "
            "main mosque.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2025-11") == "Darrow"


def test_a_nations_adjective_is_no_town() -> None:
    from reckon.extract.places import find_places

    names = [m.name for m in find_places("Bomb at southern Thai night market kills at least 11 in Yala")]
    assert "Thai" not in " ".join(names) and "Alor Setar" not in names


def test_a_city_sharing_its_name_with_another_countrys_province_does_not_set_the_country() -> None:
    from reckon.extract.places import find_places

    text = ("A gunman killed six people at a hall in Belmore, Ontario. Ontario police said the Ontario "
            "coroner would hold an inquest. It was the worst shooting in Ontario in a decade. Canada mourned.")
    assert {m.country for m in find_places(text) if m.name == "Ontario"} == {"CA"}


def _places(text: str) -> list[tuple[str, str]]:
    from reckon.extract.places import find_places

    return [(m.name, m.kind) for m in find_places(text)]


def test_sites_named_by_a_lower_case_head_noun_are_places() -> None:
    places = _places("A bomber struck the Dar-ul Ilm education centre in Qaleh Now, a mostly Shi'ite town near "
                     "Herat. Police dispersed a crowd at Rusape Business Centre and at the Nyota trading centre.")
    assert ("Dar-ul Ilm education centre", "school") in places
    assert ("Qaleh Now", "town") in places
    assert any(name.startswith("Rusape") for name, _ in places)
    assert any(name.startswith("Nyota") for name, _ in places)


def test_a_club_and_a_town_named_formally_are_places() -> None:
    places = _places("A gunman opened fire at the Loch Varra Curling Club in the Town of Loch Varra.")
    assert ("Loch Varra Curling Club", "club") in places
    assert ("Loch Varra", "town") in places


def test_the_group_an_attack_is_blamed_on_is_no_place() -> None:
    names = [name for name, _ in _places("Police blamed that attack on Harakat Nasr al-Din, which denied it.")]
    assert "Harakat Nasr al-Din" not in names
    # an attack on a town is still where it fell
    assert "Osk-Kisanga" in [name for name, _ in _places("Dozens died in the attack on Osk-Kisanga last week.")]


def test_a_site_the_blast_tore_through_is_the_scene_over_the_province_named_often() -> None:
    text = ("KABUL, May 4 - A suicide bomber killed at least 17 people in northern Afghanistan on Monday.\n\n"
            "The blast tore through the main hall of the Dar-ul Ilm education centre in Qaleh Now, a town west of "
            "the provincial capital of Herat. Herat officials said 17 died. A Herat police spokesman "
            "said the centre had no guards. Students from Herat had registered at the centre.")
    assert [i["place"] for i in _incidents(text)] == ["Dar-ul Ilm education centre"]


def test_a_settlement_in_apposition_may_be_qualified_by_a_creed_or_a_people() -> None:
    places = _places("Residents said Qaleh Now, a mostly Shi'ite town west of Herat, was quiet.")
    assert ("Qaleh Now", "town") in places


def test_an_armed_groups_district_officer_names_no_district() -> None:
    assert _places("The guards were withdrawn by the Taliban district commander in May.") == []
    # a district the text places stays a district
    assert ("Nawa district", "district") in _places("Fighting spread to Nawa district of Helmand on Monday.")


def test_an_earlier_event_at_the_same_business_centre_is_at_that_centre() -> None:
    text = ("Police killed 11 people at Rusape Business Centre on 8 May 2026.\n\n"
            "In October 2024, police shot dead one man during a protest at the same business centre.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert (places.get("2024-10") or "").startswith("Rusape")


def test_a_figure_goes_on_with_the_scene_set_two_sentences_before_it() -> None:
    text = ("Police killed 12 protesters at Rusape Business Centre on 8 May 2026.\n\n"
            "On Wednesday night the soldiers came back to Mbiri village. They kicked down doors and beat "
            "everyone they found. Four more people died from the beatings.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Mbiri", "Rusape"]
    text = ("Police killed 12 protesters at Rusape Business Centre on 8 May 2026.\n\n"
            "That night, soldiers went from house to house in Mbiri village looking for organisers, witnesses "
            "said. Residents described soldiers beating men with batons. Two men died of their injuries.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Mbiri", "Rusape"]


def test_a_name_the_text_once_calls_a_town_is_that_town_where_it_stands_alone() -> None:
    text = ("The blast hit a school in Qaleh Now, a mostly Shi'ite town west of Herat.\n\n"
            "Qaleh Now has been hit before.")
    found = [m for m in __import__("reckon.extract.places", fromlist=["find_places"]).find_places(text)
             if m.name == "Qaleh Now"]
    assert len(found) == 2


def test_the_deadliest_since_an_earlier_bombing_that_killed_six_recalls_an_incident() -> None:
    text = ("Published: 18 April 2026\n\nA bomb killed 11 people at the Velmar night market in Kessock on Friday.\n\n"
            "Friday's attack was the deadliest since a bombing at a bus station in the neighbouring district "
            "of Dunmore in January 2025, which killed six people.")
    dates = sorted(i["date"] or "" for i in _incidents(text))
    assert dates == ["2025-01", "2026-04-17"]


def test_where_a_wires_reporters_sit_casts_no_vote() -> None:
    text = ("A bomb killed at least 11 people in southern Thailand on Friday, police said.\n\n"
            "The blast tore through food stalls at the Velmar night market shortly after 8 p.m.\n\n"
            "(Reporting by Ana Varga in Yala, Li Wen in Yala and Bo Tam in Yala; Editing by Tom Ash)")
    assert [i["place"] for i in _incidents(text)] == ["Velmar night market"]


def test_a_blast_that_tore_through_stalls_at_a_site_attacked_the_site() -> None:
    from reckon.extract.main_place import _ATTACKED

    before = "The blast tore through food stalls at the "
    assert _ATTACKED.search(before)
    assert _ATTACKED.search("A bomber blew himself up inside the ")
    assert not _ATTACKED.search("The families moved to the ")


def test_guards_who_fired_on_a_crowd_at_a_site_set_the_scene_of_the_next_figure() -> None:
    text = ("Police killed 12 protesters at Rusape Business Centre on 8 May 2026.\n\n"
            "At the Kombe Hill mine gate, the company's guards fired on women who had come to ask for "
            "compensation. Five people were killed there, the party chairman says.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Kombe Hill mine", "Rusape"]


def test_a_press_statements_memo_header_dates_the_statement() -> None:
    from reckon.extract.dates import find_published

    text = ("MINISTRY OF HOME AFFAIRS\n\nPRESS STATEMENT\n\nRef: MHA/PR/77/2026\nDate: 14 March 2026\n\n"
            "1. On 12th March 2026 a group of youths attacked officers at Kombe Hill.")
    assert find_published(text)[0] == "2026-03-14"
    # an infobox's Date line, with no reference line beside it, stays the event's date
    assert find_published("2026 Kombe Hill clashes\n\nLocation Kombe Hill\nDate: 12 March 2026\nDeaths 4\n") is None


def test_arrests_in_connection_with_that_case_go_with_the_event_told_before() -> None:
    text = ("Published: 9 September 2026\n\nOn 8 September 2026 police killed three protesters at Rusape "
            "Business Centre.\n\nOn 24 August 2026 youths barricaded the Kombe Hill mine gate and assaulted a "
            "guard. Four suspects were arrested in connection with that case.")
    found = {(i["date"], i["place"]) for i in _incidents(text)}
    assert found == {("2026-09-08", "Rusape"), ("2026-08-24", "Kombe Hill mine")}


def test_a_day_a_sentence_recalls_is_not_the_reports_event_day() -> None:
    text = ("Ref: MHA/PR/77/2026\nDate: 9 September 2026\n\n"
            "1. On 8th September 2026 a crowd gathered at Rusape Business Centre without notice.\n\n"
            "2. Regrettably, three people lost their lives during the disturbances.\n\n"
            "3. The Police wish to remind the public that on 24th August 2026 youths assaulted a guard at "
            "the Kombe Hill mine gate.")
    assert [i["date"] for i in _incidents(text)] == ["2026-09-08"]


def test_a_sites_menu_and_a_town_naming_a_hospital_cast_no_vote() -> None:
    text = ("Home | Kessock | Norwich | World | Politics\n\n"
            "Shooting leaves eight dead\n\n"
            "Police say woman died in Norwich hospital; the toll rose to eight.\n\n"
            "A woman wounded in Saturday's shooting at a hall in Dunmore has died, bringing the number of "
            "people killed to eight, police said. She died at a Norwich trauma centre on Sunday.")
    assert [i["place"] for i in _incidents(text)] == ["Dunmore"]


def test_the_town_a_named_site_stands_in_is_a_place_wherever_named() -> None:
    text = ("Our children were killed in the Dar-ul Ilm education centre in Qaleh-i-Sabz. "
            "The Taliban arrested 15 young men from Qaleh-i-Sabz.")
    found = [m for m in __import__("reckon.extract.places", fromlist=["find_places"]).find_places(text)
             if m.name == "Qaleh-i-Sabz"]
    assert len(found) == 2 and found[0].kind == "town"


def test_a_figure_set_at_another_site_stays_its_own_though_another_source_gives_the_same_number() -> None:
    text = ("Police killed at least 12 people at Rusape Business Centre on 8 May 2026. The police account "
            "puts the toll at three.\n\n"
            "In the afternoon, protesters who had walked to the gate of the mine at Kombe Hill were fired on by "
            "guards. Three men were killed there.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Kombe Hill", "Rusape"]


def test_a_district_named_as_one_holds_a_village_no_table_places() -> None:
    text = ("Police killed at least 14 people in Mbiri District on 8 May 2026, the monitor said.\n\n"
            "Residents gathered at Tovhera Business Centre to deliver a petition. The monitor documented the "
            "deaths of 11 people at Tovhera Business Centre. Tovhera has been tense for months, and traders "
            "in Tovhera closed their stalls.")
    assert [i["place"] for i in _incidents(text)] == ["Tovhera"]


def test_a_tables_rows_are_no_menu() -> None:
    from reckon.extract.main_place import _MENU_LINE

    assert _MENU_LINE.search("Home | Kessock | World | Politics | Watch")
    assert not _MENU_LINE.search("January 14 | Tassiga | Soum | c. 30 | 12+ | Gunmen attacked a market.")


def test_the_one_site_placed_in_the_town_and_then_called_by_its_kind_is_the_scene() -> None:
    text = ("Three days have passed since our children were torn to pieces in the Dar-ul Ilm education centre in "
            "Qaleh-i-Sabz, where 40 died.\n\nThe guards at the gate of the centre were taken away. A teacher at "
            "the centre survived. The Taliban arrested 15 young men from Qaleh-i-Sabz. Qaleh-i-Sabz is in mourning.")
    assert [i["place"] for i in _incidents(text)][0] == "Dar-ul Ilm education centre"


def test_a_sentence_may_open_on_a_month() -> None:
    from datetime import date

    from reckon.extract.dates import find_dates

    found = find_dates("In March, gunmen killed two rangers near Kessock.", anchor=date(2026, 4, 20))
    assert [d.value for d in found] == ["2026-03"]


def test_a_figure_dated_in_an_earlier_month_is_an_earlier_incident() -> None:
    text = ("Published: 20 April 2026\n\nA bomb killed 15 people at the Velmar night market on Friday, 17 April.\n\n"
            "In March, gunmen killed two rangers on the road outside the market.")
    assert sorted(i["date"] for i in _incidents(text)) == ["2026-03", "2026-04-17"]
    # a period counted from a month is no earlier event
    text = ("Published: 20 April 2026\n\nA bomb killed 15 people at the Velmar night market on Friday, 17 April. "
            "Since January, gunmen have killed 40 people in the province.")
    assert [i["date"] for i in _incidents(text)] == ["2026-04-17"]


def test_a_report_whose_main_place_keeps_no_figure_of_its_own_still_assembles() -> None:
    text = ("Published: 20 April 2026\n\nA bomb killed 15 people at the Velmar night market in Kessock on Friday, "
            "17 April.\n\nIn March, gunmen killed two rangers on the road outside Kessock.")
    assert sorted((i["date"], i["place"]) for i in _incidents(text)) == [("2026-03", "Kessock"),
                                                                         ("2026-04-17", "Velmar night market")]


def test_the_province_owning_a_district_is_no_part_of_its_name() -> None:
    assert ("Osk Mayo district", "district") in _places("Families in Yala's Osk Mayo district buried their dead.")


def test_a_market_named_by_a_province_or_a_big_city_is_a_market_there() -> None:
    names = [name for name, _ in _places("Yala market bombing: death toll rises to 15")]
    assert "Yala market" not in names
    assert ("Tanyong Osk market", "market") in _places("A bomb tore through the Tanyong Osk market on Friday.")


def test_a_dateline_town_in_accented_capitals_dates_the_report() -> None:
    from reckon.extract.datelines import find_datelines
    from reckon.extract.dates import find_published

    text = ("Gunmen kill 9 at fair\n\nSÉGOUKRO, Mali, March 19, 2025 (Agency) - Gunmen opened fire on a fair on "
            "Tuesday afternoon, killing nine people.")
    assert find_published(text)[0] == "2025-03-19"
    assert find_datelines(text)
    assert [i["date"] for i in _incidents(text)] == ["2025-03-18"]


def test_the_day_the_bodies_were_recovered_is_not_the_attacks_day() -> None:
    text = ("June 14, 2025 (Agency) - Six farmworkers were shot dead after armed men opened fire on a camp in the "
            "Osk valley on Thursday, police said.\n\nA police spokeswoman said officers had recovered the six "
            "bodies on Friday morning.\n\nThree suspects were arrested late on Friday.")
    assert [i["date"] for i in _incidents(text)] == ["2025-06-12"]


def test_a_near_spelling_of_a_listed_site_abroad_is_no_mention_of_it() -> None:
    # the sites table lists a Rwandan school at Murambi; a Congolese report's "Mulambi" is not it
    text = ("BUKAVU, South Kivu - Gunmen killed 13 people on the road near Mulambi on Saturday, the governor of "
            "South Kivu said in Bukavu. Bukavu hospitals were full. Residents of Bukavu marched.")
    assert not any(name == "Murambi Technical School" for name, _ in _places(text))
