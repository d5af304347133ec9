"""Rules found on held-out batch 4c (documents listing many incidents: a weekly roundup
under country headings, an encyclopedia list page, a local paper with two attacks).
Fictional text only."""

from __future__ import annotations

from reckon import extract
from reckon.extract.count_scope import _is_aggregate
from reckon.extract.dates import find_dates
from reckon.extract.places import find_places
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_heading_with_accents_places_the_villages_of_its_entries():
    text = ("TOGO\n\nGunmen killed four herders in Velmoka village, Osk prefecture, on 2 May.\n\n"
            "CÔTE D'IVOIRE\n\nArmed men abducted six farmers in Tassiga-Nord village, Dunmore department, on 3 May.")
    countries = {m.name: m.country for m in find_places(text)}
    assert countries["Velmoka"] == "TG" and countries["Tassiga-Nord"] == "CI"


def test_another_capitalised_heading_ends_the_countrys_section():
    text = ("GHANA\n\nGunmen killed four herders in Velmoka village on 2 May.\n\nTRENDS\n\n"
            "Togo saw most of the violence, and in Togo raids near Palmeru village continued.")
    countries = {m.name: m.country for m in find_places(text)}
    assert countries["Velmoka"] == "GH" and countries["Palmeru"] == "TG"


def test_the_area_after_a_village_apposition_only_says_where_the_village_is():
    from reckon.extract.count_place import LOCATES_PREVIOUS

    for between in (", a hamlet in ", ", a farming village in the ", ", in the ", " near "):
        assert LOCATES_PREVIOUS.fullmatch(between), between
    assert not LOCATES_PREVIOUS.fullmatch(", and then attacked ")


def test_a_release_where_the_freed_walked_to_stays_with_the_abduction():
    text = ("Weekly roundup, 7 May 2024\n\nOn 30 April, armed men raided Tassiga-Nord, a hamlet in Osk department, "
            "abducting seven people. Two of them were released on 3 May and walked to the gendarmerie in Dunmore, "
            "residents said.")
    found = [(i["place"], i["date"], sorted(c["min"] for c in i["counts"])) for i in _incidents(text)]
    assert found == [("Tassiga-Nord", "2024-04-30", [2, 7])]


def test_a_tally_since_the_first_of_a_month_is_an_aggregate():
    for text in ("Since 1 January, the Observatory has recorded 47 fatalities in the region.",
                 "The monitor counted 29 deaths over the same period of 2023."):
        assert _is_aggregate(text, text.index("4" if "47" in text else "29"))


def test_a_title_year_dates_the_yearless_days_of_an_undated_list():
    text = "List of attacks in Osk in 2023\n\nThe conflict began in the 1960s.\n\n14 January | Velmoka | 2 | 1"
    days = [d.value for d in find_dates(text) if d.day]
    assert days == ["2023-01-14"]


_LIST_PAGE = (
    "List of attacks in Osk in 2023\n\nThis is a list of attacks in the Osk provinces of Indonesia.\n\n"
    "Date | Location | Deaths | Injured | Perpetrator | Notes\n"
    "14 January | Kampung Velmoka, Dunmore Regency, Osk | 2 | 1 | Osk Liberation Front | Two drivers were shot dead.\n"
    "7 February | Tassiga, Dunmore Regency, Osk | 4 (+2 attackers) | 5 | Osk Liberation Front | "
    "The army said four soldiers and two attackers were killed.\n"
    "28 March | Palmeru, Dunmore Regency, Osk | 0 | 0 | Unknown | A school was burned.\n"
    "22 April | Oru Barat, Dunmore Regency, Osk | 6–8 | – | Unknown | Raid on a mining camp.\n\n"
    "References\n1. \"Four soldiers killed in Tassiga\". Osk Post. 8 February 2023.\n"
)


def test_a_tables_figure_columns_state_figures_in_the_authors_voice():
    from reckon.extract.tables import find_table_rows, table_figures

    figures = [(f.kind.value, f.min, f.max) for f in table_figures(_LIST_PAGE, find_table_rows(_LIST_PAGE))]
    assert figures == [("killed", 2, 2), ("injured", 1, 1), ("killed", 4, 4), ("killed", 2, 2), ("injured", 5, 5),
                       ("killed", 6, 8)]


def test_each_row_of_a_list_table_is_an_incident_at_its_location_on_its_day():
    found = {(i["place"], i["date"], i["country"]) for i in _incidents(_LIST_PAGE)}
    assert found == {("Kampung Velmoka", "2023-01-14", "ID"), ("Tassiga", "2023-02-07", "ID"),
                     ("Oru Barat", "2023-04-22", "ID")}


def test_a_references_section_cites_headlines_not_findings():
    from reckon.extract.tables import references_start

    assert _LIST_PAGE[references_start(_LIST_PAGE):].startswith("References\n1.")
    assert references_start("No references here.\n") == len("No references here.\n")


def test_a_tally_set_against_another_years_is_an_aggregate():
    text = "At least 79 people were killed in the provinces in 2023, compared with 53 in 2022."
    assert _is_aggregate(text, text.index("79"))


def test_a_village_before_a_regency_or_prefecture_is_placed_by_it():
    text = "Police fired on a crowd in Tomoleka, Dunmore Regency, killing three. Gunmen raided Velmoka, Osk prefecture."
    kinds = {m.name: m.kind for m in find_places(text)}
    assert kinds.get("Tomoleka") == "village" and kinds.get("Dunmore Regency") == "district"


def test_a_region_named_only_inside_a_papers_name_gives_the_country():
    from reckon.extract.places import region_country

    assert region_country("THE JONGLEI MONITOR\n\nRaiders killed seven in Velmora.") == "SS"
    assert region_country("Raiders killed seven in Velmora.") is None
    # regions of two countries: no guess
    assert region_country("THE JONGLEI MONITOR and the Upper East Herald") is None


def test_a_neighbour_struck_and_a_village_placed_by_its_distance_are_places():
    text = ("Raiders killed seven in Velmora on Sunday, then returned to strike neighbouring Osk-Kari, where four "
            "died. Tassiga-Ber, about six kilometres north of Velmora, was spared.")
    found = {m.name for m in find_places(text)}
    assert {"Osk-Kari", "Tassiga-Ber"} <= found


def test_where_the_attackers_came_back_to_is_the_scene_of_the_next_sentences_figures():
    text = ("Jonglei paper, Thursday, November 3, 2022\n\n"
            "Armed raiders killed seven herders in Velmora village on Sunday.\n\n"
            "On Tuesday night, the attackers came back, this time to Osk-Kari, about six kilometres north of Velmora. "
            "Four people were killed and five were wounded, according to the county health department.")
    found = {(i["place"], i["date"]) for i in _incidents(text)}
    assert found == {("Velmora", "2022-10-30"), ("Osk-Kari", "2022-11-01")}


def _rows(text: str) -> set[tuple[str, int | None, str]]:
    return {(c["kind"], c["min"], c["claimed_by"]) for i in _incidents(text) for c in i["counts"]}


def test_animals_driven_off_after_a_toll_are_not_people():
    text = "Raiders kill 11 in two Osk villages, drive off thousands of cattle\n\nBy Ana Reyes\n\nRaiders killed 11."
    assert _rows(text) == {("killed", 11, "author")}


def test_a_figure_further_inside_an_among_them_list_is_a_part():
    text = ("Roundup, 7 May 2024\n\nOn 30 April, armed men raided Velmora, abducting seven people, among them "
            "the village chief and his two sons.")
    assert _rows(text) == {("abducted", 7, "author")}


def test_a_name_set_off_by_commas_before_said_is_the_speaker():
    text = "Roundup, 7 May 2024\n\nGunmen killed two traders outside Velmora, the prefect, Jean Kouassi Brou, said."
    assert _rows(text) == {("killed", 2, "Jean Kouassi Brou")}


def test_who_read_a_statement_is_its_source():
    text = ("Roundup, 7 May 2024\n\nA bomb struck a patrol near Velmora village, killing two soldiers, according to a "
            "statement read on national television by the army spokesman, Colonel Jean Brou.")
    assert {claimant for _, _, claimant in _rows(text)} != {"statement read"}


def _quotes(text: str) -> set[tuple[str, str]]:
    return {(q["speaker"], q["starts_with"][:12]) for q in findings_to_json(extract(text), id="t")["quotes"]}


def test_a_known_groups_name_after_the_article_is_the_speaker():
    text = ("List of attacks\n\nThe attack was claimed by the Osk Highlands Army (OHA). The OHA said its fighters had "
            "killed \"nine soldiers\" and seized two rifles.")
    assert _quotes(text) == {("Osk Highlands Army", "nine soldier")}


def test_a_citation_mark_after_a_full_stop_ends_the_sentence_for_quotes():
    text = ("List of attacks in 2023\n\n * 11 June – Police opened fire on a crowd in Tomoleka, killing three "
            "protesters, according to the Justice Desk.[8] The regional police said two officers had been hit by "
            "arrows and that the officers had fired \"warning shots\" only.[9]")
    assert _quotes(text) == {("regional police", "warning shot")}


def test_he_after_a_statement_read_by_a_named_spokesman_is_that_spokesman():
    text = ("Roundup, 7 May 2024\n\nOvernight on 1-2 May, an improvised explosive device struck an army patrol near "
            "Velmora village, killing two soldiers, according to a statement read on national television by the armed "
            "forces' spokesman, Lieutenant-Colonel Jean-Marc Brouvaud. \"Our men were returning from a mission when "
            "their vehicle hit the device,\" he said.")
    assert {speaker for speaker, _ in _quotes(text)} == {"Jean-Marc Brouvaud"}


def test_a_man_who_described_himself_as_a_spokesman_speaks_for_the_group():
    text = ("Report, 3 November 2022\n\nRaiders killed seven people in Velmora on Sunday. A man who described himself "
            "as a spokesman for the Osk Cattle Guard denied the accusation. \"Our youth were at home,\" he said.")
    assert _quotes(text) == {("spokesman for Osk Cattle Guard", "Our youth we")}


def test_an_area_named_by_its_administrative_word_is_no_accused():
    text = ("Roundup, 7 May 2024\n\nOn 2 May, a bomb struck an army patrol near Velmora village, Osk prefecture, "
            "Dunmore region, killing two soldiers.")
    actors = {p["actor"] for i in _incidents(text) for p in i["perpetrators"]}
    assert not any(actor.endswith(("prefecture", "region")) for actor in actors)


def test_police_at_a_sentences_start_are_the_force_not_a_chief_named_later():
    text = ("List of attacks in 2023\n\nRaid on a mining camp. Police said six miners were killed in Oru Barat.\n\n"
            "Later, the regional police chief, Brigadier General Jean Rumbo, blamed the group.")
    assert {claimant for _, _, claimant in _rows(text)} == {"police"}


def test_police_under_a_country_heading_are_that_countrys():
    text = ("Roundup, 7 May 2024\n\nTOGO\n\nOn 29 April, gunmen killed five civilians in Velmoka village.\n\n"
            "GHANA\n\nOn Friday, gunmen shot dead three herders near Zongo-Ber. Police in Zebra said two suspects "
            "had been arrested.")
    assert ("arrested", 2, "Ghanaian police") in _rows(text)


def test_one_figure_over_several_villages_is_an_aggregate():
    text = "Raiders kill 11 in two Osk villages, drive off cattle"
    assert _is_aggregate(text, text.index("11"))
    single = "Raiders kill 11 in Osk village"
    assert not _is_aggregate(single, single.index("11"))


def test_a_tables_perpetrator_column_accuses_in_the_authors_voice_row_by_row():
    found = {(i["place"], p["actor"], p["claimed_by"]) for i in _incidents(_LIST_PAGE) for p in i["perpetrators"]}
    assert ("Kampung Velmoka", "Osk Liberation Front", "author") in found
    assert not any(place == "Oru Barat" for place, _, _ in found)  # "Unknown" names no one


def test_the_region_after_a_village_gives_its_country_in_a_report_over_several():
    text = ("Sahel weekly, Tuesday 7 May 2024\n\nGhana saw most of the week's violence.\n\n"
            "On 29 April, gunmen killed five civilians in Velmoka village, Osk district, Upper East region.\n\n"
            "On 30 April, armed men abducted seven people in Tassiga village, Osk prefecture, Savanes region, Togo.\n\n"
            "On 2 May, bandits killed four herders in Oru-Kali, a village in Tillabéri region.\n\n"
            "On Friday, militants killed three soldiers near Palmeru, in the Mopti region.")
    found = {i["place"]: i["country"] for i in _incidents(text)}
    assert found == {"Velmoka": "GH", "Tassiga": "TG", "Oru-Kali": "NE", "Palmeru": "ML"}


def test_a_tables_approximate_figures_and_a_location_near_a_place():
    text = ("List of attacks in Burkina Faso in 2023\n\nDate | Location | Province | Killed | Wounded | Description\n"
            "January 14 | Tassiga | Soum | c. 30 | 12+ | Gunmen attacked a market.\n"
            "February 2 | Near Oru-Kali | Seno | 9 | – | Ambush on a convoy.\n")
    found = {(i["place"], i["date"]): sorted((c["kind"], c["min"], c["max"] or 0) for c in i["counts"])
             for i in _incidents(text)}
    assert found == {("Tassiga", "2023-01-14"): [("injured", 12, 0), ("killed", 30, 30)],
                     ("Oru-Kali", "2023-02-02"): [("killed", 9, 9)]}


def test_a_day_later_dates_the_next_attack_from_the_last_day_named():
    text = ("The Rift Courier\nFriday, March 8, 2024\n\nMARSAVET, March 8 — Bandits shot dead three herders in the "
            "village of Lokori-Ndege on Wednesday night, police said.\n\nA day later, the same gang struck Kaputir-Ala, "
            "a settlement 12 kilometres to the east, killing a woman and wounding two children, residents said.")
    found = {i["place"]: i["date"] for i in _incidents(text)}
    assert found == {"Lokori-Ndege": "2024-03-06", "Kaputir-Ala": "2024-03-07"}


def test_a_digest_dated_by_the_period_it_covers_is_issued_at_its_end():
    from reckon.extract.dates import find_published

    found = find_published("SAHEL FRONTIER MONITOR\nWeekly roundup No. 2 | 1–7 January 2024\n\nBURKINA FASO\n")
    assert found is not None and found[0] == "2024-01-07"


def test_a_digest_headed_by_a_period_over_two_months_is_issued_at_its_end():
    from reckon.extract.dates import find_published

    found = find_published("FRONTIER WATCH\nWeek 18: 29 April – 5 May 2024\n\nTOGO\n")
    assert found is not None and found[0] == "2024-05-05"
    assert find_published("Osk attack\n\n- Date: 29 April – 5 May 2024\n") is None


def test_entries_opening_on_place_area_and_a_dash_are_incidents_there():
    text = ("Sahel weekly | Published Tuesday, 7 May 2024\n\n"
            "Velmoka, Mopti region — Gunmen killed four herders on Thursday.\n\n"
            "Tassiga-Bas, Ségou region — Overnight on 30 April to 1 May, militants abducted 12 villagers.\n\n"
            "Kessa (Gao region): A bomb killed two soldiers on Saturday.")
    found = {(i["place"], i["date"], i["country"]) for i in _incidents(text)}
    assert found == {("Velmoka", "2024-05-02", "ML"), ("Tassiga-Bas", "2024-04-30", "ML"),
                     ("Kessa", "2024-05-04", "ML")}


def test_last_years_massacre_and_a_raid_on_a_neighbouring_village_are_recalled_incidents():
    text = ("The Sahel Courier\nFriday, March 8, 2024\n\nGunmen killed three herders in the village of Velmoka on "
            "Wednesday, police said.\n\nThe attack revived memories of last year's massacre in Kessa, in which 40 "
            "people died.\n\nIn March 2019, 26 villagers were killed in a raid on neighbouring Tassiga, Mali's "
            "government said at the time.")
    found = {(i["place"], i["date"], i["country"]) for i in _incidents(text)}
    assert found == {("Velmoka", "2024-03-06", "ML"), ("Kessa", "2023", "ML"), ("Tassiga", "2019-03", "ML")}


def test_a_province_newer_than_the_gazetteer_places_its_villages():
    text = ("Weekly brief | Published Monday, 13 November 2023\n\nOn 7 November, militiamen killed eight villagers in "
            "the village of Tassiga in Ituri province.\n\nOn Thursday, bandits killed two herders in Kessa village in "
            "Zamfara State.")
    found = {i["place"]: i["country"] for i in _incidents(text)}
    assert found == {"Tassiga": "CD", "Kessa": "NG"}


def test_a_region_named_by_an_ordinary_word_gives_no_country():
    from reckon.extract.places import region_country

    for word in ("Lakes", "Delta", "Rivers", "Sahel", "Maritime"):
        assert region_country(f"{word} figures said raiders killed seven in Velmora.") is None, word
