"""Where an incident happened and how many incidents a report gives: place rules of
reckon.extract.incidents and reckon.extract.places, on short fictional reports."""

from __future__ import annotations

from reckon import extract
from reckon.extract.places import find_places
from reckon.formats import findings_to_json


def _incidents(text: str) -> list[dict]:
    return findings_to_json(extract(text), id="t")["incidents"]


def test_a_hospital_the_wounded_are_treated_at_is_not_the_event_place():
    text = ("Shots fired at a church in central Wellington\n\nTwelve people have died in a shooting at a church "
            "in Wellington. The health board said 20 patients are being treated at Wellington Hospital. "
            "Wellington Hospital asked for blood donors.")
    assert [i["place"] for i in _incidents(text)] == ["Wellington"]


def test_a_breakdown_of_the_toll_by_site_inside_the_town_is_not_an_incident_of_its_own():
    text = ("Forty people have died in two shootings in Wellington on Friday. Thirty people died at the "
            "Hill Street church, while 10 died at the Dock Road church.")
    incidents = _incidents(text)
    assert len(incidents) == 1 and incidents[0]["place"] == "Wellington"


def test_sites_of_a_crackdown_with_their_own_tolls_stay_incidents_of_their_own():
    text = ("Troops killed 300 people at Korvan Square on Monday. Another 40 were killed at Pellas Square "
            "the same day.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Korvan Square", "Pellas Square"]


def test_a_scene_set_at_the_start_of_the_sentence_places_a_figure_in_another_clause():
    text = ("Gunmen killed 40 people in Lokoja on Monday. Elsewhere in Gajiram, a border town, a bomb left "
            "nine traders dead on Tuesday. Raiders also stormed Gombe, a state capital, leaving scores dead.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Gajiram", "Gombe", "Lokoja"]


def test_where_a_source_speaks_does_not_set_the_scene():
    text = ("Gunmen killed 40 people in Lokoja on Monday. A police spokesman told reporters in Abuja that "
            "12 more bodies had been found, and 79 others were injured and rushed to hospital in Kaduna.")
    assert [i["place"] for i in _incidents(text)] == ["Lokoja"]


def test_an_infobox_location_line_names_the_event_place():
    text = ("Lokoja bombing\n\nLocationLokoja, Kogi State, Nigeria\nDeaths 31\n\n"
            "The bombing at the Adeyemi Mosque and the Sabo market in Lokoja killed 31 people. "
            "The Adeyemi Mosque was rebuilt. The Adeyemi Mosque reopened in June.")
    assert [i["place"] for i in _incidents(text)] == ["Lokoja"]


def test_a_colon_dateline_is_where_the_reporter_files_from():
    from reckon.extract.datelines import find_datelines

    for text in ("date 2021-06-02 Kaduna: A court convicted six men.", "Kaduna: Gunmen killed 12 people."):
        assert [text[d.start:d.end].strip() for d in find_datelines(text)][0].endswith("Kaduna:")
    assert find_datelines("The toll: 12 people.") == []


def test_a_compass_word_or_town_after_the_name_ties_it_to_a_place():
    names = [m.name for m in find_places("Suspects in the killings in southern Gajiram remain at large.")]
    assert names == ["Gajiram"]
    names = [m.name for m in find_places("The suspects left Gajiram town on foot.")]
    assert names == ["Gajiram"]


def test_a_known_town_name_heading_a_longer_name_is_not_that_town():
    names = [m.name for m in find_places("The camp lies near Vila Nova do Capirana, in the north of Brazil.")]
    assert "Vila Nova" not in names


def test_when_no_figure_stays_with_the_main_place_the_site_with_figures_takes_the_blame():
    text = ("Dorra camp attack\n\nLocationDorra camp, Kesso district\n\nGunmen killed nine farmers near "
            "Gajiram town on Monday, the police said.")
    incidents = _incidents(text)
    assert len(incidents) == 1 and incidents[0]["perpetrators"]


def test_the_town_of_pattern_reads_a_demonym_and_a_local_kind_word_in_parentheses():
    names = [m.name for m in find_places("A bomb hit a bus station in the southern Nigerian town of Karbeli.")]
    assert "Karbeli" in names
    names = [m.name for m in find_places("Gunmen struck the rural settlement (vereda) of Las Brisas on Sunday.")]
    assert "Las Brisas" in names


def test_a_record_location_field_is_a_place_even_when_no_table_knows_it():
    text = "Country: Nigeria\nAdmin1: Borno | Admin2: Kessa | Location: Ngoro Tilla (village)\nFatalities: 9\n"
    found = {m.name: m.country for m in find_places(text)}
    assert found.get("Ngoro Tilla") == "NG" and found.get("Kessa") == "NG"


def test_a_record_location_field_beats_the_region_for_the_incident_place():
    text = ("Incident record 77\nEvent date: 4 May 2020\nCountry: Nigeria\nAdmin1: Borno | Location: Ngoro Tilla\n"
            "Notes: On 4 May 2020 gunmen killed nine herders in Borno.\nCoded: 9 May 2020\n")
    data = findings_to_json(extract(text), id="t")
    assert [(i["place"], i["date"]) for i in data["incidents"]] == [("Ngoro Tilla", "2020-05-04")]
    assert data["published"] == "2020-05-09"


def test_a_place_in_a_sentence_about_an_earlier_year_does_not_vote_for_the_main_place():
    text = ("Bomb kills 12 at bus station\n\nA bomb killed 12 people at the Korri Central Bus Terminal on Saturday "
            "in 2021. Militants have struck the region before, among them the 2017 bombing of a market in the "
            "town of Ulwan, and the 2019 raid on a mosque in the town of Ulwan.")
    assert [i["place"] for i in _incidents(text)] == ["Korri Central Bus Terminal"]


def test_a_local_kind_word_in_parentheses_is_not_part_of_the_written_place():
    text = "Armed men killed five farmers in the rural settlement (vereda) of Las Brisas, in Colombia, on Sunday."
    assert [i["place"] for i in _incidents(text)] == ["Las Brisas"]


def test_a_site_named_in_french_or_spanish_is_a_place():
    found = {m.name: m.kind for m in find_places("Gunmen attacked the Lycée provincial de Tankori, in Burkina Faso.")}
    assert found.get("Lycée provincial de Tankori") == "school"
    found = {m.name: m.kind for m in find_places("The wounded reached the Hospital regional de Las Brisas.")}
    assert found.get("Hospital regional de Las Brisas") == "hospital"


def test_a_one_word_site_name_inside_a_persons_name_is_not_the_site():
    assert find_places("The report was signed by its director, Amina Zaatari Okello.") == []


def test_where_a_source_sits_does_not_vote_for_the_main_place():
    text = ("Raiders stormed the Velle displacement site late on Monday, killing 30. "
            "A civil society leader in Gajiram, who asked not to be named, put the toll at 41. A humanitarian "
            "source in Gajiram, speaking by phone, counted more than 60 wounded.")
    assert [i["place"] for i in _incidents(text)] == ["Velle displacement site"]


def test_a_state_named_like_an_old_name_of_its_capital_is_the_state():
    found = {m.name: m.kind for m in find_places("Gunmen attacked a farm in Brazil's northeastern state of Maranhão.")}
    assert found.get("Maranhão") == "region"
    assert {m.kind for m in find_places("Land conflicts in Maranhão have left many dead.")} == {"region"}


def test_a_portuguese_particle_joins_a_town_name():
    names = [m.name for m in find_places("The camp lies near the town of Vila Nova do Capirana, police said.")]
    assert names == ["Vila Nova do Capirana"]


def test_a_municipality_that_only_locates_the_village_is_not_a_second_scene():
    text = ("Gunmen killed 12 people in Gajiram on Friday. Armed men killed six people, among them a teacher, at a "
            "bar in the rural settlement (vereda) of Las Brisas, in the municipality of Puerto Toro, on Saturday.")
    places = sorted(i["place"] for i in _incidents(text))
    assert "Puerto Toro" not in places


def test_a_land_occupation_is_a_camp():
    found = {m.name: m.kind for m in find_places("Gunmen attacked the Boa Vista land occupation at dawn.")}
    assert found.get("Boa Vista land occupation") == "camp"


def test_a_small_place_known_by_the_name_only_as_an_alternate_is_not_matched():
    # GeoNames lists "Santa Clara" as an old name of a small Brazilian town of another name.
    names = [m.name for m in find_places("Farmers in Brazil said gunmen from the ranch in Santa Clara fired.")]
    assert "Tupanatinga" not in names


def test_an_infobox_site_name_is_not_folded_into_a_longer_wording_of_it():
    text = ("Boa Vista massacre\n\nLocationBoa Vista camp, Maranhão, Brazil\n\nThe massacre was the killing of "
            "nine farmers at the Boa Vista land occupation in 2019.")
    assert [i["place"] for i in _incidents(text)] == ["Boa Vista camp"]


def test_a_site_found_by_its_kind_word_is_found_again_without_it():
    found = [(m.text, m.name) for m in find_places("Gunmen attacked the Oskaro Velde camp at dawn. Nine farmers "
                                                   "were shot in Oskaro Velde on Sunday.")]
    assert found == [("Oskaro Velde camp", "Oskaro Velde camp"), ("Oskaro Velde", "Oskaro Velde camp")]


def test_a_portuguese_surname_is_not_a_city():
    assert find_places("The coordinator, Antonia Ribeiro dos Santos, spoke.") == []


def test_a_figure_the_main_incident_gives_again_beside_another_place_is_no_new_incident():
    text = ("Gunmen killed 11 farmers at the Boa Vista camp on Sunday. Supporters held portraits of the 11 "
            "farmers killed at a rally in Imperatriz.")
    assert [i["place"] for i in _incidents(text)] == ["Boa Vista camp"]


def test_a_name_the_next_word_calls_a_town_is_a_place_unless_it_is_an_actor():
    found = {m.name: m.kind for m in find_places("Police shot dead four people in Oskarvi town on Tuesday.")}
    assert found.get("Oskarvi") == "town"
    assert find_places("Survivors of the Boko Haram village raids spoke.") == []


def test_with_no_country_in_the_text_a_site_is_not_placed_by_a_namesake_abroad():
    found = {m.name: m.country for m in find_places("Witnesses at Soko Square disputed the account.")}
    assert found.get("Soko Square") is None


def test_a_hospital_that_speaks_is_a_source_not_the_scene():
    text = ("Police shot dead at least four people during protests in Oskarvi town, while the Oskarvi County "
            "Hospital said seven bodies had been brought to its mortuary.")
    assert [i["place"] for i in _incidents(text)] == ["Oskarvi"]


def test_what_violence_happened_in_is_a_place_even_unknown_to_the_tables():
    found = {m.name for m in find_places("Clashes in Oskarvi left 24 dead, and 31 died in Velleni clashes.")}
    assert {"Oskarvi", "Velleni"} <= found
    assert find_places("Hundreds died in Boko Haram attacks and in attacks in Ramadan.") == []


def test_a_district_with_its_own_toll_beside_a_square_is_its_own_incident():
    text = ("Troops killed 300 people at Korvan Square on Monday. Later clashes in Oskarvi left 24 dead.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Korvan Square", "Oskarvi"]


def test_where_a_site_of_a_settlement_is_names_a_place():
    found = {m.name for m in find_places("Gunmen surrounded the weekly market at Oskarvi on Tuesday.")}
    assert "Oskarvi" in found
    assert find_places("She studied at the school of Journalism.") == []


def test_a_hospital_that_gives_a_figure_is_its_source_not_another_scene() -> None:
    from reckon import extract as _extract

    text = ("Gunmen stormed the Lomara Palace Hotel in Kessa on Sunday evening, killing at least 12 people, police "
            "said. The Kessa Regional Referral Hospital said its mortuary had received 19 bodies.")
    findings = _extract(text)
    assert len(findings.incidents) == 1
    assert {c.min for c in findings.incidents[0].counts} >= {12, 19}


def test_a_site_the_attack_was_on_is_the_place_and_its_towns_figures_are_its_own():
    from reckon import extract as _extract

    text = ("Gunmen hold travellers in bus depot\n\n"
            "Gunmen who stormed a hotel in the northern town of Kessa on Sunday night were still holding dozens "
            "of guests on Monday, and at least 12 people had been killed, police said.\n\n"
            "Soldiers surrounded the Lomara Palace Hotel, on the main road through the town. A doctor said 19 "
            "bodies had been brought to the mortuary.")
    findings = _extract(text)
    assert len(findings.incidents) == 1
    assert findings.incidents[0].place.name == "Lomara Palace Hotel"


def test_where_a_source_spoke_and_where_the_wounded_were_cared_for_are_not_scenes():
    from reckon import extract as _extract

    text = ("Spokesman Ivo Saar told a press briefing in Kessa on Monday that 21 people were killed when gunmen "
            "stormed the Lomara Palace Hotel. Our clinic in the neighbouring village of Dunmore received some "
            "40 wounded.")
    findings = _extract(text)
    assert len(findings.incidents) == 1
    assert findings.incidents[0].place.name == "Lomara Palace Hotel"


def test_the_health_centre_here_in_the_reporters_town_is_not_a_scene():
    incidents = _incidents(
        "ORVALE, May 4 — Armed raiders killed at least five people and wounded six at a cattle camp in Tessik "
        "village on Sunday, then returned two days later to strike neighbouring Marbek, where three more people "
        "died, local officials said.\n\nThe county commissioner, Amos Doru Ket, told the paper by telephone that "
        "five bodies had been recovered at Tessik and that the wounded had been carried on foot to the health "
        "centre here in Orvale, the county headquarters.")
    assert "Tessik" in [i["place"] for i in incidents]
    assert "Orvale" not in [i["place"] for i in incidents]


def test_a_list_that_repeats_its_preposition_at_its_longest_is_one_list():
    from reckon.extract.count_place import _head_of_list
    from reckon.extract.places import find_places

    # ", and in the neighbouring " is the longest gap a list of places may have
    text = "The wounded were taken to hospitals in Niamey, and in the neighbouring Dosso on Sunday."
    mentions = find_places(text)
    dosso = next(m for m in mentions if m.name == "Dosso")
    assert _head_of_list(dosso, mentions, text) == text.index("Niamey")


def test_a_recalled_event_set_only_in_a_province_is_placed_in_the_province():
    text = ("MORVAL, Turkey, 3 May 2026 - Militants killed four soldiers at the Dervan outpost on Saturday, "
            "the ministry said.\n\nIn March 2023 a roadside bomb killed six soldiers in neighbouring Van "
            "province.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2023-03") == "Van province"


def test_a_capital_standing_for_its_government_is_not_where_a_recalled_strike_happened():
    text = ("Militants killed four soldiers at the Dervan outpost in Van province on 2 May 2026.\n\n"
            "On 9 March 2024, drones struck a car near Kelbadin, Iraq, killing two men described by Ankara "
            "as militant commanders.")
    places = {i["date"]: i["place"] for i in _incidents(text)}
    assert places.get("2024-03-09") == "Kelbadin"


def test_a_recalled_massacre_in_the_when_clause_of_a_sentence_naming_the_main_attack_is_its_own_incident():
    text = ("ZELANO, Senegal, 14 October 2026 - Gunmen shot dead nine farmers in the village of Dambel on "
            "Sunday, the governor said.\n\nSunday's killings recall the massacre of Sinthiou in March 2020, "
            "when eleven herders were killed near the river.")
    found = {(i["date"], i["place"]) for i in _incidents(text)}
    assert ("2020-03", "Sinthiou") in found


def test_a_figure_set_in_an_earlier_month_of_the_same_year_is_an_earlier_incident_on_its_road():
    text = ("ZELANO, Senegal, 14 October 2026 - Gunmen shot dead nine farmers in the village of Dambel on "
            "Sunday, the governor said.\n\nIn August, a landmine on the Koltar road killed two soldiers, the "
            "army said.")
    found = {(i["date"], i["place"]) for i in _incidents(text)}
    assert ("2026-08", "Koltar road") in found
    assert ("2026-10-11", "Dambel") in found


def test_a_town_named_alone_is_no_short_form_of_the_road_named_after_it():
    text = ("Findings by location:\n\nTessam. Police shot dead five people at the market, and wounded 20.\n\n"
            "Orvello. Police fired on a crowd blocking the Orvello–Tessam road, killing two men.\n\n"
            "Witnesses on the Tessam road saw the shooting.")
    assert sorted(i["place"] for i in _incidents(text)) == ["Orvello", "Tessam"]


def test_each_record_of_a_dataset_export_is_an_incident_at_its_location_on_its_event_date():
    text = ("Borderlands Monitor - incident records - Niger - export generated 30 May 2026\n\n"
            "----------------\nEVENT ID: NER101\nEvent date: 04/05/2026\nActor 1: Militia Group (2018-)\n"
            "Location: Tessaga\nNotes: Gunmen raided the village of Tessaga at night and killed 6 herders.\n\n"
            "----------------\nEVENT ID: NER107\nEvent date: 21/05/2026\nActor 1: Military Forces of Niger (2021-)\n"
            "Location: Bankoré\nNotes: A patrol struck a mine on a track near Bankoré. 3 soldiers injured.\n")
    found = {(i["date"], i["place"]) for i in _incidents(text)}
    assert found == {("2026-05-04", "Tessaga"), ("2026-05-21", "Bankoré")}
