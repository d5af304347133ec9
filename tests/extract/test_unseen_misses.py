"""Forms met on held-out documents and missed there: a total with its breakdown set off by
commas, "went missing", carrying people off, the captives who got away, counted attackers,
a dateline of a town no gazetteer knows (sentences written for these tests, about
fictional events and places)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon import extract


def _actors(text: str) -> set[str]:
    return {a.actor for i in extract(text).incidents for a in i.perpetrators}


def _incidents(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.date, i.place.name if i.place else None, i.place.country if i.place else None)
            for i in extract(text).incidents]


# 1. A total with its breakdown between commas: the breakdown is no row, the total is.

def test_total_with_breakdown_aside_in_a_where_clause() -> None:
    rows = _rows("The council condemned the raid on Pelvo, a hamlet east of the dam, where more than 50 people, "
                 "11 of them women, were killed on Monday.")
    assert ("killed", 51, None, "author") in rows
    assert not any(row[1] == 11 for row in rows)


def test_total_with_breakdown_aside_before_an_intransitive_verb() -> None:
    rows = _rows("The shelling of Kirrow, where over 25 residents, six of whom were elderly, died, drew protests.")
    assert ("killed", 26, None, "author") in rows
    assert not any(row[1] == 6 for row in rows)


def test_total_with_breakdown_aside_of_another_kind() -> None:
    rows = _rows("Near Ossamo, about 40 travellers, nine of them pupils, were abducted from two buses.")
    assert ("abducted", 40, 40, "author") in rows
    assert not any(row[1] == 9 for row in rows)


def test_breakdown_aside_with_no_harm_after_it_is_no_row() -> None:
    assert not _rows("In Pelvo, more than 50 people, 11 of them women, were gathered at the well.")


def test_clinic_in_a_neighbouring_village_is_no_scene() -> None:
    found = _incidents("Militiamen stormed Hallouma on Friday, and more than 30 people, eight of them children, were "
                       "killed. Health workers at a clinic in the nearby village of Sereme treated about 90 wounded.")
    assert [place for _, place, _ in found] == ["Hallouma"]
    found = _incidents("Gunmen stormed Taboula, killing 14. Doctors at a health centre in the town of Kerri treated "
                       "22 wounded.")
    assert [place for _, place, _ in found] == ["Taboula"]


# 2. Going missing, staying missing, unaccounted for: kind missing.

def test_went_missing_after_a_toll() -> None:
    rows = _rows("Three rangers were killed and five others went missing after the ambush near Kolmar.")
    assert {("killed", 3, 3, "author"), ("missing", 5, 5, "author")} <= rows


def test_dozens_went_missing() -> None:
    assert ("missing", 24, None, "author") in _rows("Dozens of herders went missing during the raid on Sabbe-Nore.")
    assert ("missing", 12, 12, "author") in _rows("Twelve pupils have gone missing since gunmen raided Orri on Monday.")


def test_missing_since_and_unaccounted_for() -> None:
    assert ("missing", 18, 18, "Relatives") in _rows(
        "Relatives said 18 fishermen have been missing since the raid on Kessa Point on 2 June.")
    assert ("missing", 7, None, "author") in _rows(
        "Four guards died in the attack on Marro depot, while at least seven workers remain unaccounted for.")


def test_missing_words_without_harmed_people_are_no_rows() -> None:
    assert not _rows("Two reports on the raid in Tobbe went missing from the archive.")
    assert not _rows("Three weeks after the raid on Tobbe, nothing has been heard of the missing archive.")


def test_missing_since_a_month_is_how_long_not_a_tally() -> None:
    assert ("missing", 11, 11, "families") in _rows(
        "Eleven fishermen from Dovra Point have been missing since April, their families said.")
    assert ("missing", 6, 6, "author") in _rows("Six guards have been unaccounted for since the start of the siege of Omba.")
    assert not _rows("At least 40 people have been killed since April in the district of Ollo.")


# 3. Carrying people off is abduction, and whoever does it is accused.

def test_made_off_with_people_is_abduction_by_its_subject() -> None:
    text = "Gunmen made off with 14 travellers near Karsi on Sunday."
    assert ("abducted", 14, 14, "author") in _rows(text)
    assert "Gunmen" in _actors(text)
    assert ("abducted", 6, 6, "author") in _rows("Armed men made away with six farm workers outside Dobbo.")


def test_made_off_with_goods_is_no_row() -> None:
    assert not _rows("Thieves made off with 30 goats from a farm near Dobbo.")
    assert not _rows("The gang made off with 12 motorcycles near Dobbo.")


def test_taking_people_with_them_is_abduction() -> None:
    rows = _rows("The raiders looted the shops of Woro and left at first light, taking with them nine girls whose "
                 "families have heard nothing since.")
    assert ("abducted", 9, 9, "author") in rows
    assert ("abducted", 5, 5, "author") in _rows("Rebels looted the clinic at Fenna, taking five nurses with them.")
    assert not _rows("The relief workers reached Fenna, taking with them 40 sacks of grain.")


def test_bandits_who_carry_off_people_are_accused() -> None:
    text = "Bandits carried off 33 villagers from Dangori on Tuesday night."
    assert ("abducted", 33, 33, "author") in _rows(text)
    assert "Bandits" in _actors(text)
    assert "Bandits" in _actors("Bandits whisked away eight pupils from their dormitory in Kelle.")


def test_herding_people_into_the_bush_accuses_the_herders() -> None:
    text = "Militants herded 23 farmers into the bush outside Garroua."
    assert ("abducted", 23, 23, "author") in _rows(text)
    assert "Militants" in _actors(text)
    assert not _actors("Thousands marched to the square in Garroua, where two people were later killed.")


# 4. Captives who got away or were let go survived.

def test_managed_to_escape_is_survived() -> None:
    rows = _rows("Three hostages managed to escape from the rebel camp near Tumbe.")
    assert ("survived", 3, 3, "author") in rows
    assert not any(row[0] == "abducted" for row in rows)


def test_captives_who_managed_to_flee_survived() -> None:
    rows = _rows("Gunmen seized 25 traders near Ossobe on Monday. Nine of the captives managed to flee on Thursday, "
                 "police said.")
    assert {("abducted", 25, 25, "author"), ("survived", 9, 9, "police")} <= rows
    assert ("survived", 4, 4, "author") in _rows("Four of the kidnapped girls managed to flee from their captors in Rallo.")


def test_residents_who_managed_to_flee_are_displaced() -> None:
    rows = _rows("Raiders burned the village of Kessu, and some 600 residents managed to flee to the town of Arra.")
    assert ("displaced", 600, 600, "author") in rows


def test_freed_and_released_later_survived() -> None:
    rows = _rows("Bandits abducted 31 worshippers from a church in Gamma on 3 May. Nineteen were freed a week "
                 "later, and 12 were released on Sunday after a ransom was paid.")
    assert {("abducted", 31, 31, "author"), ("survived", 19, 19, "author"), ("survived", 12, 12, "author")} <= rows


def test_trying_to_escape_is_no_survival() -> None:
    assert not any(row[0] == "survived" for row in _rows(
        "Five hostages tried to escape from the camp near Tumbe but were caught."))


# 5. Descriptions of the same attackers are one accused.

def test_counted_attackers_are_the_armed_men_already_named() -> None:
    actors = _actors("The 2021 Sabbo raid was an attack by armed men on Sabbo, a village in the hills. That night, "
                     "some thirty attackers on horseback surrounded the village and killed 17 people.")
    assert {a.lower() for a in actors} == {"armed men"}


def test_headline_description_gives_way_to_the_body() -> None:
    actors = _actors("Gunmen kill nine in Dorra\n\nArmed men killed nine traders at the market in Dorra on Friday. "
                     "The assailants fled on motorcycles.")
    assert {a.lower() for a in actors} == {"armed men"}


def test_descriptions_of_different_kinds_stay_apart() -> None:
    actors = _actors("Gunmen killed six herders near Dorra on Friday, and soldiers shot dead two of the herders' "
                     "relatives at a checkpoint.")
    assert {"Gunmen", "soldiers"} <= actors


def test_a_named_group_still_outranks_descriptions() -> None:
    actors = _actors("Fighters of the Velmar Front stormed Dorra on Friday and killed 12 people. The attackers "
                     "left at dawn.")
    assert actors == {"Velmar Front"}


def test_descriptions_from_different_claimants_stay_apart() -> None:
    actors = _actors("Armed men killed 11 villagers in Sorra on Friday, the governor said. Survivors told "
                     "reporters that the attackers wore army uniforms.")
    assert {"Armed men"} <= actors
    actors = {a.lower() for a in _actors("Gunmen killed 11 villagers in Sorra on Friday. Some twenty attackers "
                                         "arrived on foot.")}
    assert actors == {"gunmen"}


# 6. A dateline's town, when the story says the harm happened there.

def test_dateline_town_and_country_when_the_story_happens_in_the_town() -> None:
    found = _incidents("MBOLETA, Ethiopia, 4 March 2024 — Gunmen killed 12 farmers in the town on Sunday, "
                       "officials said.")
    assert found == [("2024-03-03", "Mboleta", "ET")]


def test_dateline_town_of_a_wire_report_here() -> None:
    found = _incidents("KOBRA-WELLE, March 4 (Velmar Wire) — At least nine people were killed when gunmen attacked "
                       "a market here on Sunday.")
    assert [(place, country) for _, place, country in found] == [("Kobra-Welle", None)]
    found = _incidents("GHENDARA, Pakistan, March 4 (Agency) - Militants killed seven policemen at a checkpoint "
                       "near the town on Sunday.")
    assert [(place, country) for _, place, country in found] == [("Ghendara", "PK")]


def test_dateline_town_gives_way_to_the_place_the_story_names() -> None:
    found = _incidents("TOLIKA, Kenya, 4 March 2024 — Police killed four protesters in Mombasa on Sunday.")
    assert [place for _, place, _ in found] == ["Mombasa"]
    found = _incidents("DORVALE, Ethiopia, 4 March 2024 — Gunmen killed 12 farmers in the far north of the country "
                       "on Sunday, officials said.")
    assert [place for _, place, _ in found] != ["Dorvale"]


def test_captives_freed_later_in_the_same_sentence_survived() -> None:
    rows = _rows("On 2 May, bandits seized six herders near Tollo; they were released a week later after their "
                 "families paid a ransom.")
    assert {("abducted", 6, 6, "author"), ("survived", 6, 6, "author")} <= rows
    rows = _rows("Gunmen kidnapped 14 passengers on the Tollo road, and all of them were freed by soldiers on Friday.")
    assert {("abducted", 14, 14, "author"), ("survived", 14, 14, "author")} <= rows


def test_captives_not_yet_freed_did_not_survive() -> None:
    rows = _rows("Bandits seized six herders near Tollo on 2 May; they have not been released.")
    assert ("abducted", 6, 6, "author") in rows
    assert not any(row[0] == "survived" for row in rows)


def test_one_person_named_by_a_rural_role_is_one() -> None:
    assert ("killed", 1, 1, "author") in _rows("Gunmen shot dead a vigilante near Borri on Tuesday.")
    assert ("abducted", 1, 1, "author") in _rows("Bandits abducted a ranger at the gate of Ollo reserve on Friday.")
    assert not _rows("A vigilante in Borri said the gunmen came at night.")


def test_the_place_people_were_carried_off_from_is_the_scene() -> None:
    found = _incidents("Bandits carried off 33 villagers from Dangori on Tuesday night.")
    assert [place for _, place, _ in found] == ["Dangori"]
    found = _incidents("Gunmen made off with nine travellers from Kessu on Monday night.")
    assert [place for _, place, _ in found] == ["Kessu"]


def test_unknown_whereabouts_and_listed_missing_are_missing() -> None:
    assert ("missing", 12, 12, "author") in _rows(
        "The whereabouts of 12 other herders remain unknown after the raid on Sallo.")
    assert ("missing", 14, 14, "author") in _rows("Another 14 villagers are listed as missing after the raid on Sallo.")
    assert ("missing", 5, 5, "author") in _rows("Five guards were reported missing after the ambush near Sallo.")
    assert not _rows("Soldiers established the whereabouts of 12 herders after the raid on Sallo.")


def test_what_an_active_verb_does_to_hostages_is_the_kind() -> None:
    assert ("survived", 30, 30, "author") in _rows("Soldiers rescued 30 hostages from a camp near Ossa on Friday.")
    assert ("survived", 8, 8, "author") in _rows("The kidnappers freed eight captives near Ossa on Monday.")
    rows = _rows("The gunmen killed five hostages in Ossa on Sunday.")
    assert ("killed", 5, 5, "author") in rows and not any(row[0] == "abducted" for row in rows)
    assert ("abducted", 7, 7, "author") in _rows("The gunmen took seven hostages in Ossa on Sunday.")


def test_snatching_people_and_taking_them_into_the_forest_abducts() -> None:
    text = "Gunmen snatched 12 pupils from a school in Ossa on Monday."
    assert ("abducted", 12, 12, "author") in _rows(text)
    assert "Gunmen" in _actors(text)
    text = "Bandits took 23 villagers into the forest near Ossa on Monday."
    assert ("abducted", 23, 23, "author") in _rows(text)
    assert "Bandits" in _actors(text)
    assert not _rows("Medics took 23 villagers to the hospital in Ossa on Monday.")


def test_the_bodies_of_people_found_are_killed() -> None:
    assert ("killed", 14, 14, "author") in _rows("The bodies of 14 people were found in Kessa-Woro after the raid.")
    assert ("killed", 6, 6, "author") in _rows("Police recovered the bodies of six herders near Kessa-Woro on Friday.")
    assert not _rows("A court ordered autopsies on the bodies of 14 people in Kessa-Woro.")


def test_an_increment_that_brings_a_toll_to_a_total_is_no_row() -> None:
    rows = _rows("Nurses said searchers recovered the bodies of three herders near Kessa-Woro on Friday, raising "
                 "the toll to 19.")
    assert ("killed", 19, 19, "Nurses") in rows and not any(row[1] == 3 for row in rows)
    rows = _rows("Two of the wounded died overnight in Kessa-Woro, raising the death toll to 12.")
    assert ("killed", 12, 12, "author") in rows and not any(row[1] == 2 for row in rows)
    rows = _rows("Gunmen killed 9 people in Kessa-Woro on Monday, and two more died on Tuesday, bringing the toll to 11.")
    assert {("killed", 9, 9, "author"), ("killed", 11, 11, "author")} <= rows


# Who the attackers are said to be.

def test_attackers_suspected_to_be_members_of_a_group_name_the_group() -> None:
    actors = _actors("Gunmen suspected to be members of the Orrin Brotherhood killed 12 people in Sallo on Sunday.")
    assert "Orrin Brotherhood" in actors
    actors = _actors("Police said the attackers, believed to be fighters of the Orrin Brotherhood, killed 12 people "
                     "in Sallo.")
    assert "Orrin Brotherhood" in actors


def test_attackers_linked_to_a_group_name_the_group() -> None:
    assert "Orrin Brotherhood" in _actors("Jihadists linked to the Orrin Brotherhood killed 12 people in Sallo on Sunday.")
    assert "Orrin Brotherhood" in _actors("Militiamen loyal to the Orrin Brotherhood stormed Sallo, killing nine.")


def test_victims_linked_to_a_group_accuse_no_one() -> None:
    assert "Orrin Brotherhood" not in _actors(
        "Soldiers killed 12 villagers suspected to be members of the Orrin Brotherhood in Sallo on Sunday.")
    assert "Orrin Brotherhood" not in _actors(
        "Gunmen killed 12 people in Sallo on Sunday. Four men believed to be members of the Orrin Brotherhood "
        "were arrested on Monday.")


def test_suspected_doers_are_accused_as_described() -> None:
    assert "Suspected herders" in _actors("Suspected herders killed 12 farmers in Ungwan Sallo on Sunday.")
    assert "cattle rustlers" in {a.lower() for a in _actors("Cattle rustlers killed four herders near Sallo on Friday.")}
    assert not _actors("Twelve suspected herders were killed in Ungwan Sallo on Sunday.")


def test_claimed_the_lives_of_people_is_killed() -> None:
    assert ("killed", 12, 12, "author") in _rows("The raid claimed the lives of 12 villagers in Sallo.")
    assert ("killed", 31, None, "author") in _rows("The blast cost the lives of more than 30 traders at Sallo market.")


def test_people_still_held_by_captors_are_missing() -> None:
    assert ("missing", 12, 12, "author") in _rows(
        "Twelve passengers are being held by the kidnappers in the forest near Sallo.")
    assert ("missing", 7, 7, "school") in _rows("Seven of the pupils are still being held, the school said.")
    assert ("missing", 5, 5, "author") in _rows("Five of the 19 pupils seized in Sallo are still being held.")
    assert not any(row[0] == "missing" for row in _rows("Twelve suspects are being held by police in Sallo."))


def test_whereabouts_of_the_remaining_unknown() -> None:
    rows = _rows("Three guards went missing during the raid on Sallo depot and the whereabouts of the remaining 15 "
                 "are unknown.")
    assert {("missing", 3, 3, "author"), ("missing", 15, 15, "author")} <= rows


def test_dateline_town_with_a_clinic_elsewhere() -> None:
    found = _incidents("DORSAMO, Ethiopia, 12 April 2025 (Wire) — More than 40 people were killed when gunmen "
                       "attacked this farming town on Thursday night, officials said.\n\nA clinic in the nearby town "
                       "of Waldiya-Kore treated 31 wounded.")
    assert [(place, country) for _, place, country in found] == [("Dorsamo", "ET")]


def test_a_counted_force_is_the_attackers_whoever_describes_them() -> None:
    actors = {a.lower() for a in _actors(
        "Twelve people were killed when gunmen attacked Sallo on Friday, officials said. Some twenty attackers "
        "on horseback surrounded the market.")}
    assert actors == {"gunmen"}


def test_captives_taken_last_month_and_freed_now_survived() -> None:
    rows = _rows("Fourteen traders abducted from a market in Sallo last month were released on Sunday, police said.")
    assert ("survived", 14, 14, "police") in rows
    assert not _rows("Bandits killed more than 300 people across the region last month.")


def test_a_country_possessive_is_no_town_name() -> None:
    found = _incidents("Gunmen kill 12 in Ethiopia's Amhara\n\nDORSAMO, Ethiopia, 12 April 2025 (Wire) — Gunmen killed "
                       "12 people in this market town on Thursday, officials said.")
    assert [place for _, place, _ in found] == ["Dorsamo"]


def test_an_abduction_dated_last_month_sums_nothing_for_the_rest_of_the_sentence() -> None:
    rows = _rows("Nineteen pupils abducted from their school in Sallo last month were released on Sunday, police said, "
                 "but six others remain unaccounted for.")
    assert {("survived", 19, 19, "police"), ("missing", 6, 6, "police")} <= rows
