"""Forms met on the third held-out batch (who did it): a group's name the tagger takes for a
person's, ... (sentences written for these tests, about fictional events and places)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon import extract


def test_he_is_not_a_group_written_as_one() -> None:
    rows = _rows("Bandits killed nine people in Osk on Tuesday.\n\nThe governor blamed the Tesso Vanu militia for "
                 "the attack. The district administrator, Arlo Penn, said Tesso Vanu fighters came from the forest. "
                 "He said seven people had been wounded.")
    assert ("injured", 7, 7, "Arlo Penn") in rows


def test_a_denial_after_a_semicolon_reports_nothing_before_it() -> None:
    rows = _rows("Gunmen killed 12 people at a cattle market in Osk, Mali, on Tuesday; the rebel group denied any role.")
    assert rows == {("killed", 12, 12, "author")}
    headline = extract("Osk: gunmen kill 12 at cattle market; rebel group denies role\n\n"
                       "Gunmen killed 12 people in Osk, Mali, on Tuesday.\n")
    assert {a.claimant.name for i in headline.incidents for a in i.perpetrators} == {"author"}


def test_a_description_of_the_blamed_group_does_not_date_the_blame() -> None:
    findings = extract("Gunmen killed 12 people at a cattle market in Osk, Mali, on Tuesday.\n\nThe police blamed "
                       "the Tesso Vanu, an armed group that has fought the army along the river for years.\n")
    assert "Tesso Vanu" in {a.actor for i in findings.incidents for a in i.perpetrators}


def test_members_of_two_units_are_two_accused() -> None:
    findings = extract("Soldiers of the 9th battalion and members of the presidential guard killed at least 14 "
                       "villagers in Osk, Chad, on 3 May 2024, the group said.\n")
    actors = {a.actor.removeprefix("the ") for i in findings.incidents for a in i.perpetrators}
    assert actors == {"9th battalion", "presidential guard"}


def test_a_name_goes_on_after_for_and_and() -> None:
    rows = _rows("Soldiers killed at least 23 civilians in the village of Osk, Chad, on 9 August 2024, the Centre "
                 "for Rights and Accountability in Velmar (CRAV) said today.\n")
    assert rows == {("killed", 23, None, "Centre for Rights and Accountability in Velmar")}


def test_the_body_on_the_masthead_speaks_as_the_author() -> None:
    rows = _rows("VELMAR RIGHTS CENTRE\n\nVelmar: soldiers executed villagers, inquiry finds\n\n27 August 2024\n\n"
                 "Soldiers killed at least 23 civilians in the village of Osk, Chad, on 9 August 2024, the Velmar "
                 "Rights Centre (VRC) said today.\n")
    assert rows == {("killed", 23, None, "author")}


def test_members_of_a_second_unit_after_a_named_battalion() -> None:
    findings = extract("VELMAR RIGHTS CENTRE\n\n27 August 2024\n\nSoldiers of the 7th Territorial Infantry Battalion "
                       "and members of the presidential guard killed at least 23 civilians in the village of Osk, "
                       "Chad, on 9 August 2024, the Centre for Rights and Accountability in Velmar (CRAV) said today.\n")
    actors = {a.actor.removeprefix("the ") for i in findings.incidents for a in i.perpetrators}
    assert actors == {"7th Territorial Infantry Battalion", "presidential guard"}
    rows = {(str(c.kind), c.min, c.max, c.claimant.name) for i in findings.incidents for c in i.counts}
    assert rows == {("killed", 23, None, "Centre for Rights and Accountability in Velmar")}


def test_an_aside_on_who_they_were_between_figure_and_harm() -> None:
    rows = _rows("Gunmen ambushed a bus on the Osk road on Saturday; 13 people, among them two police officers, "
                 "lost their lives.")
    assert rows == {("killed", 13, 13, "author")}


def test_led_away_in_the_passive_is_abducted() -> None:
    rows = _rows("Three passengers were led away by the attackers in Osk on Saturday.")
    assert rows == {("abducted", 3, 3, "author")}


def test_one_suspect_arrested_is_a_row_of_one() -> None:
    rows = _rows("Gunmen killed nine people in Osk on Saturday. Police arrested a suspect on Sunday.")
    assert ("arrested", 1, 1, "author") in rows


def test_the_place_of_a_role_is_not_the_speaker() -> None:
    quotes = extract("The governor of South Velmar has blamed the Tesso militia \"and its allies\" for the ambush on "
                     "the Osk road on Saturday.\n\nSpeaking in Osk on Sunday, Governor Arlo Penn Mbeki said the attack "
                     "\"bears the signature of Tesso.\"\n").quotes
    assert [q.speaker for q in quotes] == ["Arlo Penn Mbeki", "Arlo Penn Mbeki"]


def test_a_person_named_in_apposition_to_a_role_is_he() -> None:
    rows = _rows("Bandits killed nine people in Osk on Tuesday.\n\nThe governor blamed the Tesso Vanu militia for the "
                 "attack. Gunmen fired on the bus, according to the district administrator of Osk, Arlo Penn Mbeki. "
                 "He said seven people had been wounded.\n")
    assert ("injured", 7, 7, "Arlo Penn Mbeki") in rows


def test_and_said_after_a_that_clause_shares_the_first_verbs_subject() -> None:
    quotes = extract("Soldiers killed 23 villagers in Osk, Chad, on 9 August 2024.\n\nIn a statement on 15 August, "
                     "the army spokesman, Colonel Arlo Penn Mbeki, denied that troops had harmed civilians and said "
                     "the unit had \"neutralised eight terrorists\" in Osk.\n").quotes
    assert [q.speaker for q in quotes] == ["Arlo Penn Mbeki"]


def test_a_relative_clause_on_the_speaker_after_the_quote() -> None:
    quotes = extract("Soldiers killed 23 villagers in Osk, Chad, on 9 August 2024.\n\n\"The soldiers accused everyone "
                     "of feeding the rebels,\" Clarisse N., whose husband and son were killed, told VRC.\n").quotes
    assert [q.speaker for q in quotes] == ["Clarisse N."]


def test_he_who_blames_is_the_person_he_stands_for() -> None:
    findings = extract("Gunmen killed nine fishermen on Osk island, Chad, on Thursday.\n\nThe governor, Arlo Penn Mbeki, "
                       "said seven wounded villagers had been brought to hospital. He blamed the Tesso Vanu, an armed "
                       "group that has raided fishing camps since 2019.\n")
    blamers = {a.claimant.name for i in findings.incidents for a in i.perpetrators if a.actor == "Tesso Vanu"}
    assert blamers == {"Arlo Penn Mbeki"}


def test_a_titled_name_in_apposition_to_a_role_keeps_its_person() -> None:
    findings = extract("Militiamen killed 26 people in Osk, Chad, on Monday.\n\nThe assailants stormed the camp late on "
                       "Monday, according to the army spokesman in Velmar, Lieutenant Arlo Penn Mbeki.\n")
    blamers = {a.claimant.name for i in findings.incidents for a in i.perpetrators if a.actor == "the assailants"}
    assert blamers == {"Arlo Penn Mbeki"}


def test_bare_soldiers_are_the_unit_the_text_says_they_belong_to() -> None:
    findings = extract("VELMAR RIGHTS CENTRE\n\nChad: soldiers executed villagers in Osk, inquiry finds\n\n27 August 2024"
                       "\n\nSoldiers of the 7th Territorial Infantry Battalion killed at least 23 civilians in the village "
                       "of Osk, Chad, on 9 August 2024, the Velmar Rights Centre said today. Fourteen more were wounded, "
                       "and the troops took away five young men.\n")
    assert {a.actor for i in findings.incidents for a in i.perpetrators} == {"7th Territorial Infantry Battalion"}


def test_a_participle_after_a_comma_and_a_noun_is_a_verb() -> None:
    quotes = extract("Gunmen killed 12 people in Osk, Mali, on Tuesday.\n\nThe police blamed the Tesso Vanu. A spokesman "
                     "for the Tesso Vanu rejected the accusation, saying its fighters \"do not spill the blood of "
                     "believers.\"\n").quotes
    assert [q.speaker for q in quotes] == ["spokesman for the Tesso Vanu"]


def test_the_groups_spokesman_speaks_for_the_group_named_before() -> None:
    quotes = extract("Gunmen killed 12 people in Osk, Mali, on Tuesday.\n\nThe police blamed the Tesso Vanu, an armed "
                     "group active along the river. The group's spokesman said its fighters \"do not spill the blood "
                     "of believers.\"\n").quotes
    assert [q.speaker for q in quotes] == ["spokesman for Tesso Vanu"]
