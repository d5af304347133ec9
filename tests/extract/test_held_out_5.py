"""Forms met on held-out batch 5 (a wire report, a national paper, an encyclopedia page, an
exile group's page, a medical NGO's press release, a dataset summary): villages named once with
their kind word and then alone, where carers and governments sit, press-release datelines
(sentences written for these tests, about fictional events and places)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon import extract
from reckon.extract.places import find_places


def _incidents(text: str) -> list[tuple[str | None, str | None, set[tuple[str, int | None, int | None, str]]]]:
    findings = extract(text)
    return [(i.date, i.place.name if i.place else None,
             {(str(c.kind), c.min, c.max, c.claimant.name) for c in i.counts}) for i in findings.incidents]


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.kind) for m in find_places(text)]


def test_a_name_followed_by_village_is_a_village() -> None:
    assert ("Osk-Rugo", "village") in _places("Armed men attacked Osk-Rugo village on Saturday.")
    assert ("Harlow", "town") in _places("Armed men attacked Harlow town on Saturday.")


def test_a_named_hill_is_a_settlement() -> None:
    assert ("Tembaro", "village") in _places("Militiamen attacked a meeting on Tembaro hill, killing two people.")


def test_a_village_named_once_is_that_village_where_the_text_writes_it_alone() -> None:
    text = ("Armed men attacked Osk-Rugo village at dawn, killing nine people. The clinic in Osk-Rugo was looted. "
            "A nurse who visited Osk-Rugo on Tuesday said the houses were ash. Mount Osk-Rugo overlooks it.")
    mentions = [m for m in find_places(text) if m.name == "Osk-Rugo"]
    assert len(mentions) == 3  # not "Mount Osk-Rugo", the end of another name
    assert all(m.kind == "village" for m in mentions)


def test_a_compound_adjective_or_a_hospital_ward_is_no_place_name() -> None:
    names = [name for name, _ in _places("The MSF-supported health centre was looted. He lay in the surgical ward "
                                         "of Harlow hospital. Local church groups collected food.")]
    assert not any("supported" in name for name in names)
    assert not any(name.startswith("Local") for name in names)
    assert ("Harlow", "district") not in _places("He lay in the surgical ward of Harlow hospital.")


def test_where_carers_work_does_not_outvote_the_village_attacked() -> None:
    text = ("Osk Aid\nPress release\n\nTARROW, 20 May 2026 – Armed men attacked Osk-Rugo village on 16 May, "
            "killing at least 12 people. Since Saturday, our teams in Harlow have treated 38 wounded people. Our "
            "teams in Harlow also treated four children. Police in Harlow said 12 people had been killed.")
    found = _incidents(text)
    assert [place for _, place, _ in found] == ["Osk-Rugo"]


def test_a_government_in_its_capital_is_no_scene() -> None:
    text = ("Osk Exile Network\n\nThe massacre of Osk-Rugo on 7 February killed at least 26 travellers, and not "
            "17 as the government in Dodoma keeps repeating. The government in Dodoma speaks of 17 dead.")
    found = _incidents(text)
    assert found[0][1] == "Osk-Rugo"


def test_a_press_release_dateline_in_mixed_case_does_not_vote() -> None:
    from reckon.extract.datelines import find_datelines

    text = "Osk Network\n\nBrussels, 14 February 2026 – Gunmen killed 26 travellers near Harlow."
    assert find_datelines(text) and \
        find_datelines(text)[0].start <= text.index("Brussels") < find_datelines(text)[0].end
    text = "Osk Aid\n\nTARROW / GENEVA, 20 May 2026 – x"
    assert find_datelines(text)


def test_attackers_killed_in_a_statement_with_restated_digits_follow_the_attack() -> None:
    from reckon.extract.incidents import _follows_on

    text = ("Osk Police\n12th November, 2021\n\nOn 7th/11/2021 assailants attacked Osk College and killed twenty "
            "(20) students. During the pursuit, four (4) of the assailants were neutralised in an exchange of fire "
            "at Tembaro and Kisu villages. A suspect is a resident of Tembaro village.")
    counts = {c.min: c for i in extract(text).incidents for c in i.counts}
    assert _follows_on(counts[4], text) and not _follows_on(counts[20], text)


def test_where_the_displaced_shelter_is_no_incident_of_its_own() -> None:
    text = ("Osk Aid\nPress release\n\nTARROW, 20 May 2026 – Armed men attacked Osk-Rugo village on 16 May, "
            "killing at least 12 people. Church groups estimate that some 2,000 people have fled and are "
            "sheltering in schools and churches in Kisu town.")
    found = _incidents(text)
    assert [place for _, place, _ in found] == ["Osk-Rugo"]


def test_the_day_the_figures_tell_first_beats_a_recalled_attack_months_before() -> None:
    text = ("Osk Exile Network\n\nPosted on 14 February 2026\n\nAt least 26 passengers were slaughtered on the road "
            "from Kisu on Saturday 7 February, and not 17 as the government in Dodoma keeps repeating.\n\n"
            "This is not the first time. On 22 November 2025, militiamen attacked a meeting on Tembaro hill, "
            "killing three people.")
    found = _incidents(text)
    assert [date for date, _, _ in found] == ["2026-02-07", "2025-11-22"]
    assert ("killed", 26, None, "author") in found[0][2]
    assert found[0][1] != "Tembaro" and found[1][1] == "Tembaro"  # the recalled hill does not vote


def _quotes(text: str) -> set[tuple[str, str]]:
    return {(q.speaker, q.text[:20]) for q in extract(text).quotes}


def test_a_witness_named_in_apposition_to_his_part_speaks_and_she_is_not_he() -> None:
    text = ("Gunmen attacked two buses near Harlow on Saturday, killing nine people. At the district hospital, a "
            "trader who gave her name only as Mirela said the attackers wore uniforms. \"They asked who was a "
            "soldier. Nobody answered,\" she said.\n\nThe driver of the second bus, Tobin Arkwright, escaped into "
            "a ditch. He said he saw about ten armed men. \"Some were very young,\" he said.")
    quotes = _quotes(text)
    assert ("Tobin Arkwright", "Some were very young") in quotes
    assert ("Mirela", "They asked who was a") in quotes


def test_a_man_who_identified_himself_as_a_spokesman_then_named() -> None:
    text = ("Gunmen attacked two buses near Harlow on Saturday, killing nine people. The government blamed the Osk "
            "Front. In a message sent to journalists, a man who identified himself as the spokesman of the Osk "
            "Front, Dorian Vell, denied any role. \"Our fighters do not attack buses,\" he wrote.")
    assert ("Dorian Vell", "Our fighters do not ") in _quotes(text)


def test_a_he_said_is_not_the_woman_a_she_said_stood_for() -> None:
    text = ("Gunmen attacked two buses near Harlow on Saturday, killing nine people. Mirela Dovan, a trader, said the "
            "attackers wore uniforms. \"Nobody answered,\" she said. Another passenger hid in a ditch. \"Some were "
            "very young,\" he said.")
    quotes = _quotes(text)
    assert ("Mirela Dovan", "Nobody answered,") in quotes
    assert not any(speaker == "Mirela Dovan" and said.startswith("Some") for speaker, said in quotes)


def test_the_army_of_a_paragraph_naming_where_rebels_came_from_is_the_home_army() -> None:
    text = ("Gunmen killed nine bus passengers near Harlow in western Tanzania on Saturday, the police said.\n\n"
            "The government blamed rebels who it says crossed from the Democratic Republic of Congo. The army said "
            "on Sunday that it had killed three of the attackers.")
    claimants = {claimant for kind, low, _, claimant in _rows(text) if low == 3}
    assert claimants and not any("Congo" in c for c in claimants)


def test_a_descriptor_before_a_party_named_with_and_keeps_the_name_whole() -> None:
    for text in ("Gunmen killed nine bus passengers near Harlow on Saturday. The opposition Union for Peace and "
                 "Justice (UPJ) put the number of dead at 23, citing its members in the district.",
                 "Gunmen killed nine bus passengers near Harlow on Saturday. The opposition Movement for Peace and "
                 "Renewal said 23 people were killed.",
                 "Gunmen killed nine bus passengers near Harlow on Saturday. The opposition Union for Peace and "
                 "Justice (UPJ) put the number of dead at 23, citing its members in the district, and called for an "
                 "independent inquiry."):
        claimants = {claimant for _, low, _, claimant in _rows(text) if low == 23}
        assert len(claimants) == 1 and " and " in claimants.pop()


def test_more_victims_bringing_the_toll_are_part_of_it_despite_a_figure_of_the_attack() -> None:
    rows = _rows("Three more victims of Saturday's attack on two minibuses near Harlow have died in hospital, "
                 "bringing the official death toll to 17, the government said.")
    assert all(low != 3 for _, low, _, _ in rows)
    assert any(low == 17 for _, low, _, _ in rows)


_DIGEST = ("OSK CONFLICT OBSERVATORY\nWeekly Event Summary (11–17 March 2026)\nReleased: 19 March 2026\n\n"
           "KEY DEVELOPMENTS\nFighting continued after the 8 March raid on Tembaro, reported last week.\n\nEVENTS\n\n"
           "1. 13/03/2026 – Papua New Guinea – Enga – Osk district – Velmoka\nEvent type: Attack\n"
           "Clan fighters attacked the hamlet of Velmoka, killing three men. Fatalities: 3\n\n"
           "2. 14/03/2026 – Bangladesh – Chattogram – Rangamati – Kisu bazar\nEvent type: Abduction\n"
           "Two traders were abducted at gunpoint near Kisu bazar. Fatalities: 0\n")


def test_a_coded_entry_line_names_its_place_last_in_the_country_it_names() -> None:
    headed = [(m.name, m.country) for m in find_places(_DIGEST) if m.source == "heading"]
    assert headed == [("Velmoka", "PG"), ("Kisu bazar", "BD")]


def test_each_coded_entry_is_dated_by_its_own_line_and_a_zero_is_no_row() -> None:
    found = _incidents(_DIGEST)
    assert [(date, place) for date, place, _ in found] == [("2026-03-13", "Velmoka"), ("2026-03-14", "Kisu bazar")]
    assert all(low != 0 for _, _, rows in found for _, low, _, _ in rows)


def test_an_ambiguous_numeric_date_reads_as_the_documents_unambiguous_ones() -> None:
    from reckon.extract.dates import find_dates

    assert [d.value for d in find_dates("12/03/2026 and 14/03/2026")] == ["2026-03-12", "2026-03-14"]
    assert [d.value for d in find_dates("03/12/2026 and 03/14/2026")] == ["2026-03-12", "2026-03-14"]
    assert [d.value for d in find_dates("on 02/04/2015")] == []


def test_accused_of_a_deed_that_is_no_harm_even_when_the_parse_hangs_it_on_the_object() -> None:
    findings = extract("Gunmen killed nine bus passengers near Harlow on Saturday. The vote is due in March. "
                       "Opposition parties have accused the ruling party's youth wing of intimidating voters in "
                       "rural areas, an accusation the party denies.")
    actors = {p.actor for i in findings.incidents for p in i.perpetrators}
    assert not any("youth wing" in actor for actor in actors)


def test_a_name_going_on_with_for_the_stays_whole() -> None:
    findings = extract("Gunmen killed nine bus passengers near Harlow on Saturday. The government attributed the "
                       "attack to the rebel Front for the Liberation of Osk.")
    actors = {p.actor for i in findings.incidents for p in i.perpetrators}
    assert any("Liberation of Osk" in actor for actor in actors)
    assert not any(actor.endswith("Front") for actor in actors)


def test_a_short_form_in_an_unclosed_bracket_is_cut_from_the_accused() -> None:
    findings = extract("Gunmen killed nine bus passengers near Harlow on Saturday. The government attributed the "
                       "attack to the rebel Front for the Liberation of Osk (FLO-Kira), which it says operates from "
                       "the forests.")
    actors = {p.actor for i in findings.incidents for p in i.perpetrators}
    assert any(actor.endswith("Liberation of Osk") for actor in actors), actors
    assert not any("(" in actor for actor in actors)


def test_fled_and_not_found_is_missing() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on Saturday. A resident said at least four "
                 "passengers had fled into the bush and had not been found by nightfall.")
    assert ("missing", 4, None, "resident") in rows or any(kind == "missing" and low == 4 for kind, low, _, _ in rows)
    assert not any(kind == "displaced" for kind, _, _, _ in rows)


def test_the_same_source_is_the_source_cited_last() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on Saturday. According to a police officer in the "
                 "province, the order was given at a meeting on 5 February. The same source told us that eight "
                 "passengers were taken away alive by the attackers.")
    assert any(kind == "abducted" and low == 8 and "officer" in claimant for kind, low, _, claimant in rows), rows


def test_whose_figures_are_the_owners() -> None:
    rows = _rows("Gunmen stopped a bus near Harlow on Saturday. Nine people were killed according to the "
                 "government's final figures, and eleven were wounded.")
    assert any(kind == "injured" and low == 11 and claimant.lower().startswith("government")
               and "figures" not in claimant for kind, low, _, claimant in rows), rows


def test_a_finding_told_by_someone_else_is_the_tellers() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on Saturday. The local administrator, Mirela "
                 "Dovan, said five passengers were still missing. Search teams had found two survivors hiding in a "
                 "banana plantation on Sunday morning, she said.")
    assert ("survived", 2, 2, "Mirela Dovan") in rows, rows


def test_a_venue_attacked_in_a_town_names_the_town_as_the_scene() -> None:
    assert ("Tembaro", "town") in _places("In May 2025, gunmen threw a grenade into a bar in Tembaro, killing four "
                                          "people.")


def test_a_year_of_deaths_over_an_area_is_an_aggregate() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on Saturday. The Osk League for Human Dignity, a "
                 "local rights group, says it documented 112 violent deaths in the province in 2025.")
    assert all(low != 112 for _, low, _, _ in rows)


def test_a_names_translation_in_brackets_is_nobodys_words() -> None:
    text = ("Gunmen killed nine bus passengers near Harlow on Saturday.\n\nThe Osk-Rugo Front (Kirundi: \"those who "
            "stand\") was founded in exile. The minister said he was \"appalled by the killing\".")
    quotes = {said for _, said in _quotes(text)}
    assert not any(said.startswith("those who") for said in quotes)
    assert any(said.startswith("appalled") for said in quotes)


def test_a_later_harm_word_with_its_own_figure_is_not_shared() -> None:
    rows = _rows("Clashes between supporters of two rival parties at Kisu market left one person dead and about 25 "
                 "injured.")
    assert not any(kind == "injured" and low == 1 for kind, low, _, _ in rows), rows
    assert any(kind == "killed" and low == 1 for kind, low, _, _ in rows)


def test_a_name_before_a_feature_word_is_no_misspelt_site() -> None:
    text = "The attackers withdrew towards the Kibira forest after the attack near Harlow."
    assert not any(m.source == "fuzzy" and m.text == "Kibira" for m in find_places(text))


def test_members_in_a_whose_clause_speak_for_the_body() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on Saturday. The Osk Relief Society, whose volunteers "
                 "counted 23 bodies, blamed the militia.")
    assert ("killed", 23, 23, "Osk Relief Society") in rows, rows


def test_one_more_victim_bringing_the_official_total_gives_the_total_of_that_harm() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on 7 February. On 9 February the government raised "
                 "the toll to 17. One further victim died on 12 February, bringing the official total to 18.")
    assert ("killed", 18, 18, "author") in rows, rows
    assert not any(low == 1 for _, low, _, _ in rows)


def test_the_figure_that_raised_a_toll_is_part_of_it() -> None:
    rows = _rows("Gunmen killed nine bus passengers near Harlow on 7 February. On 9 February the government raised "
                 "the toll to 12 after three wounded passengers died in hospital.")
    assert ("killed", 12, 12, "government") in rows, rows
    assert not any(low == 3 for _, low, _, _ in rows)


def test_the_bare_number_after_a_toll_is_of_the_same_harm() -> None:
    rows = _rows("Gunmen attacked Osk-Rugo village on Saturday. Police have reported that at least 21 people were "
                 "killed on the first day of the fighting; community leaders who have collected bodies told our "
                 "staff that the number could be close to 30.")
    assert ("killed", None, 30, "community leaders") in rows, rows


def test_a_coded_first_actor_of_one_sided_violence_or_a_riot_is_accused() -> None:
    from reckon.extract.accusations import find_coded_accused

    text = ("1. 13/03/2026 – Bangladesh – Chattogram – Rangamati – Kisu bazar\nEvent type: Riots\n"
            "Actors: Rioters (party supporters); Police Forces of Bangladesh\nFatalities: 1\n\n"
            "2. 14/03/2026 – Bangladesh – Chattogram – Bandarban – Velmoka para\nEvent type: Battles\n"
            "Actors: Military Forces of Bangladesh; Osk Hill Army\nFatalities: 2\n\n"
            "3. 15/03/2026 – Bangladesh – Chattogram – Rangamati – Tembaro\nEvent type: Abduction\n"
            "Actors: Unidentified armed group; civilians (NGO workers)\nFatalities: 0\n")
    assert [a.surface for a in find_coded_accused(text)] == ["Rioters", "Unidentified armed group"]
