"""Counts and their claimants: forms met on held-out batches 8 and 9, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from conftest import count_rows as _rows


def test_a_title_case_masthead_over_a_menu_is_the_issuer() -> None:
    from reckon.extract.issuer import masthead

    assert masthead("Ostrava Civilian Protection Monitor\nHome | Reports | About | Donate\n\nSTATEMENT\n") \
        == "Ostrava Civilian Protection Monitor"
    assert masthead("Korvel District Police Service\nNews Releases\n\nUPDATE 2: Shooting\n") \
        == "Korvel District Police Service"
    # a headline in title case over a date is no masthead
    assert masthead("Bomb Blast Hits Market\nTuesday, 4 May 2026\n\nA bomb ...") is None
    rows = _rows("Ostrava Civilian Protection Monitor\nHome | Reports | Statements | About | Donate\n\nSTATEMENT\n\n"
                 "The Ostrava Civilian Protection Monitor (OCPM) has documented the deaths of 19 civilians in the "
                 "bombing of a bus station in Dunmarsh, Kosovo, on 3 May 2026.\n")
    assert rows == {("killed", 19, 19, "author")}


def test_a_body_whose_name_holds_and_is_one_claimant() -> None:
    rows = _rows("Soldiers shot dead at least 12 protesters in Dunmarsh, Kosovo, on 3 May 2026, the Ostrava Peace "
                 "and Justice Monitor (OPJM) said on Friday.\n")
    assert rows == {("killed", 12, None, "Ostrava Peace and Justice Monitor")}


def test_sources_described_together_are_one_claimant_as_written() -> None:
    rows = _rows("A bomb exploded at a market in Dunmarsh, Kosovo, on 3 May 2026, killing at least nine people, "
                 "police and hospital officials said.\n")
    assert rows == {("killed", 9, None, "police and hospital officials")}
    # two sources each with its own article stay two
    rows = _rows("The mayor and the governor said at least nine people were killed when a bomb exploded at a market "
                 "in Dunmarsh, Kosovo, on 3 May 2026.\n")
    assert rows == {("killed", 9, None, "mayor"), ("killed", 9, None, "governor")}


def test_bare_police_after_a_named_force_is_that_force() -> None:
    from reckon.extract.police_body import named_police

    text = ("A gunman killed four people at a curling club in Dunmarsh, Ontario, on 3 May 2026, the Korvel "
            "District Police Service said.\n\nPolice have said 12 people were injured.\n")
    assert _rows(text) == {("killed", 4, 4, "Korvel District Police Service"),
                           ("injured", 12, 12, "Korvel District Police Service")}
    # a rank before "Police" names no force
    assert named_police("Chief of Police Ann Roe said. Deputy Police Commissioner Ivo Marr said.", "police", 60) is None
    assert named_police("The Dunmarsh Police said. Police added.", "Police", 30) == "Dunmarsh Police"
    # a station is a building, not a force
    assert named_police("He was held at Osk Central Police Station. Police said.", "Police", 50) is None


def test_a_reporting_clause_after_a_semicolon_reports_nothing_before_it() -> None:
    rows = _rows("On 30 May 2026, a man shot dead two employees at a bar in Westmarch, Ontario; police said there "
                 "was no link between the two attacks.\n")
    assert rows == {("killed", 2, 2, "author")}


def test_the_active_subject_of_a_harm_verb_with_an_object_is_no_victim() -> None:
    rows = _rows("On 30 May 2026, a man shot dead two employees at a bar in Westmarch, Ontario.\n")
    assert ("killed", 1, 1, "author") not in rows
    # one who loses their own life is harmed
    assert _rows("On 30 May 2026, a guard lost his life at a bar in Westmarch, Ontario.\n") \
        == {("killed", 1, 1, "author")}


def test_a_figure_the_speaker_rejects_is_no_row() -> None:
    rows = _rows("A gunman killed eight people at a curling club in Dunmarsh, Ontario, on 3 May 2026.\n\n"
                 "Ivo Marr, the club president, said he counts nine dead, not eight.\n")
    assert rows == {("killed", 8, 8, "author"), ("killed", 9, 9, "Ivo Marr")}


def test_deceased_people_are_killed_and_earlier_updates_are_the_author() -> None:
    rows = _rows("Korvel District Police Service\nNews Releases\n\nOn Saturday, March 21, 2026, a man opened fire "
                 "at the Dunmarsh Curling Club in Dunmarsh, Ontario.\n\nSeven people have been confirmed deceased. "
                 "Six were pronounced deceased at the scene and one person died overnight at Dunmarsh General "
                 "Hospital. Earlier updates reported six deaths; that number has now been revised.\n")
    # the six and the one of one sentence are a breakdown of the seven; the earlier six is a row
    assert rows == {("killed", 7, 7, "author"), ("killed", 6, 6, "author")}


def test_two_groups_each_with_its_own_head_stay_two_claimants() -> None:
    rows = _rows("Raiders killed at least seven people at a cattle camp in Osk, South Sudan, on Sunday, local "
                 "officials and residents said.\n")
    assert rows == {("killed", 7, None, "local officials"), ("killed", 7, None, "residents")}


def test_every_figure_of_a_list_included_opens_is_a_part() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on Friday 17 April 2026. Health officials said 14 "
                 "people had been killed and 52 wounded. The dead included five children and three members of "
                 "the volunteer corps.\n")
    assert rows == {("killed", 14, 14, "Health officials"), ("injured", 52, 52, "Health officials")}


def test_victims_a_source_is_counting_in_are_a_part_of_its_toll() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026.\n\nCommunity leaders in Osk said "
                 "17 people had died, counting two victims whose families buried them across the border.\n")
    assert rows == {("killed", 17, 17, "Community leaders")}


def test_a_tally_up_to_a_year_or_over_half_a_year_is_an_aggregate() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026, killing four people.\n\nThe "
                 "insurgency resumed in 2004 and had killed more than 7,300 people by 2026. Attacks by armed groups "
                 "killed or wounded more than 1,100 civilians in the first half of 2026 alone.\n")
    assert rows == {("killed", 4, 4, "author")}


def test_a_part_of_the_same_harm_taken_out_of_a_figure_is_no_row() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026.\n\nIn a statement the police said "
                 "that two of the three people they acknowledged had died were hit by stones.\n")
    assert {r[1] for r in rows} == {3}


def test_a_toll_raised_later_is_the_same_sources_toll() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026.\n\nThe Osk provincial office gave "
                 "an initial toll of seven dead on the night of the attack, raised to nine by the following morning.\n")
    assert {(r[0], r[1]) for r in rows} == {("killed", 7), ("killed", 9)}
    assert len({r[3] for r in rows}) == 1


def test_release_from_custody_is_no_survival_and_a_charge_no_toll() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026.\n\nTwenty-three people were "
                 "detained under martial law in the week after the bombing, according to the Osk Legal Aid "
                 "Collective; 19 of them were released without charge.\n")
    assert rows == {("arrested", 23, 23, "Osk Legal Aid Collective")}
    # hostages released are survivors
    rows = _rows("Gunmen abducted 40 passengers from a bus near Osk, Nigeria, on 17 April 2026.\n\n"
                 "Twelve of the passengers were released on Sunday.\n")
    assert ("survived", 12, 12, "author") in rows
    rows = _rows("A bomb killed nine people at a market in Osk, Thailand, on 17 April 2026.\n\nIn October 2026 four "
                 "men were charged with murder and terrorism offences.\n")
    assert rows == {("killed", 9, 9, "author")}


def test_a_figure_after_the_clause_an_including_list_sits_in_is_its_own() -> None:
    rows = _rows("Jets bombed a monastery in the village of Osk, Myanmar, on 19 October 2025. At least 31 civilians, "
                 "among them 12 children, perished, and more than 50 were maimed.\n")
    assert ("injured", 51, None, "author") in rows


_STORY = "Gunmen attacked a school in Osk, Nigeria, on 3 May 2026.\n\n"


def test_who_gave_a_figure_in_a_relative_clause_claims_it() -> None:
    rows = _rows(_STORY + "The toll is higher than the figure of 24 dead that the state authorities have given "
                 "since the weekend.\n")
    assert rows == {("killed", 24, 24, "state authorities")}


def test_a_figure_counted_by_a_source_is_that_sources() -> None:
    rows = _rows(_STORY + "The Osk General Hospital said it had treated 14 people, a higher figure than the 13 injured "
                 "counted by the Osk Relief Committee.\n")
    assert ("injured", 13, 13, "Osk Relief Committee") in rows


def test_an_account_named_for_its_source_and_a_relative_pronoun_stand_for_the_source() -> None:
    rows = _rows(_STORY + "The findings contradict the army account, which puts the toll at three.\n")
    assert {r[3] for r in rows} != {"press reports"} and len(rows) == 1
    rows = _rows(_STORY + "The Osk Front, which says 27 people were killed, has accused the militia of joining the "
                 "attack.\n")
    assert rows == {("killed", 27, 27, "Osk Front")}


def test_reports_a_participle_describes_make_the_claim() -> None:
    rows = _rows(_STORY + "The Police have noted false reports circulating on some websites claiming that \"more than "
                 "20 people were shot dead by police\" at Osk.\n")
    assert rows == {("killed", 21, None, "press reports")}


def test_our_chairman_is_a_person_apart_from_the_body() -> None:
    assert _rows(_STORY + "Five people were killed there, our provincial chairman says.\n") \
        == {("killed", 5, 5, "provincial chairman")}
    assert _rows(_STORY + "Our officials counted 16 dead.\n") == {("killed", 16, 16, "author")}


def test_a_number_in_words_and_digits_counts_its_noun() -> None:
    assert _rows(_STORY + "A total of one hundred and twelve (112) suspects have been arrested.\n") \
        == {("arrested", 112, 112, "author")}


def test_a_qualified_role_is_not_a_person_with_another_qualifier() -> None:
    rows = _rows(_STORY + "Five people were killed there, our provincial chairman says.\n\nThe same gang abducted our "
                 "ward chairman, Comrade Ivo Marr, from his home in July.\n")
    assert ("killed", 5, 5, "provincial chairman") in rows


def test_websites_are_unnamed_media() -> None:
    rows = _rows(_STORY + "The Police have noted with concern false reports circulating on some online platforms "
                 "and foreign-based websites claiming that \"more than 20 people were shot dead by police\" at Osk.\n")
    assert rows == {("killed", 21, None, "press reports")}


def test_an_accusation_of_killing_is_still_a_toll() -> None:
    assert _rows("Residents accused soldiers of killing 12 herders in Osk, Nigeria, on 3 May 2026.\n") \
        == {("killed", 12, 12, "Residents")}


def test_who_reached_a_source_is_not_the_source() -> None:
    rows = _rows("OSK RIGHTS MONITOR\n\nSTATEMENT\n\nSoldiers killed 12 people in Osk, Zimbabwe, on 3 May 2026, the Osk "
                 "Rights Monitor (ORM) said today.\n\nAt least 63 people were treated for gunshot wounds at the "
                 "district hospital, according to health workers ORM spoke to.\n")
    assert rows == {("killed", 12, 12, "author"), ("injured", 63, None, "health workers")}


def test_people_charged_with_murder_are_no_toll() -> None:
    rows = _rows("A bomb killed nine people at a market in Osk, Thailand, on 17 April 2026.\n\nFour men were later "
                 "charged with murder and terrorism offences, and in October 2026 a court in Osk convicted two of "
                 "them and sentenced them to death.\n")
    assert rows == {("killed", 9, 9, "author")}


def test_one_person_suffering_a_wound_or_added_to_a_toll_is_a_row() -> None:
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026.\n\nIn addition, a constable "
                 "suffered a gunshot wound to the leg while entering the building.\n")
    assert rows == {("injured", 1, 1, "author")}
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026.\n\nTwelve people were injured, "
                 "plus a police constable who was shot in the leg.\n")
    assert rows == {("injured", 12, 12, "author"), ("injured", 1, 1, "author")}


def test_the_attacker_arrested_is_one_arrest_and_nothing_else() -> None:
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026, killing eight people. The gunman "
                 "was arrested at the scene.\n")
    assert rows == {("killed", 8, 8, "author"), ("arrested", 1, 1, "author")}
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026, killing eight people. The gunman "
                 "was shot dead by officers.\n")
    assert rows == {("killed", 8, 8, "author")}


def test_a_clause_parsed_as_an_adverbial_before_a_semicolon_is_not_reported() -> None:
    rows = _rows("Two months after the Dunmore Bend shooting, on 30 May 2026, a man shot dead two employees at a bar in "
                 "Westmarch, Ontario; police said there was no link between the two attacks.[8]\n")
    assert rows == {("killed", 2, 2, "author")}


def test_headlines_under_a_related_heading_are_dropped_with_it() -> None:
    from reckon.ingest.boilerplate import clean_text

    text = ("The region has seen violence for decades.\n\nRelated:\n- Two detained at border checkpoint after Osk "
            "blast\n- Peace talks: what happens next?\n\n© 2026 Osk Broadcasting.")
    assert "Two detained" not in clean_text(text)
    assert "violence for decades" in clean_text(text)


def test_a_body_that_lost_some_of_its_own_people_counts_their_deaths() -> None:
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026.\n\n\"Last night our community lost "
                 "seven of its members in an act of senseless violence,\" said Chief Ann Roe.\n")
    assert rows == {("killed", 7, 7, "Ann Roe")}


def test_a_relative_of_one_person_is_no_count() -> None:
    rows = _rows("A bomb hit a school in Osk, Afghanistan, on 10 September 2026, killing 31 people. Four students "
                 "remain unaccounted for.\n\n\"We have not found her,\" the mother of one missing 17-year-old told us.\n")
    assert rows == {("killed", 31, 31, "author"), ("missing", 4, 4, "author")}


def test_last_month_dates_a_killing_on_one_road() -> None:
    rows = _rows("A bomb killed nine people at a night market in Osk, Thailand, on 17 April 2026.\n\nOsk has been hit "
                 "before. Last month, two rangers guarding a school were shot dead by gunmen on a motorcycle on the "
                 "road outside the village.\n")
    assert ("killed", 2, 2, "author") in rows


def test_one_person_whose_death_a_relative_clause_tells_is_a_row() -> None:
    rows = _rows("Gunmen attacked a school in Osk, Zimbabwe, on 3 May 2026.\n\nOn 24 August 2026 a group of youths "
                 "barricaded the mine gate and assaulted a security guard, Mr Ivo Marr (43), who later died in "
                 "hospital.\n")
    assert ("killed", 1, 1, "author") in rows


def test_a_quotation_inside_a_quotation_is_its_own_sources_claim() -> None:
    rows = _rows("Soldiers killed 27 people in Osk, Zimbabwe, on 8 September 2026.\n\n\"We have counted our dead one "
                 "by one,\" Advocate Ivo Marr said. \"When the army tells the nation 'three people died', they are "
                 "spitting on the graves of our people.\"\n")
    assert not any(r[1] == 3 and r[3].endswith("Ivo Marr") for r in rows) and len(rows) == 2
    # a figure in the quotation itself stays the speaker's
    rows = _rows("Soldiers attacked Osk, Zimbabwe, on 8 September 2026.\n\n\"They killed 27 of our people,\" "
                 "Advocate Ivo Marr said.\n")
    assert any(r[:3] == ("killed", 27, 27) and r[3].endswith("Ivo Marr") for r in rows)


def test_bare_police_with_no_named_force_stay_police_as_written() -> None:
    rows = _rows("A bomb exploded at a bus terminal in the southern Philippine town of Maravel on 19 October 2019, "
                 "killing at least nine people, police said.\n")
    assert rows == {("killed", 9, None, "police")}


def test_the_toll_a_rise_started_from_is_the_same_sources_earlier_toll() -> None:
    rows = _rows(_STORY + "The death toll from the attack has risen to 31, the emergency agency said on Wednesday, up "
                 "from 24 a day earlier.\n")
    assert rows == {("killed", 31, 31, "emergency agency"), ("killed", 24, 24, "emergency agency")}


def test_a_tally_by_a_named_outlet_is_that_outlets() -> None:
    rows = _rows(_STORY + "The attack left 11 dead, according to a tally by the Osk Herald.\n")
    assert rows == {("killed", 11, 11, "Osk Herald")}


def test_a_bare_figure_a_second_source_said_is_its_toll() -> None:
    rows = _rows(_STORY + "Police and residents gave different tolls: police said 6 were killed, while residents "
                 "said 15.\n")
    assert rows == {("killed", 6, 6, "police"), ("killed", 15, 15, "residents")}


def test_people_a_researcher_interviewed_are_no_count() -> None:
    rows = _rows(_STORY + "The Osk Rights Watch, which interviewed 22 survivors, said at least 36 people were "
                 "killed.\n")
    assert rows == {("killed", 36, None, "Osk Rights Watch")}


def test_a_headline_figure_over_a_date_line_is_no_date() -> None:
    rows = _rows("Osk market blast kills 20\n\nMay 5, 2026\n\nThe bombing of a market in Osk, Nigeria, on Sunday "
                 "killed 14 people.\n")
    assert rows == {("killed", 20, 20, "author"), ("killed", 14, 14, "author")}


def test_a_passive_confirmed_dead_reports_nothing_of_the_clause_after_it() -> None:
    rows = _rows(_STORY + "Five (5) persons were confirmed dead while two (2) others sustained injuries, the command "
                 "said.\n")
    assert rows == {("killed", 5, 5, "command"), ("injured", 2, 2, "command")}


def test_a_report_a_body_said_something_in_is_that_bodys() -> None:
    rows = _rows(_STORY + "The national human rights commission said in a report released on Friday that 52 people "
                 "were killed.\n")
    assert rows == {("killed", 52, 52, "national human rights commission")}


def test_a_source_quoted_by_an_outlet_is_the_innermost() -> None:
    rows = _rows(_STORY + "The Osk Times reported that 16 people were killed, quoting hospital officials.\n")
    assert rows == {("killed", 16, 16, "hospital officials")}


def test_figures_named_for_their_owner_are_the_owners() -> None:
    rows = _rows(_STORY + "Army figures show 28 people were killed.\n")
    assert {r[3] for r in rows} != {"Army figures"} and len(rows) == 1


def test_people_released_where_no_one_was_abducted_left_custody() -> None:
    rows = _rows("A suicide bomber killed 31 people at a school in Osk, Afghanistan, on 10 September 2026.\n\nThe "
                 "interior ministry has said 11 people were detained after the attack. Relatives said none has seen "
                 "a lawyer. Two were released on 15 September.\n")
    assert not any(r[0] == "survived" for r in rows)
    # hostages freed are survivors
    rows = _rows("Gunmen kidnapped 20 pupils from a school in Osk, Nigeria, on 10 September 2026. Police detained "
                 "two suspects. Twelve pupils were freed on Sunday.\n")
    assert ("survived", 12, 12, "author") in rows


def test_every_death_that_raised_a_toll_is_a_part_of_it() -> None:
    rows = _rows("A bomb exploded at a market in Osk, Thailand, on 17 April 2026.\n\nThe provincial health office "
                 "reported 14 dead on 20 April, and raised its toll to 16 after a 15-year-old boy died later the same "
                 "day and a woman died of her wounds on 2 May.\n")
    assert rows == {("killed", 14, 14, "provincial health office"), ("killed", 16, 16, "provincial health office")}


def test_bodies_carried_to_a_mortuary_are_dead() -> None:
    rows = _rows(_STORY + "Eighteen bodies were taken to the mortuary, a hospital worker said.\n")
    assert rows == {("killed", 18, 18, "hospital worker")}


def test_a_participle_joined_to_a_harm_phrase_leaves_the_phrase_its_kind() -> None:
    rows = _rows("A gunman opened fire at a club in Osk, Ontario, on 3 May 2026.\n\nThe suspect was struck and taken "
                 "into custody at 9:49 p.m.\n")
    assert rows == {("arrested", 1, 1, "author")}
