"""Who a sentence accuses: rules of reckon.extract.accusations on sentences written for these
tests (fictional places, people, groups and events)."""

from __future__ import annotations

import pytest

from reckon import extract
from reckon.extract.accusations import find_accused, find_identified_attacker, find_infobox_accused, is_generic
from reckon.extract.actors import ActorResolver
from reckon.extract.nlp import load_nlp
from reckon.formats import findings_to_json


def _accused(sentence: str) -> set[str]:
    doc = load_nlp()(sentence)
    return {m.surface for m in find_accused(doc[:])}


def _perpetrators(text: str) -> set[str]:
    data = findings_to_json(extract(text), id="t")
    return {p["actor"] for i in data["incidents"] for p in i["perpetrators"]}


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        # a verb that continues a clause shares its subject
        ("The raiders stopped the bus near Orrin, ordered the passengers out and executed nine of them.",
         "The raiders"),
        # a participle clause takes the subject of the clause it hangs on
        ("The Velmar Brigade shelled the market at dawn, killing 14 traders.", "The Velmar Brigade"),
        # an infinitive of purpose: who was in charge of conducting the attack
        ("The Korrin Front was ordered to conduct the raid on the depot.", "The Korrin Front"),
        # who an attack is attributed to
        ("By prosecutors, the Tallow killings were attributed to fighters of the Dessane clan.", "the Dessane clan"),
        # at whose hands
        ("Forty villagers died at the hands of masked raiders on the Orrin road.", "masked raiders"),
        # the bombers who blew themselves up
        ("The bomber blew himself up outside the Kassel depot.", "The bomber"),
        # charged with murder, a person described without a name
        ("A 31-year-old woman was charged with murder over the Perrow shooting.", "A 31-year-old woman"),
        # found guilty by a court: the accused, not the crime
        ("A court in Marrow found the Oskan clan leader Jeb Oskan guilty of the 2011 massacre.", "Jeb Oskan"),
        # the mastermind the government named
        ("Prosecutors identified Idris Kallo as the bombing's mastermind.", "Idris Kallo"),
        # who was behind it
        ("Officials said the Harran Movement was behind the bombing.", "the Harran Movement"),
        # who held the hostages
        ("Commandos freed the ferry held by the hostage-takers.", "the hostage-takers"),
        # the attackers' group
        ("The attackers were members of the Sefat Brigade, an outfit funded by Omar Tessin.", "the Sefat Brigade"),
        # a blame in the passive: whose bodyguards
        ("Residents named the mayor, Karl Dosso, whose guards were blamed by the army for the killings.",
         "Karl Dosso's guards"),
        # a name modifying the attack, made of several words
        ("Survivors described Red Dawn Front attack in detail.", "Red Dawn Front"),
        # a state named by its abbreviation
        ("The review examined the U.S. strike on the clinic.", "U.S."),
        # a name torn by a citation mark
        ('The depot was burned by the armed faction "Velt Khar"[3][4] last year.', "Velt Khar"),
        # the holders of captives
        ("Twenty girls remain in Velt Khar's custody.", "Velt Khar"),
    ],
)
def test_the_agent_of_the_harm_is_accused(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_accused"),
    [
        # a date owns no attack
        ("Tuesday's massacre drew condemnation from the bishops.", "Tuesday"),
        # troops that storm a place held by attackers respond to the attack
        ("Police stormed the hotel held by the gunmen.", "Police"),
        ("After a two-day standoff, commandos stormed the ferry.", "commandos"),
        # troops that kill the attackers are not accused of the attack
        ("Army units killed 12 of the gunmen near the border.", "Army units"),
        ("The army repelled the attackers, killing four of them.", "the army"),
        # a country's name before the attack says where
        ("The Kenya attack shocked the region.", "Kenya"),
        # an adjective naming the place's country, not the attacker's
        ("Thirty dead in Kenyan hotel siege", "Kenyan"),
        # a description of a named group adds no actor
        ("It was the deadliest attack by the Orrin Front, an Islamist group from the hills.",
         "an Islamist group from the hills"),
        # a victim shot is not the shooter
        ("Among the dead was a fourteen-year-old boy shot in the back as he ran.", "a fourteen-year-old boy"),
        # the kind of shot says nothing of who fired it
        ("Marchers near the bridge were killed by sniper bullets.", "sniper"),
        # an image file name
        ("Survivors of Tallow massacre.png", "Survivors of Tallow"),
        # a support verb without an attack carried out
        ("The police conducted an inquiry into the deaths.", "The police"),
        # a conflict over years is not one attack
        ("Armed groups have killed thousands of people in the region in recent years.", "Armed groups"),
        # a dateline is not an attacker
        ("ORRIN, Velmar, May 3 (Agency) - Gunmen killed nine people on Sunday.", "ORRIN"),
        # "its fighters": who they are was said elsewhere
        ("The statement said the group's fighters had attacked the base.", "group's fighters"),
    ],
)
def test_what_is_not_an_accused(sentence: str, not_accused: str) -> None:
    assert not any(not_accused in found for found in _accused(sentence))


def test_a_blame_on_an_attack_accuses_who_it_is_blamed_on():
    assert "the Sefat Brigade" in _accused("The governor blamed the attack on the Sefat Brigade.")


def test_an_infobox_names_its_perpetrators_run_together_or_on_their_own_line():
    text = ("Orrin bus bombing\nDeaths14\nPerpetratorsSefat Brigade\nMotiveUnknown\n\n"
            "Tallow raid\nAssailants\nKarl Dosso (alleged)\n\nSuspects were later released.\n"
            "Executed by Flag of Velmar.svg K-12, assigned to 3rd Air Squadron, Velmar Air Force\n")
    found = [m.surface for m in find_infobox_accused(text)]
    assert found == ["Sefat Brigade", "Karl Dosso", "3rd Air Squadron", "Velmar Air Force"]
    for mention in find_infobox_accused(text):
        assert text[mention.start:mention.end] == mention.surface


def test_a_state_attacking_is_its_armed_forces():
    accused = _perpetrators("The US airstrikes killed 22 people at the Orrin clinic on Monday, witnesses said.")
    assert accused == {"US forces"}


def test_a_description_keeps_the_article_the_text_gives_it():
    accused = _perpetrators("The assailants killed nine villagers in Orrin on Monday, police said.")
    assert accused == {"the assailants"}


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        # the detained suspects a report lists
        ("Those on trial are 40 suspects including two prison guards and a village chief.", "prison guards"),
        # the forces a regime used to kill
        ("The colonels sent the army into the square, killing 300 people.", "the army"),
        # a violent dispersal
        ("Riot police smashed the protest camp at dawn, witnesses said.", "Riot police"),
        # a leader claiming for his group: the group, named by its possessive
        ("The Sefat Brigade's leader, Omar Tessin, claimed responsibility for the bombing.", "The Sefat Brigade"),
    ],
)
def test_more_agents_of_the_harm(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_accused"),
    [
        # "its leader" claims for a group the text named before
        ("Days later its commander, Omar Tessin, took responsibility for the raid.", "Omar Tessin"),
        # the attack itself is no doer
        ("A militia attack on the camp killed 30 people.", "militia attack"),
        # a link to a trend accuses no one
        ("The raids were later linked to a rise of extremism among young men.", "a rise of extremism"),
    ],
)
def test_more_of_what_is_not_an_accused(sentence: str, not_accused: str) -> None:
    assert not any(not_accused in found for found in _accused(sentence))


def test_only_descriptions_that_stand_for_a_named_attacker_are_generic():
    assert is_generic("the gunmen")
    assert is_generic("a 40-year-old woman")
    assert not is_generic("police officers")
    assert not is_generic("the putschists")
    assert not is_generic("Boko Haram")


def test_a_designation_beside_a_known_actor_names_that_actor():
    resolver = ActorResolver("The United States Air Force KC-9 tanker was grounded.")
    assert resolver.resolve("United States Air Force KC-9 tanker") == "United States Air Force"


def test_a_statement_claiming_the_attack_names_the_group_that_posted_it():
    found = {m.surface: m.self_claimed for m in
             find_accused(load_nlp()("A statement posted by the Sefat Brigade claimed the attack on the depot.")[:])}
    assert found.get("the Sefat Brigade") is True


def test_a_group_claiming_the_attack_claims_it_itself():
    found = {m.surface: m.self_claimed for m in
             find_accused(load_nlp()("The Orrin Front claimed the bombing in a message on Sunday.")[:])}
    assert found.get("The Orrin Front") is True


def test_a_report_that_accuses_no_one_names_the_attackers_it_shows_acting():
    text = ("Nine farmers were killed in Orrin on Monday, police said.\n\n"
            "Witnesses said the gunmen arrived at dawn and the gunmen left before noon. "
            "One gunman was wounded.")
    assert _perpetrators(text) == {"the gunmen"}


def test_described_attackers_are_only_a_last_resort():
    text = ("The Sefat Brigade killed nine farmers in Orrin on Monday, police said. "
            "Witnesses said the gunmen arrived at dawn.")
    assert _perpetrators(text) == {"Sefat Brigade"}


def test_a_name_with_a_joined_particle_is_defined_by_its_acronym():
    resolver = ActorResolver("The Harakat Jund al-Sahil (HJS) posted a video. The HJS said it held nine men.")
    assert resolver.resolve("HJS") == "Harakat Jund al-Sahil"


def test_an_undefined_acronym_is_the_name_whose_initials_it_spells():
    text = "KRB claims Orrin bombing\n\nThe Kessel Revolutionary Brigade said its fighters struck the depot."
    assert ActorResolver(text).resolve("KRB") == "Kessel Revolutionary Brigade"


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("The police attributed the ambush to the Kessel Revolutionary Brigade.", "the Kessel Revolutionary Brigade"),
        ("A colonel said the killings bore the hallmarks of the Dessane gang.", "the Dessane gang"),
    ],
)
def test_attributions_in_the_active_voice_and_hallmarks(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_who_an_attack_is_blamed_on_is_an_actor_even_if_the_tagger_took_it_for_a_place():
    doc = load_nlp()("The army attributed the massacre to Los Cardenales; villagers blamed the Frente Sur.")
    # (the small English model tags "Los Cardenales" as a GPE)
    assert "Los Cardenales" in {m.surface for m in find_accused(doc[:])}


def test_descriptions_give_way_to_a_name_seen_doing_the_harm():
    accused = _perpetrators("Gunmen of the Sefat Brigade killed nine farmers in Orrin on Monday. "
                            "The gunmen fled north, police said, after the gunmen burned the granary.")
    assert accused == {"Sefat Brigade"}


def test_descriptions_of_another_entry_do_not_give_way_to_a_name_seen_in_one_entry():
    # a digest's entries are incidents of their own: the Sefat Brigade's raid in one entry
    # says nothing of who the gunmen of the next entry were
    accused = _perpetrators("1. Fighters of the Sefat Brigade killed five herders near Orrin on Monday.\n\n"
                            "2. Unidentified gunmen abducted seven traders from the market in Kessa on Tuesday.")
    assert accused == {"Sefat Brigade", "Unidentified gunmen"}


def test_descriptions_stay_beside_a_name_that_is_only_blamed():
    accused = _perpetrators("Armed men killed six farmers in Orrin on Monday. "
                            "The army blamed the Kessel Revolutionary Brigade.")
    assert accused == {"Armed men", "Kessel Revolutionary Brigade"}


def test_men_counted_without_a_word_of_who_they_are_are_no_accused():
    assert not _accused("Prosecutors charged nine men with murder on Friday.")


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("We hold the provincial governor and the police chief responsible for every death.",
         "the provincial governor"),
        ("Officials said the Orrin Front was responsible for the bombing.", "the Orrin Front"),
        ("Witnesses identified the attackers as fighters of the Velt Khar Alliance.", "the Velt Khar Alliance"),
    ],
)
def test_responsibility_and_identification(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_rioters_are_no_stand_in_for_the_police():
    assert not is_generic("a group of rioters")


@pytest.mark.parametrize(
    ("sentence", "not_accused"),
    [
        ("The military denied carrying out any strike near Kessa.", "The military"),
        ("The rebels did not attack the convoy, their spokesman said.", "The rebels"),
    ],
)
def test_a_denied_harm_accuses_no_one(sentence: str, not_accused: str) -> None:
    assert not any(not_accused in found for found in _accused(sentence))


def test_who_planted_the_bomb_is_accused():
    assert "the Orrin Liberation Army" in _accused("Officials said the mine was planted by the Orrin Liberation Army.")


def test_a_description_of_a_state_body_does_not_silence_the_attackers_blamed_beside_it():
    accused = _perpetrators("An airstrike killed 30 people in Kessa on Sunday. Residents blamed the air force. "
                            "The military said rebels had shelled the village.")
    assert "rebels" in accused and "the air force" in accused


def test_the_attacker_a_text_identifies_by_name_is_that_person():
    accused = _perpetrators("A teenager opened fire at a school in Lenz on Monday, killing four students, police "
                            "said. The 17-year-old, identified as Marco Vell, had posted threats online.")
    assert accused == {"Marco Vell"}


def test_police_naming_the_gunman_name_the_accused():
    accused = _perpetrators("A gunman killed six people at a supermarket in Dorr on Friday. "
                            "Police later named the gunman as Petr Olsen Hale, 44.")
    assert accused == {"Petr Olsen Hale"}


def test_two_people_identified_are_not_one_attacker():
    assert find_identified_attacker("The gunman was identified as Ann Bell. A second man was named as Carl Dunn.") is None


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        # a hyphenated name the parser split into two subjects
        ("Jund al-Sahil (JS) claimed the attack on Sunday.", "Jund al-Sahil"),
        # the person a description ends on
        ("Prosecutors charged four men with murder, among them the owner of the Vella estate, Hugo Brandt, "
         "who denies any role.", "Hugo Brandt"),
    ],
)
def test_names_as_written(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_a_victim_hit_in_a_body_part_is_no_shooter():
    assert not _accused("Among the dead, police said, was a young man shot in the chest as he fled.")


def test_a_verb_hung_on_its_subject_after_a_dateline_still_accuses_it():
    assert "Raiders" in _accused("ORRIN, May 3, 2022 (Velmar Press) - Raiders on motorbikes killed at least 12 herders "
                                 "at a cattle market in northern Velmar on Tuesday, a police source said.")


def test_a_description_opening_a_sentence_is_still_a_description():
    assert is_generic("Gunmen") and is_generic("Armed men") and is_generic("Unidentified gunmen")
    assert not is_generic("Police officers")  # a description, but of another kind of actor
    assert not is_generic("Sefat Brigade")


def test_those_described_by_where_they_were_are_accused_but_not_a_generality():
    assert "Those who were on the barricade" in _accused(
        "Those who were on the barricade began firing at the guards, according to the army.")
    assert not _accused("Those who attack defenceless traders at a market are not fighters.")


def test_a_group_saying_it_did_it_claims_it():
    found = {m.surface: m.self_claimed for m in
             find_accused(load_nlp()("The Orrin Front said it carried out the attack on the depot.")[:])}
    assert found.get("The Orrin Front") is True
    assert not _accused("In a video, the group's commander said they had killed the soldiers.")


def test_an_infobox_may_call_them_suspected_perpetrators():
    assert [m.surface for m in find_infobox_accused("Kessa raid\nSuspected perpetrators\nVelt Khar\n")] == ["Velt Khar"]


def test_soldiers_of_a_named_army_are_that_army_and_men_of_nowhere_stay_men():
    assert "the Velmar Army" in _accused("The massacre was the killing of 57 villagers by soldiers of the Velmar Army.")
    assert "Armed men of unknown origin" in _accused("Armed men of unknown origin killed four people.")


def test_agents_of_a_state_act_for_its_government():
    assert _perpetrators("Iranian agents killed 52 residents of the camp on Sunday.") == {"Government of Iran"}


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("Fighters of the Orrin Front attacked Kessa on Saturday, and the group has killed thousands since 2009.",
         {"the Orrin Front"}),
        ("Ituri has been torn for years by fighting between rival militias, which has killed thousands of civilians.",
         set()),
    ],
)
def test_only_the_clause_about_a_span_of_time_is_left_out(sentence: str, accused: set[str]) -> None:
    assert _accused(sentence) == accused


@pytest.mark.parametrize("sentence", ["The bombing, claimed by the Orrin Front, killed nine people.",
                                      "The attack on the depot was claimed by the Orrin Front."])
def test_an_attack_claimed_by_a_group_is_its_own_claim(sentence: str) -> None:
    found = {m.surface: m.self_claimed for m in find_accused(load_nlp()(sentence)[:])}
    assert found.get("the Orrin Front") is True


def test_parts_and_kinds_of_a_named_group_are_the_group() -> None:
    # Every spelling of one group must be one actor across the ledger: "the X movement",
    # "a faction of X" and "insurgents of X" all accuse X.
    text = ("TARVO, May 3 - Gunmen killed 12 villagers in Tarvo on Sunday, police said. Officials blamed the "
            "Red Hand movement. A witness said the attackers belonged to a faction of the Red Hand. "
            "Insurgents of the Red Hand also burned 30 homes, the mayor said.")
    accused = {a.actor for incident in extract(text).incidents for a in incident.perpetrators}
    assert accused == {"Red Hand"}


def test_the_ner_is_asked_to_extend_a_name_only_when_a_name_word_lies_beyond_it() -> None:
    from reckon.extract.accused_phrase import _name_may_go_on
    from reckon.extract.nlp import parse

    (doc,) = parse(["Fighters of the Velmora Liberation Front stormed the village on Monday."])
    front = [t for t in doc if t.text in ("Velmora", "Liberation", "Front")]
    assert not _name_may_go_on(front)  # "of the" then "Fighters": no name word beyond
    assert _name_may_go_on(front[1:])  # "Velmora" lies right before
    assert not _name_may_go_on([])


def test_an_appeal_to_stop_attacking_accuses_no_one():
    # "called on the army to stop attacking": neither the caller nor the called is accused
    assert not _accused("The Orrin Rights League called on the army and on armed groups to stop attacking "
                        "civilians in the hills.")


def test_a_groups_own_claim_leaves_the_attackers_the_report_describes_accused():
    # the report itself names no one; the Front only claims the attack for itself
    accused = _perpetrators("Twelve traders were killed at the market in Orrin on Monday. By the time the gunmen "
                            "left the market, the stalls were burning. The Velt Front claimed the attack on Tuesday.")
    assert accused == {"the gunmen", "Velt Front"}


def test_armed_men_seen_acting_are_the_attackers_of_a_report_that_accuses_no_one():
    accused = _perpetrators("A year ago, armed men burst into the Orrin secondary school and took 40 pupils "
                            "into the forest. Nine are still held.")
    assert accused == {"armed men"}


def test_a_man_only_charged_leaves_the_attackers_the_report_describes_accused():
    accused = _perpetrators("Relatives gathered at dawn in Orrin, the hour the gunmen came three years ago. Nine "
                            "people were killed that night. Prosecutors have charged the rancher Tomas Vell with murder.")
    assert "the gunmen" in accused and any(a.endswith("Tomas Vell") for a in accused)


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        # who hired or paid the doers is accused with them
        ("Gunmen hired by the Vell family killed nine farmers in Orrin.", "the Vell family"),
        ("Raiders paid by the Santa Oria landlords shot dead six members of the union.", "the Santa Oria landlords"),
        # a party to the harm
        ("The ranchers' militia, with the complicity of the border police, killed eleven people.", "the border police"),
    ],
)
def test_senders_and_accomplices_of_the_doers_are_accused(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_the_police_that_help_no_harm_are_no_accomplice():
    assert not any("police" in a for a in _accused("The mayor, with the help of the police, reopened the school."))


def test_a_group_of_attackers_given_with_its_number_is_named_by_who_they_are():
    accused = _perpetrators("On 4 May, a group of between 12 and 15 armed men attacked the Orrin camp, killing six.")
    assert accused == {"armed men"}


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        # on trial for the killings, with those tried alongside
        ("Tomas Vell is on trial in Orrin for the killings, together with 12 police officers.", "Tomas Vell"),
        ("Tomas Vell is on trial in Orrin for the killings, together with 12 police officers.", "police officers"),
        # members of a force named by its kind
        ("Vell is on trial for the massacre, together with four militia members.", "militia members"),
    ],
)
def test_those_on_trial_for_the_harm_are_accused(sentence: str, accused: str) -> None:
    assert accused in _accused(sentence)


def test_a_trial_for_another_crime_accuses_no_one_of_the_harm():
    assert not _accused("The mayor is on trial for corruption, together with two aides.")


def test_an_accusation_of_hiding_the_toll_is_no_accusation_of_the_harm():
    perpetrators = _perpetrators("The MP accused the government of hiding the scale of the massacre in Kessa, "
                                 "where 30 people were killed.")
    assert not any("government" in p.lower() for p in perpetrators)
    assert "soldiers" in {p.lower() for p in _perpetrators("Residents accused soldiers of killing 12 herders in Kessa.")}


def test_attackers_named_as_members_of_a_group_stand_for_the_group():
    perpetrators = _perpetrators("Gunmen stormed a hotel in Kessa on Sunday, killing 12 people, police said. "
                                 "A security official said the attackers were suspected members of the Orrin Front.")
    assert perpetrators == {"Orrin Front"}


def test_forces_storming_a_place_the_report_said_was_held_respond_to_the_attack():
    text = ("Gunmen of the Orrin Front stormed the Lomara hotel in Kessa on Sunday, killing 12 people, and held "
            "40 guests hostage on the upper floors.\n\nShortly after dawn on Tuesday, special forces stormed the "
            "building. Four attackers were killed.")
    assert _perpetrators(text) == {"Orrin Front"}
    # with no siege told before, forces storming a village are accused
    assert "Special forces" in _perpetrators("Special forces stormed the village of Kessa on Sunday, killing 12 "
                                             "civilians, residents said.")
