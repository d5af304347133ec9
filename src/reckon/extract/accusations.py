"""Accusations: who a sentence says did it, found in the parse around violence words.

The accused is the active subject of a violence verb ("gunmen stormed the college"), also
when the verb shares it with an earlier one ("the gunmen forced them out and executed them")
or is a participle of a clause that has it ("the colonels sent in the army, killing 300");
the "by" agent of its passive or of a violence noun ("an attack by X"); the possessor of a
violence noun ("X's assault"); the one at whose behest or at whose hands it was done; the
group that claimed responsibility (then also the claimant); the object of "blamed"/"accused"
(then the subject is the claimant) and the subject of their passive ("X was blamed by Y");
who an attack is "attributed to" or "blamed on"; who was "behind" it or its "mastermind";
who is charged with murder or found guilty of it; whom the attackers belonged to or were sent
by ("the attackers belonged to X"); and who held the hostages.

The phrase must name an actor: a proper noun, a known alias, or a noun of armed force
("gunmen", "troops"); pronouns, victims, dates ("Monday's attack") and page furniture
(image file names, run-together infobox labels) are never accused. Security forces that
kill the attackers or storm the place they hold are responders, not the accused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reckon.extract.attribution import phrase_tokens
from reckon.extract.doc_text import doc_text, span_text
from reckon.extract.lexicon import load_reporting_verbs, load_violence_words
from reckon.extract.nlp import entity_type
from reckon.extract.taking import CARRY_OFF, leads_off, makes_off_with, takes_along, takes_to_hideout
# The parts of the reading that need no parse live in modules of their own; this module stays
# the entry point (``run`` and ``incidents`` import it), so it re-exports what they use.
from reckon.extract.accused_descriptions import (
    _ATTACKER_NOUNS,
    _PERSON_NOUNS,
    _RESPONDER_NOUNS,
    _TITLE_NOUNS,
    FORCE_NOUNS,
    is_description,
    is_generic,
    names_one_person,
)
from reckon.extract.accused_in_text import (
    IdentifiedAttacker,
    InfoboxAccused,
    find_coded_accused,
    find_identified_attacker,
    find_infobox_accused,
    find_table_accused,
)
from reckon.extract.accused_naming import (
    accused_name,
    identifies_attackers,
    is_bare_soldiers,
    storms_a_held_place,
    unit_of_soldiers,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["AccusedMention", "IdentifiedAttacker", "InfoboxAccused", "accused_name", "find_accused", "find_described_attackers",
           "find_coded_accused", "find_identified_attacker", "find_infobox_accused", "find_table_accused",
           "identifies_attackers", "is_bare_soldiers", "is_description", "is_direct", "is_generic",
           "names_one_person", "storms_a_held_place", "unit_of_soldiers"]

_STORM_VERBS = frozenset({"storm", "raid", "assault", "launch", "attack", "besiege", "overrun", "enter"})
_STANDOFF_WORDS = frozenset({"hostage", "hostages", "standoff", "stand-off", "siege", "holed", "barricaded"})
_EVENT_NOUNS = frozenset({"attack", "blast", "explosion", "bombing", "fire", "crash", "incident", "violence",
                          "siege", "raid", "storm", "clash", "clashes", "shooting", "massacre", "strike",
                          "killing", "killings", "murder", "murders", "abduction", "kidnapping", "assault",
                          "bombings", "attacks", "massacres", "shootings", "raids", "airstrike", "airstrikes",
                          "ambush", "atrocity", "atrocities", "carnage", "rampage", "slaughter", "operation"})
# Verbs that do no harm themselves: their subject is accused only when what they carry out is
# an attack ("militants staged a raid"; not "police conducted an inquiry").
_SUPPORT_VERBS = frozenset({"carry", "conduct", "launch", "plan", "stage", "perpetrate", "mount", "commit",
                            "orchestrate", "mastermind"})
# Crimes whose charge or conviction names the accused ("charged with murder").
_CRIMES = frozenset({"murder", "murders", "killing", "killings", "massacre", "homicide", "manslaughter",
                     "terrorism", "attack", "attacks", "kidnapping", "abduction", "bombing", "assassination"})
_NEVER_ACCUSED = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this",
                            "residents", "civilians", "students", "people", "victims", "members", "these",
                            "those", "them", "him", "her", "us", "one", "others", "some"})
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})
# A possessor that dates an attack ("Sunday's bombing", "last year's raid") names no one.
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "tonight", "week", "weekend", "month", "year", "day", "night", "morning", "evening", "afternoon",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "decade", "century",
})
# Page furniture that a plain-text rendering leaves in a sentence: image file names and
# infobox labels run into their values ("Fatalities12", "Date5 May").
_FURNITURE = re.compile(r"\.(?:svg|png|jpe?g|gif|webp)\b|\b[A-Z][a-z]{3,}\d", re.IGNORECASE)
# Weapons and fire: the accused is who fires them ("army shelling", "police bullets").
_INSTRUMENTS = frozenset({"fire", "gunfire", "sniper-fire", "bullets", "bullet", "shells", "shelling", "rockets",
                          "rocket", "missiles", "missile", "bombs", "bomb", "airstrikes", "airstrike", "strikes",
                          "strike", "shots", "drones", "drone", "artillery", "mortars", "grenades"})
_SPOKESMEN = frozenset({"leader", "spokesman", "spokesperson", "spokeswoman", "commander", "chief", "head",
                        "founder", "emir"})
_SUSPECT_NOUNS = frozenset({"suspects", "perpetrators", "attackers", "assailants", "killers", "defendants",
                            "accused", "culprits"})
_CAPTIVITY = frozenset({"custody", "captivity", "hideout", "hideouts", "camps", "dungeons"})
# Who stands behind the attackers: "sent by X", "led by X", "commanded by X".
_SENDER_VERBS = frozenset({"send", "dispatch", "lead", "command", "direct", "order", "hire", "pay", "arm", "train",
                           "recruit"})
# "members of X", "fighters of X": the group is the actor named.
_MEMBER_NOUNS = frozenset({"member", "members", "fighter", "fighters", "militant", "militants", "gunmen",
                           "supporters", "loyalists", "elements", "operatives", "leaders", "commanders", "agents", "proxies",
                           "soldiers", "troops", "officers", "men", "units", "forces",
                           # "two jets of the regime's air force": the force whose aircraft they are
                           "jet", "jets", "aircraft", "plane", "planes", "helicopter", "helicopters", "drone",
                           "drones", "gunship", "gunships", "warplane", "warplanes"})
# Units of a state's forces are bodies too ("members of the presidential guard", "soldiers of
# the 4th battalion").
_GROUP_NOUNS = frozenset({"clan", "gang", "cell", "faction", "militia", "group", "network", "cartel", "army",
                          "movement", "organisation", "organization", "guard", "battalion", "brigade", "regiment",
                          "division", "unit", "squadron", "company", "corps", "gendarmerie"})


@dataclass(frozen=True, slots=True, kw_only=True)
class AccusedMention:
    surface: str
    start: int  # offsets inside the parsed sentence's doc
    end: int
    token: Token  # where the claimant search starts
    self_claimed: bool = False  # "X claimed responsibility": X is also the claimant
    blamer: Token | None = None  # "Y blamed X": Y is the claimant
    modifier: bool = False  # "the U.S. attack": a name modifying the attack noun (kept only if a known actor)


# A sentence about a span of time speaks of a conflict, not of one attack ("armed groups have
# killed thousands in recent years").
_SPAN_OF_TIME = re.compile(
    r"\b(?:in recent (?:years|months|weeks)|over the (?:past|last) (?:few |several |\w+ )?(?:years|months|decades?)|"
    r"since (?:19|20)\d\d|for (?:years|decades)|every year|each year|in the past (?:few )?(?:years|decades?))\b",
    re.IGNORECASE)


def find_accused(sent: SpacySpan) -> Iterator[AccusedMention]:
    """Every accused phrase of one parsed sentence (possibly repeated: callers dedupe)."""
    spans = [sent.start_char + m.start() for m in _SPAN_OF_TIME.finditer(span_text(sent))]
    for mention in _find_accused(sent):
        # A clause about a span of time speaks of a conflict, not of this attack.
        if not any(_in_clause(mention.token, position) for position in spans):
            yield mention


def _in_clause(anchor: Token, position: int) -> bool:
    """Whether a character of the sentence lies in the anchor's own clause (its subtree
    without the clauses conjoined to it); a noun anchor speaks for its whole verb's clause."""
    head = anchor
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("relcl", "acl"):
        # "torn for years by fighting between militias, which has killed thousands": a
        # relative clause speaks within the clause it qualifies.
        head = head.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "xcomp") and head.head.i != head.i:
            head = head.head
    conjoined = {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    # "blamed the X, an armed group that has fought the army for years": a description of a
    # noun (an apposition, a relative clause) tells who X is, not when the attack was.
    for described in head.subtree:
        if described.dep_ in ("appos", "relcl") and described.head.pos_ in ("NOUN", "PROPN") \
                and anchor not in described.subtree:
            conjoined |= {t.i for t in described.subtree}
    return any(t.idx <= position < t.idx + len(t.text) + 1 for t in head.subtree if t.i not in conjoined)


def _find_accused(sent: SpacySpan) -> Iterator[AccusedMention]:
    verbs, nouns = load_violence_words()
    for token in sent:
        # Read once: most tokens fall through every test below, each reading these again.
        lemma, pos, dep, lower = token.lemma_.lower(), token.pos_, token.dep_, token.lower_
        nominal = pos in ("NOUN", "PROPN") or dep in ("pobj", "dobj", "nsubj", "nsubjpass")
        if pos in ("VERB", "AUX") and not nominal and _is_harm_verb(token, lemma, verbs):
            yield from _verb_agents(token, lemma, sent, nouns)
        elif nominal and (lemma in nouns or lower.rstrip("s") in nouns):
            yield from _noun_agents(token)
        if lower in _CAPTIVITY:
            # "the hostages still in the Front's custody": who holds the abducted, unless a state
            # body holds suspects ("in police custody").
            for child in token.children:
                if child.dep_ == "poss" and child.pos_ == "PROPN" and not any(
                        t.lower_ in _RESPONDER_NOUNS for t in child.subtree):
                    yield from _mentions(child, anchor=token)
        if token.lower_ in _COMPLICITY and token.head.lower_ in ("with", "in"):
            # "the militia, with the complicity of the police, killed eleven"
            verb = token.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if _is_harm_verb(verb, verb.lemma_.lower(), verbs):
                partners = _of_objects(token) or [p for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                                                  for p in c.children if p.dep_ == "pobj"]
                for partner in partners:
                    yield from _mentions(partner, anchor=verb, agent_slot=True)
        if lemma == "hallmark" and dep in ("dobj", "obj", "attr"):
            # "the killings bore the hallmarks of X"
            for pobj in _of_objects(token):
                yield from _mentions(pobj, anchor=token.head, agent_slot=True)
        if lower in ("behest", "hands") and token.head.lower_ in ("at", "by", "in"):
            # "at the behest of X", "at the hands of X", "died in the hands of X"
            for pobj in _of_objects(token):
                yield from _mentions(pobj, anchor=token)
        elif lower in ("orders", "order", "instructions") and token.head.lower_ in ("on", "under") and any(
                _is_harm_verb(v, v.lemma_.lower(), verbs) or v.lemma_.lower() in ("act",) for v in token.head.ancestors):
            # "militiamen acting on the orders of X stormed the village": who gave the orders
            for pobj in (*_of_objects(token), *_prep_objects_of(token, "from")):
                yield from _mentions(pobj, anchor=token, agent_slot=True)
        elif lemma == "responsibility" and token.head.lemma_.lower() in ("claim", "admit", "accept", "take", "assume", "bear"):
            for child in token.head.children:
                if child.dep_ != "nsubj":
                    continue
                if child.lemma_.lower() in _SPOKESMEN:
                    # "the group's chief, X, took responsibility": he speaks for the group, which is
                    # the one accused ("the group's spokesman" names no one new).
                    for owner in child.children:
                        if owner.dep_ == "poss" and owner.pos_ == "PROPN":
                            yield from _mentions(owner, anchor=token.head, self_claimed=True)
                        elif owner.dep_ == "prep" and owner.lower_ in ("for", "of"):
                            # "A spokesman for the banned X, Y, claimed responsibility": X
                            for group in owner.children:
                                tokens = [t for t in phrase_tokens(group)
                                          if t.lower_ not in ("the", "a", "an", "banned", "outlawed", "proscribed")]
                                if group.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in tokens):
                                    yield _mention(tokens, anchor=token.head, self_claimed=True)
                    continue
                yield from _mentions(child, anchor=token.head, self_claimed=True)
        elif pos == "VERB" and lemma in ("claim", "admit") and (any(
                c.dep_ in ("dobj", "obj") and _is_event(c, nouns) for c in token.children) or _event_follows(token, nouns)):
            yield from _claimed_attack(token)
        elif pos == "VERB" and lemma == "claim" and (
                _is_event(token.head, nouns) if dep == "acl" else
                any(c.dep_ == "nsubjpass" and _is_event(c, nouns) for c in token.children)):
            # "the bombing, claimed by the Front", "the attack was claimed by the Front"
            for agent in token.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=token, self_claimed=True, agent_slot=True)
        elif pos == "VERB" and lemma in ("blame", "accuse", "attribute", "suspect"):
            yield from _blamed(token, lemma, nouns)
        elif lemma == "point" and pos in ("VERB", "NOUN") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _EVIDENCE for c in token.children):
            # "the evidence points to X", "all signs pointed to the army"
            for target in _prep_objects(token, ("to", "at")):
                yield from _mentions(target, anchor=token, agent_slot=True)
        elif lower == "behind" and dep == "prep" and _is_event(_first_pobj(token), nouns):
            # "X was behind the massacre", "X is believed to be behind the attack"
            subject = _subject_of(token.head)
            if subject is not None and subject.dep_ != "nsubjpass":
                yield from _mentions(subject, anchor=token.head)
        elif lower in _SUSPECT_NOUNS and pos == "NOUN":
            # "suspects including two guards and the mayor"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "among"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=token)
        elif lemma == "mastermind" and pos == "NOUN":
            yield from _mastermind(token)
        elif lemma in ("charge", "convict", "sentence", "indict", "try") and pos == "VERB":
            yield from _charged(token)
        elif lower == "trial" and token.head.lower_ == "on" and token.head.head.pos_ in ("VERB", "AUX"):
            yield from _on_trial(token, nouns)
        elif lemma == "find" and pos == "VERB" and any(t.lower_ == "guilty" for t in token.subtree):
            yield from _found_guilty(token)
        elif lower == "responsible" and "hold" in (token.head.lemma_.lower(), token.head.head.lemma_.lower()):
            # "we hold the minister responsible for every life lost": the minister, by them
            verb = token.head if token.head.lemma_.lower() == "hold" else token.head.head
            blamer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if verb is token.head or verb.i == token.head.i:
                held = [c for c in (*token.children, *verb.children)
                        if c.dep_ in ("dobj", "obj") or (c.dep_ == "nsubj" and c.head.i == token.i)]
            else:
                held = [token.head]  # the parser hung "responsible" on the object itself
            for child in held:
                yield from _mentions(child, anchor=verb, blamer=blamer, agent_slot=True, stop=token.i)
        elif lower == "responsible" and dep == "acomp" and any(
                _is_event(p, nouns) or p.lemma_.lower() in ("death", "life") for p in _prep_objects(token, ("for",))):
            # "the Front was responsible for the bombing"
            subject = _subject_of(token.head)
            if subject is not None:
                yield from _mentions(subject, anchor=token.head, agent_slot=True)
        elif lemma == "hold" and pos == "VERB":
            yield from _holders(token)
        elif lemma in ("identify", "name", "describe", "recognise", "recognize") and pos == "VERB" and any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and _names_attackers(c) for c in token.children):
            # "survivors identified the attackers as members of X": X
            blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
            for target in _prep_objects(token, ("as",)):
                if not _names_attackers(target):
                    yield from _mentions(target, anchor=token, blamer=blamer, agent_slot=True)
        elif pos == "AUX" and lemma == "be" or token.lemma_ in ("belong",):
            yield from _attackers_belong(token)
        if (lemma in _SAID_TO_BE and pos == "VERB") or lower in _TIES:
            yield from _attackers_affiliated(token, sent, verbs)


# What points to a culprit: "the evidence points to X".
_EVIDENCE = frozenset({"evidence", "finding", "sign", "indication", "clue", "trail", "investigation", "inquiry",
                       "hallmark", "everything", "all"})
_DEVICES = frozenset({"bomb", "bombs", "mine", "mines", "landmine", "landmines", "explosive", "explosives",
                      "device", "devices", "ied", "ieds", "charge", "charges"})


def _is_harm_verb(token: Token, lemma: str, verbs: frozenset[str]) -> bool:
    if lemma in verbs:
        return token.pos_ == "VERB"
    children = {c.lower_ for c in token.children}
    if lemma in ("plant", "place", "set", "lay", "hide") and (any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lower_ in _DEVICES for c in token.children)
            or token.dep_ == "acl" and token.head.lower_ in _DEVICES):
        return True  # "the mine was planted by X", "X planted a bomb", "a bomb planted by X"
    if lemma == "open" and "fire" in children:
        return True
    if lemma in _DELIVER_VERBS and any(c.dep_ in ("dobj", "obj", "nsubjpass") and _is_weapon(c) for c in token.children):
        return True  # "the aircraft dropped four bombs on the market", "rockets were lobbed by X"
    if lemma == "hit" and any(_is_weapon(c) for c in token.children if c.dep_ in ("nsubj", "csubj")) or any(
            _is_weapon(p) for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
        return lemma == "hit"  # "the market was hit by bombs dropped from X", "a shell hit the school"
    if lemma in CARRY_OFF and children & {"off", "away"}:
        return True  # "37 others were taken away by armed men", "bandits carried off 40 people"
    if leads_off(token) or makes_off_with(token) or takes_along(token) or takes_to_hideout(token):
        return True  # "herded 23 farmers into the bush", "made off with six", "taking nine with them"
    # "two bombers blew themselves up", "the attacker detonated a vest"
    return (lemma == "blow" and "up" in children) or lemma == "detonate"


# Verbs that deliver a weapon: their subject is who used it ("dropped bombs", "lobbed shells").
_DELIVER_VERBS = frozenset({"drop", "lob", "hurl", "throw", "rain"})


def _is_weapon(token: Token) -> bool:
    return token.lower_ in _INSTRUMENTS or token.lemma_.lower() in _INSTRUMENTS or token.lower_ in _DEVICES


def _verb_agents(token: Token, lemma: str, sent: SpacySpan, nouns: frozenset[str]) -> Iterator[AccusedMention]:
    if lemma == "carry" and not any(c.lower_ in ("out", "off", "away") for c in token.children):
        return
    if _denied(token):
        return
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    carried_off = lemma in CARRY_OFF and any(c.lower_ in ("off", "away") for c in token.children)
    if lemma in _SUPPORT_VERBS and not carried_off:  # "carried off 40 villagers" is itself the harm
        # Only an attack carried out accuses: "staged a raid", "the attack was carried out by X".
        carried = objects if not passive else [c for c in token.children if c.dep_ == "nsubjpass"]
        if not carried and token.dep_ == "relcl":
            carried = [token.head]  # "the attack that X carried out"
        elif not carried and token.dep_ == "acl" and token.head.lemma_.lower() != "operation":
            # "an airstrike carried out by X"; not "a search operation conducted by the army",
            # which is how forces answer an attack
            carried = [token.head]
        if not any(_is_event(c, nouns) and not _is_response(c) for c in carried):
            return
    # Those who kill or capture the attackers are not accused of the attack ("killed 15 of the
    # attackers"; "repelled the attackers, killing four of them").
    if token.dep_ in ("advcl", "conj") and any(c.lower_ in ("them", "they") for o in objects for c in o.subtree):
        objects = objects + [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
    if any(_names_attackers(c) for c in objects) or (
            passive and any(_names_attackers(c) for c in token.children if c.dep_ == "nsubjpass")):
        return
    # "a boy shot in the back": a participle without an auxiliary describes its noun's fate,
    # and so does a harm that lands on a body part with no object ("X shot in the head").
    bare_participle = not objects and (
        token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
        or any(p.lower_ in _BODY_PARTS for p in _prep_objects(token, ("in", "through"))))
    if not passive and not bare_participle:
        subject = _subject_of(token)
        if subject is not None:
            yield from _senders(subject, anchor=token)
            if subject.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                subject = token.head  # "the gunman who shot 12 worshippers": the antecedent
                if subject.lemma_.lower() in nouns or subject.lemma_.lower() in _EVENT_NOUNS:
                    return  # "the attack, which killed 51": an event, not a doer
                event = subject.head.head if subject.dep_ == "pobj" and subject.head.dep_ == "prep" else None
                if event is not None and (event.lemma_.lower() in nouns or event.lemma_.lower() in _EVENT_NOUNS):
                    return  # "the attack on Wessel, which killed nine": the attack, not the place it hit
            if lemma in _STORM_VERBS and _responds_to_attackers(subject, sent):
                return
            if _is_event(subject, nouns):
                return  # "the militia attack killed 30": the attack noun's own words say by whom
            if subject.lower_ in _INSTRUMENTS or subject.lemma_.lower() in _INSTRUMENTS:
                yield from _instrument_owner(subject, anchor=token)
            elif subject.lower_ == "those" and token.dep_ != "relcl" and any(
                    c.dep_ == "relcl" and (c.tag_ == "VBD" or any(a.tag_ == "VBD" for a in c.children if a.dep_ == "aux"))
                    for c in subject.children):
                # "those who were on the barricade began firing": people the text describes by
                # where they were (not "those who attack markets are criminals", a generality)
                tokens = [t for t in subject.subtree if t.dep_ != "punct" or t.text == "-"]
                yield _mention(tokens, anchor=token)
            elif subject.lower_ in ("it", "we", "they") and token.dep_ == "ccomp" \
                    and token.head.lemma_.lower() in load_reporting_verbs():
                # "the Front said it carried out the attack": a claim of the speaker's own deed
                speaker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lemma_.lower() in _SPOKESMEN | {"statement", "spokesperson"}:
                    # "the Front's spokesman said they ...": the Front
                    speaker = next((c for c in speaker.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if speaker is not None and speaker.pos_ != "PRON":
                    yield from _mentions(speaker, anchor=token.head, self_claimed=True)
            else:
                yield from _mentions(subject, anchor=token)
    for child in token.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _agent(pobj, anchor=token)
    if token.dep_ in ("advcl", "xcomp") and token.head.lemma_.lower() in _WIELD_VERBS:
        # "the colonels sent in the army, killing 300": the forces they sent did it too.
        for obj in token.head.children:
            if obj.dep_ in ("dobj", "obj") and obj.lower_ in FORCE_NOUNS:
                yield from _mentions(obj, anchor=token)


_WIELD_VERBS = frozenset({"use", "deploy", "send", "unleash", "order", "dispatch"})
# Operations that answer an attack: "the army launched a vast combing operation".
_RESPONSE_WORDS = frozenset({"search", "rescue", "combing", "clearing", "clearance", "pursuit", "mop-up", "mopping",
                             "security", "relief", "evacuation", "humanitarian", "recovery", "manhunt"})


def _is_response(event: Token) -> bool:
    return event.lemma_.lower() == "operation" and any(
        c.lower_ in _RESPONSE_WORDS for c in event.children if c.i < event.i)


def _senders(subject: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "Gunmen hired by the Vell family killed nine": who sent, paid or led the doers is
    accused with them."""
    for verb in subject.children:
        if verb.dep_ != "acl":
            continue
        for sender in (verb, *verb.conjuncts):
            if sender.lemma_.lower() not in _SENDER_VERBS:
                continue
            for agent in sender.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=anchor, agent_slot=True)


# "with the complicity of the police", "in collusion with the army": a party to the harm.
_COMPLICITY = frozenset({"complicity", "collusion", "connivance"})


_BODY_PARTS = frozenset({"back", "head", "chest", "leg", "legs", "arm", "arms", "stomach", "neck", "face",
                         "abdomen", "shoulder", "foot", "feet", "hand", "eye", "thigh", "side", "heart"})
_DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "disclaim"})


# Verbs whose complement is a harm asked to end or to be done, not one done: "called on the
# army to stop attacking civilians", "urged the militia to refrain from killing".
_APPEALS = frozenset({"stop", "cease", "refrain", "halt", "quit", "call", "urge", "appeal", "ask", "demand",
                      "implore", "beg"})


def _denied(verb: Token) -> bool:
    """ "did not attack", "denied carrying out the strike": a harm said not to have been done;
    "called on X to stop attacking": a harm asked to end, which accuses no one of one deed."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "neg" for c in current.children) or current.lemma_.lower() in _DENIALS:
            return True
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _DENIALS and current.i > current.head.i:
            # "the army denies that any of its aircraft bombed the market": the denier says no
            # one of its own did it, which accuses no one (a clause before the denial is not
            # what it denies: "gunmen kill 17; armed group denies role").
            return True
        if current.dep_ not in ("xcomp", "pcomp", "conj", "advcl") or current.head.i == current.i:
            return False
        if current.dep_ in ("xcomp", "pcomp") and current.head.lemma_.lower() in _APPEALS:
            return True
        current = current.head
    return False


def _agent(pobj: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "by gunmen": the gunmen; "by sniper bullets", "by army shelling": who fired them."""
    if pobj.lower_ in _INSTRUMENTS or pobj.lemma_.lower() in _INSTRUMENTS:
        yield from _instrument_owner(pobj, anchor=anchor)
    else:
        yield from _mentions(pobj, anchor=anchor)


def _noun_agents(token: Token) -> Iterator[AccusedMention]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _mentions(pobj, anchor=token)
        elif child.dep_ == "poss":
            if _is_time(child):
                continue
            yield from _mentions(child, anchor=token)
    # "the U.S. attack", "a Boko Haram raid", "the Russian assault": the word right before the
    # noun (the parser does not always make it a child); never a name that only modifies a
    # place before the noun ("a Kenyan hotel siege": the hotel is Kenyan).
    if token.i > 0:
        before = token.doc[token.i - 1]
        if (before.head.i == token.i or before.dep_ in ("compound", "amod", "nmod", "pobj")) \
                and before.dep_ != "poss" and _names_a_state_or_group(before):
            yield from _mentions(before, anchor=token, compound=True)


def _blamed(token: Token, lemma: str, nouns: frozenset[str]) -> Iterator[AccusedMention]:
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    agents = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    if token.dep_ == "acl" and token.tag_ == "VBN" and not subjects and (
            _is_event(token.head, nouns) or token.head.lemma_.lower() in _HARM_RESULTS):
        # "a drone strike attributed by residents to the army", "the killings, blamed on X"
        blamer = agents[0] if agents else None
        targets = _prep_objects(token, ("to", "on")) + [
            p for agent in agents for blamer_word in (agent, *agent.conjuncts) for c in blamer_word.children
            if c.dep_ == "prep" and c.lower_ in ("to", "on") for p in c.children if p.dep_ == "pobj"]
        for target in targets:
            yield from _blamed_target(target, anchor=token, blamer=blamer, nouns=nouns)
        return
    if not subjects and not passive:
        # "The army denied involvement and blamed X": the first conjunct's subject blames.
        shared = _subject_of(token)
        subjects = [shared] if shared is not None else []
    blamer = subjects[0] if subjects else agents[0] if agents and passive else None
    if not passive:
        event_at = min((c.i for c in token.children if c.dep_ in ("dobj", "obj") and _is_event(c, nouns)), default=None)
        for child in token.children:
            if child.dep_ in ("dobj", "obj"):
                if event_at is not None and child.i > event_at and child.left_edge.lower_ in ("a", "an") \
                        and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
                    # "blamed the attack on the X Movement, a rebel group that ...": the parser
                    # hangs the description of X on the verb; it is X again, not a second accused.
                    continue
                if child.lower_ in ("which", "that") and token.dep_ == "relcl":
                    child = token.head  # "the strike, which witnesses attributed to X"
                if _is_event(child, nouns) or child.lemma_.lower() in _INSTRUMENTS | _HARM_RESULTS:
                    # "blamed the attack on X", "the army attributed the attack to X"
                    preps = ("on",) if lemma == "blame" else ("to",)
                    # "attributed the deaths to shelling by X": a gerund is the target too
                    targets = _prep_objects(token, preps) + [
                        g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                        for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
                    for target in targets:
                        yield from _blamed_target(target, anchor=token, blamer=blamer, nouns=nouns, agents=agents)
                    if not targets and lemma == "blame":
                        # "blamed mortar fire by the Front": who fired it
                        yield from _blamed_target(child, anchor=token, blamer=blamer, nouns=nouns, agents=agents)
                elif lemma in ("blame", "accuse", "suspect") and not _accused_of_other(token):
                    # "accused X of the massacre": the accused ends before the charge
                    charge = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                                   and any(_is_event(g, nouns) or g.lemma_.lower() in _HARM_RESULTS or g.tag_ == "VBG"
                                           for g in c.children)), None)
                    if lemma == "suspect" and charge is None and not any(
                            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                        continue  # "police suspect a gas leak": no one suspected of a deed
                    yield from _mentions(child, anchor=token, blamer=blamer, agent_slot=True,
                                         stop=charge.i if charge is not None else None)
        return
    if not passive:
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return
    if subject.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
        subject = token.head
    if _is_event(subject, nouns) or subject.lemma_.lower() in _HARM_RESULTS:
        # "the massacre was attributed to X", "the attack was blamed on X"; "attributed by
        # residents and the police to X", where the parser hangs "to X" on the blamers.
        targets = _prep_objects(token, ("to", "on")) + [
            p for agent in agents for blamer_word in (agent, *agent.conjuncts) for c in blamer_word.children
            if c.dep_ == "prep" and c.lower_ in ("to", "on") for p in c.children if p.dep_ == "pobj"]
        for target in targets:
            yield from _blamed_target(target, anchor=token, blamer=blamer, nouns=nouns)
    elif lemma in ("blame", "accuse") or lemma == "suspect" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        # "X was blamed for the attack", "X was accused of ordering the raid", "X is suspected of
        # carrying out the bombing"
        yield from _mentions(subject, anchor=token, blamer=blamer, agent_slot=True)


# What an accused may be accused of doing that makes them answer for the harm itself.
_ACCOUNTABLE_DEEDS = frozenset({"order", "plan", "organise", "organize", "carry", "commit", "lead", "stage",
                                "mastermind", "sponsor", "arm", "fund", "finance", "send", "orchestrate", "perpetrate"})

# What a force is blamed for when it failed to stop the harm rather than did it.
_FAILINGS = frozenset({"negligence", "failure", "failures", "lapse", "lapses", "laxity", "inaction",
                       "incompetence", "complacency", "shortcoming", "shortcomings", "oversight", "carelessness"})


def _accused_of_other(verb: Token) -> bool:
    """ "accused the government of hiding the scale of the massacre": the deed charged is not
    the harm (hiding, lying, failing to protect), so no one is accused of the harm."""
    violence_verbs, _ = load_violence_words()
    # ("accused the ruling party's youth wing of intimidating voters": the parse may hang the
    # deed on the object rather than on the verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(p for o in objects for p in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ == "for" and verb.lemma_.lower() == "blame":
            # "blamed the guard for negligence at the gates": a failing, not the harm
            if any(c.dep_ == "pobj" and c.lemma_.lower() in _FAILINGS for c in prep.children):
                return True
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for deed in prep.children:
            if deed.dep_ == "pcomp" and deed.tag_ == "VBG":
                lemma = deed.lemma_.lower()
                return lemma not in violence_verbs and lemma not in _ACCOUNTABLE_DEEDS
        # "of intimidating voters" parsed as a noun phrase: the gerund right after "of" is the deed
        after = verb.doc[prep.i + 1] if prep.i + 1 < len(verb.doc) else None
        if after is not None and after.tag_ == "VBG" and after.dep_ == "amod" and after.head.head.i == prep.i:
            lemma = after.lemma_.lower()
            return lemma not in violence_verbs and lemma not in _ACCOUNTABLE_DEEDS
    return False


# What a harm left, which a text attributes like the harm itself ("attributed the deaths to X").
_HARM_RESULTS = frozenset({"death", "deaths", "casualties", "injuries", "disappearance", "disappearances"})


def _blamed_target(target: Token, *, anchor: Token, blamer: Token | None, nouns: frozenset[str],
                   agents: list[Token] = ()) -> Iterator[AccusedMention]:
    """Who a blame lands on: the target itself ("blamed the attack on X"), or, when the
    target is a weapon or an attack, who used it ("attributed the deaths to mortar fire by X",
    "blamed shelling by the army"); the parser may hang that "by X" on the active blaming
    verb (``agents``), where it can only belong to the weapon."""
    if target.lemma_.lower() in _INSTRUMENTS or target.lower_ in _INSTRUMENTS or _is_event(target, nouns):
        users = [*_prep_objects_of(target, "by"), *agents]
        for pobj in users:
            yield from _mentions(pobj, anchor=anchor, blamer=blamer, agent_slot=True)
        if not users and (target.lemma_.lower() in _INSTRUMENTS or target.lower_ in _INSTRUMENTS):
            # "attributed the strike to a Velmar army drone": whose drone, all the words before it
            owner = [w for w in target.subtree if w.i < target.i and w.pos_ in ("PROPN", "NOUN", "ADJ")]
            if owner and owner[-1].i == target.i - 1 and _names_a_force(owner) and not _is_place_only(owner):
                yield _mention(owner, anchor=anchor, blamer=blamer)
        return
    yield from _mentions(target, anchor=anchor, blamer=blamer, agent_slot=True)


def _prep_objects_of(noun: Token, prep: str) -> list[Token]:
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children if p.dep_ == "pobj"]


_STATEMENT_NOUNS = frozenset({"statement", "video", "message", "communique", "communiqué", "post", "posting",
                              "audio", "recording", "letter", "claim", "banner", "leaflet", "note", "placard",
                              "poster", "sign"})


def _claimed_attack(verb: Token) -> Iterator[AccusedMention]:
    """ "X claimed the attack" (a self-claim); "a statement posted by X claimed the attack": X."""
    subject = _subject_of(verb)
    if subject is None or subject.dep_ == "nsubjpass":
        return
    if verb.dep_ == "relcl" and subject.tag_ in ("WDT", "WP") and verb.head.pos_ in ("PROPN", "NOUN"):
        # "X, which claimed the attack, ...": the relative pronoun stands for X
        subject = verb.head
    if subject.lemma_.lower() in _STATEMENT_NOUNS:
        # "a banner signed by a group calling itself the X": the group, named as it calls itself
        owners = [t for t in subject.subtree if t.dep_ == "pobj" and t.head.lower_ == "by" and (
            t.pos_ == "PROPN" or any(c.lower_ in ("calling", "styling", "known", "called") for c in t.children))]
        owners += [t for t in subject.subtree if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.i == subject.i]
        for owner in owners[:1]:
            yield from _mentions(owner, anchor=verb, self_claimed=True)
        return
    yield from _mentions(subject, anchor=verb, self_claimed=True)


def _mastermind(token: Token) -> Iterator[AccusedMention]:
    """ "prosecutors named X as the raid's mastermind", "X, the mastermind", "the mastermind, X"."""
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        verb = token.head.head
        blamer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        for child in verb.children:
            if child.dep_ in ("dobj", "obj"):
                yield from _mentions(child, anchor=verb, blamer=blamer)
            elif child.dep_ == "nsubjpass":
                yield from _mentions(child, anchor=verb)
    elif token.dep_ == "appos":
        yield from _mentions(token.head, anchor=token)
    elif token.dep_ == "attr":
        subject = _subject_of(token.head)
        if subject is not None:
            yield from _mentions(subject, anchor=token.head)
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            yield from _mentions(child, anchor=token)


def _charged(token: Token) -> Iterator[AccusedMention]:
    """ "A 40-year-old woman was charged with murder", "X, who stands charged with murder"."""
    crimes = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "for", "of", "over")
              for p in c.children if p.dep_ == "pobj"]
    crimes += [p2 for p in crimes for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
               for p2 in c.children if p2.dep_ == "pobj"]  # "12 counts of murder"
    if not any(p.lemma_.lower() in _CRIMES or p.lower_ in _CRIMES for p in crimes):
        return
    verb = token.head if token.dep_ == "acomp" else token
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or verb is not token
    if not passive:
        for child in token.children:
            if child.dep_ in ("dobj", "obj"):
                blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
                # "convicted three men of murder": the parse may hang the charge on the object
                charge = next((c.i for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")
                               and any(p.lemma_.lower() in _CRIMES or p.lower_ in _CRIMES for p in c.children)), None)
                named = _named_among(child)
                if named is not None:
                    # "convicted three men ..., among them Musa Kato": the one the text names
                    yield _mention(named, anchor=token, blamer=blamer)
                else:
                    yield from _mentions(child, anchor=token, blamer=blamer, stop=charge)
        return
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is None:
        return
    if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    yield from _mentions(subject, anchor=token)


def _named_among(group: Token) -> list[Token] | None:
    """ "three men ..., among them Musa Kato": the name after "among them" in the group's
    sentence, if the group itself is no name."""
    if group.pos_ == "PROPN":
        return None
    sent = group.sent
    for tok in sent:
        if tok.i > group.i and tok.lower_ == "among" and tok.i + 2 < sent.end \
                and group.doc[tok.i + 1].lower_ in ("them", "whom") and group.doc[tok.i + 2].pos_ == "PROPN":
            end = tok.i + 2
            while end + 1 < sent.end and group.doc[end + 1].pos_ == "PROPN":
                end += 1
            return list(group.doc[tok.i + 2:end + 1])
    return None


def _on_trial(trial: Token, nouns: frozenset[str]) -> Iterator[AccusedMention]:
    """ "X is on trial for the killings, together with 16 police officers": X and those tried
    with them."""
    verb = trial.head.head
    crimes = _prep_objects(verb, ("for",)) + [p for c in trial.children if c.dep_ == "prep" and c.lower_ == "for"
                                              for p in c.children if p.dep_ == "pobj"]
    if not any(p.lemma_.lower() in _CRIMES or p.lower_ in _CRIMES or _is_event(p, nouns) for p in crimes):
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "Ampatuan, Jr.": its first word
    if subject is not None:
        yield from _mentions(subject, anchor=verb)
    # "together with X", "along with X", "alongside X"
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "along", "alongside"):
            continue
        withs = [prep] if prep.lower_ != "along" else [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
        if prep.lower_ == "with" and not any(c.lower_ in ("together", "along") for c in prep.children) \
                and not (prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("together", "along")):
            continue
        for with_ in withs if prep.lower_ != "alongside" else [prep]:
            for pobj in with_.children:
                if pobj.dep_ == "pobj":
                    yield from _mentions(pobj, anchor=verb)


def _found_guilty(token: Token) -> Iterator[AccusedMention]:
    """ "A court found X guilty of the massacre": X, claimed by the court."""
    blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            guilty = next((t for t in child.subtree if t.lower_ == "guilty"), None)
            # The parse may hang "guilty of ..." on the object: the accused ends before it.
            yield from _mentions(child, anchor=token, blamer=blamer, stop=guilty.i if guilty is not None else None)


def _holders(token: Token) -> Iterator[AccusedMention]:
    """ "a ferry held by kidnappers", "the attackers held the hostages"."""
    hostages = any(t.lower_ in ("hostage", "hostages", "captive", "captives") for t in token.subtree)
    for child in token.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (hostages or _names_attackers(pobj)):
                    yield from _mentions(pobj, anchor=token)
        elif child.dep_ == "nsubj" and hostages:
            yield from _mentions(child, anchor=token)


# Who did it, named after a copula: "The killers were the X militia".
_DOERS = frozenset({"killers", "perpetrators", "culprits", "killer", "perpetrator", "culprit"})


def _attackers_belong(token: Token) -> Iterator[AccusedMention]:
    """ "the attackers were members of X, paid by Y", "the gunmen belonged to X"."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (_names_attackers(subject) or subject.lower_ in _DOERS and subject.pos_ == "NOUN"):
        return
    if token.lemma_ == "belong":
        for target in _prep_objects(token, ("to",)):
            yield from _mentions(target, anchor=token)
        return
    for attr in token.children:
        if attr.dep_ != "attr":
            continue
        if attr.lower_ in _MEMBER_NOUNS or attr.lemma_.lower() in _MEMBER_NOUNS:
            for group in _of_objects(attr):
                yield from _mentions(group, anchor=token)
        elif attr.pos_ == "PROPN":
            yield from _mentions(attr, anchor=token)
        for verb in attr.subtree:
            if verb.lemma_.lower() in _SENDER_VERBS and verb.dep_ == "acl":
                for agent in verb.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                yield from _mentions(pobj, anchor=token)


# "gunmen suspected to be members of X", "jihadists linked to X": who the doers are said to be.
_SAID_TO_BE = frozenset({"suspect", "believe", "think", "say", "allege", "presume", "understand", "report"})
_TIES = frozenset({"linked", "loyal", "affiliated", "allied", "connected", "tied"})


def _attackers_affiliated(token: Token, sent: SpacySpan, verbs: frozenset[str]) -> Iterator[AccusedMention]:
    """The group the attackers are said to be ("suspected to be members of X") or to be tied
    to ("linked to X", "loyal to X"), when the sentence shows them doing harm. The doers must
    be the subject: "killed 12 militants suspected to be members of X" accuses no X."""
    if token.lower_ in _TIES:
        targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                   for g in c.children if g.dep_ == "pobj"]
    else:
        be = next((c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() == "be"), None)
        targets = [c for c in be.children if c.dep_ == "attr"] if be is not None else []
    if not targets:
        return
    if token.dep_ in ("acl", "amod", "relcl"):
        described = token.head  # parsed as it reads: "gunmen [suspected to be ...]"
    else:  # the small parser often makes the participle the main verb: "Jihadists linked to X killed"
        described = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if described is None or described.dep_ not in ("nsubj", "nsubjpass", "ROOT") \
            or not (_names_attackers(described) or described.lower_ in FORCE_NOUNS):
        return
    if not any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and t.i != token.i for t in sent):
        return  # "gunmen believed to be members of X were arrested": no harm in this sentence
    for target in targets:
        yield from _mentions(target, anchor=token, agent_slot=True)


def _instrument_owner(subject: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "army shelling killed 12", "police bullets killed 3": who fires the weapon; "bombs
    dropped from a government aircraft", "shells fired by the army": who the text says
    fired it."""
    following = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    # "bombs dropped from X": the parser may hang the participle elsewhere; right after the
    # weapon, it still says who delivered it.
    stray = [following] if following is not None and following.tag_ in ("VBN", "VBD") and following.head.i != subject.i \
        and not any(c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") for c in following.children) else []
    for child in (*subject.children, *stray):
        if (child.dep_ == "acl" or child in stray) and child.lemma_.lower() in _DELIVER_VERBS | {"fire", "launch", "shoot"}:
            for prep in child.children:
                if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "from":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=anchor, agent_slot=True)
        elif child.dep_ == "poss" and not _is_time(child):
            yield from _mentions(child, anchor=anchor)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < subject.i:
            tokens = [t for t in child.subtree if t.i < subject.i and t.dep_ != "punct"]
            if tokens and _names_a_force(tokens) and not _is_place_only(tokens):
                yield _mention(tokens, anchor=anchor)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the clause it continues: a conjoined verb shares its
    first conjunct's subject; a participle or infinitive of purpose takes its clause's;
    "X is believed to be behind it" takes the raised subject."""
    current, via_conj = verb, False
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.dep_ == "nsubjpass" and via_conj:
                    return None  # "the village was attacked ... and burned": no agent here
                return child
        if current.dep_ == "acl" and current is verb and any(c.dep_ in ("dobj", "obj") for c in current.children) \
                and current.head.pos_ in ("NOUN", "PROPN"):
            # "X - Gunmen on motorbikes killed 27 people": a verb the parser hung on its subject
            # (or on the last noun of it)
            subject = current.head
            while subject.dep_ == "pobj" and subject.head.dep_ == "prep" and subject.head.head.pos_ in ("NOUN", "PROPN"):
                subject = subject.head.head
            return subject
        if current.dep_ == "conj":
            via_conj = True
            current = current.head
        elif current.dep_ == "xcomp" or (current.dep_ == "advcl" and (
                current.tag_ == "VBG" or any(c.lower_ == "to" for c in current.children))):
            current = current.head
        elif current.dep_ in ("acomp", "pcomp") or (current.dep_ == "prep" and current is verb):
            current = current.head
        else:
            return None
    return None


def _names_attackers(token: Token) -> bool:
    """A phrase about the attackers themselves ("12 kidnappers", "15 of the gunmen")."""
    if token.lower_ in _ATTACKER_NOUNS or token.lemma_.lower() in _ATTACKER_NOUNS:
        return True
    return any(_names_attackers(p) for p in _of_objects(token)) if token.pos_ in ("NUM", "PRON", "NOUN") else False


def _responds_to_attackers(subject: Token, sent: SpacySpan) -> bool:
    """Security forces storming a place the attackers hold ("troops stormed the hotel held
    by the gunmen", "after a long standoff, commandos entered the building")."""
    own = {t.i for t in subject.subtree}
    if not any(t.lower_ in _RESPONDER_NOUNS for t in subject.subtree):
        return False
    for t in sent:
        if t.i in own:
            continue
        if t.lower_ in _STANDOFF_WORDS or _names_attackers(t) and t.lower_ not in ("suspect", "suspects"):
            return True
    return False


def _event_follows(verb: Token, nouns: frozenset[str]) -> bool:
    """ "claiming the massacre and warning rivals ...": the parser may hang the event noun
    elsewhere, but "the" and an event right after the verb are still what it claims."""
    doc = verb.doc
    return verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "the" and doc[verb.i + 2].text.islower() \
        and _is_event(doc[verb.i + 2], nouns)


def _is_event(token: Token | None, nouns: frozenset[str]) -> bool:
    if token is None:
        return False
    lemma = token.lemma_.lower()
    return lemma in nouns or lemma in _EVENT_NOUNS or token.lower_ in _EVENT_NOUNS


def _is_time(token: Token) -> bool:
    # The words first: an entity type may cost a run of the NER (``entity_type``).
    return token.lower_.rstrip("'’s") in _TIME_WORDS or token.lemma_.lower() in _TIME_WORDS \
        or entity_type(token) in ("DATE", "TIME")


def _first_pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _of_objects(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _prep_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    found = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
             for p in c.children if p.dep_ == "pobj"]
    # "blamed the attack on X": the parser may hang "on X" on the object noun.
    for obj in verb.children:
        if obj.dep_ in ("dobj", "obj", "nsubjpass"):
            found += [p for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children if p.dep_ == "pobj"]
    return found


def _is_state_abbreviation(token: Token) -> bool:
    letters = token.text.replace(".", "")
    return entity_type(token) == "GPE" and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 4


# Word classes that never name a state or a group on their own (determiners, numerals...).
_NEVER_A_NAME = frozenset({"DET", "NUM", "PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "SYM"})


def _name_may_go_on(tokens: list[Token]) -> bool:
    """True when a name word lies beyond either end of ``tokens`` across only words a name
    may hold ("Katibat Nur | al - Din"): only then can the named entity around them reach
    further, so only then is the NER asked (each ask may cost a run of it)."""
    if not tokens:
        return False
    doc = tokens[0].doc
    for step, at in ((-1, tokens[0].i - 1), (1, tokens[-1].i + 1)):
        while 0 <= at < len(doc) and doc[at].pos_ in ("PUNCT", "ADP", "DET"):
            at += step
        if 0 <= at < len(doc) and doc[at].pos_ == "PROPN":
            return True
    return False


def _names_a_state_or_group(token: Token) -> bool:
    """A modifier of an attack noun that names who attacked, not where ("the Baga attack").

    A demonym ("the Russian assault") or a state's abbreviation ("the U.S. strike") names the
    attacker; a country's full name usually names where ("the Kenya attack", "the Mali
    bombing"), like a town's."""
    if token.pos_ in _NEVER_A_NAME:
        return False  # "the attack", "two attacks": asking the NER would only cost its run
    if entity_type(token) in ("NORP", "ORG"):
        return True
    if entity_type(token) == "GPE":
        return _is_state_abbreviation(token)
    return token.pos_ == "PROPN" and entity_type(token) not in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")


def _mention(tokens: list[Token], *, anchor: Token, self_claimed: bool = False, blamer: Token | None = None,
             modifier: bool = False) -> AccusedMention:
    if len(tokens) > 1 and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]  # "Velt Khar's custody": the owner, not its possessive
    while len(tokens) > 1 and tokens[-1].lower_ in ("not", ",", "but", "and"):
        tokens = tokens[:-1]  # "the rebels, not its aircraft": the contrast is no part of the name
    # "two police officers", "some 50 armed men": who they are, not how many.
    counted = [t for t in tokens if t.pos_ == "NUM" and t.dep_ == "nummod" and t.head.i == tokens[-1].i]
    if counted and len(tokens) > len(counted):
        cut = {t.i for n in counted for t in n.subtree}
        if all(t.i in cut or t.pos_ == "DET" for t in tokens[:max(cut) - tokens[0].i + 1]):
            tokens = [t for t in tokens if t.i not in cut and not (t.pos_ == "DET" and t.i < min(cut))] or tokens
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    text = doc_text(anchor.doc)
    # "Harakat Rijal al-Sahra" parsed as two subjects: a name goes on across a hyphen.
    while True:
        joined = re.match(r"[-‐‑][^\W\d_][\w'’]*", text[end:]) or (
            re.match(r"[^\W\d_][\w'’]*", text[end:]) if end > start and text[end - 1] in "-‐‑" else None)
        if joined is None:
            break
        end += joined.end()
    # A citation mark or quote glued to the name ("Haram"[3][4]") is not part of it.
    cut = re.search(r"[\"“”\[]", text[start:end])
    if cut and cut.start() > 0:
        end = start + cut.start()
    while end > start and text[end - 1] in " ,;:'’\"“”":
        end -= 1
    while start < end and text[start] in "\"“”'‘":
        start += 1
    return AccusedMention(surface=text[start:end], start=start, end=end, token=anchor,
                          self_claimed=self_claimed, blamer=blamer, modifier=modifier)


def _mentions(head: Token, *, anchor: Token, self_claimed: bool = False, blamer: Token | None = None,
              compound: bool = False, stop: int | None = None, agent_slot: bool = False) -> Iterator[AccusedMention]:
    """The accused named at ``head``. ``agent_slot``: the construction itself says that the
    phrase is a doer ("blamed the attack on X"), so a name the tagger took for a place is
    still an actor."""
    if compound:
        # The whole name before the noun: "Boko Haram" in "Boko Haram attack", whichever of
        # its words the parser made the head.
        first = head.left_edge
        while first.i > 0 and head.doc[first.i - 1].text[:1].isupper() and head.doc[first.i - 1].is_alpha \
                and not head.doc[first.i - 1].is_sent_start:
            first = head.doc[first.i - 1]  # "Red Dawn Front attack": the parser split the name
        tokens = [t for t in head.doc[first.i:head.i + 1] if t.dep_ != "punct" or t.text in (".", "-")]
        tokens = [t for t in tokens if t.lower_ not in ("the", "a", "an")]
        if tokens and (_is_state_abbreviation(head) or not _is_place_only(tokens)) and not _is_furniture(tokens):
            yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer, modifier=True)
        return
    for item in (head, *[t for t in head.conjuncts if t.i > head.i]):
        if _in_dateline(item):
            continue
        if item.pos_ == "PRON" or (item.lower_ in _NEVER_ACCUSED and item.lower_ != "members"):
            continue
        if (item.lower_ in _MEMBER_NOUNS or item.lemma_.lower() in _MEMBER_NOUNS) and item.pos_ != "PROPN":
            # "members of the X family", "fighters of X": the group is the actor.
            found_group = False
            for group in _of_objects(item):
                # "soldiers of the 4th battalion and members of the guard", parsed with the
                # second "of" on "battalion": each member noun has its own body.
                members = [c for c in group.conjuncts if c.i > group.i and (
                    c.lower_ in _MEMBER_NOUNS or c.lemma_.lower() in _MEMBER_NOUNS)]
                cut = min((c.i for c in group.children if c.dep_ == "cc" and members and c.i < members[0].i),
                          default=None)
                groups = [(group, stop if cut is None else cut if stop is None else min(cut, stop))]
                if cut is not None:
                    groups += [(g, stop) for g in _of_objects(group) if g.i > members[0].i]
                    groups += [(g, stop) for member in members for g in _of_objects(member)]
                for body, end in groups:
                    tokens = [t for t in _without_dateline(phrase_tokens(body)) if t.text not in ("(", ")")
                              and (end is None or t.i < end)]
                    if tokens and (_names_an_actor(tokens) or body.lower_ in _GROUP_NOUNS) and not _is_place_only(tokens):
                        found_group = True
                        yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            if found_group:
                continue
            if item.lower_ == "members" and not any(
                    c.dep_ == "compound" and (c.lower_ in FORCE_NOUNS or c.lower_ in _GROUP_NOUNS) for c in item.children):
                continue  # "members" alone names no one; "militia members", "gang members" do
        named_appositions = [c for c in item.children if c.dep_ == "appos" and c.i > item.i and c.pos_ == "PROPN"]
        if not named_appositions and item.pos_ == "NOUN":
            # "the owner of the X estate, John Doe, who ...": the person the phrase ends on
            people = [t for t in item.subtree if t.dep_ == "appos" and entity_type(t) == "PERSON" and t.i > item.i]
            if len(people) == 1:
                named_appositions = people
        if named_appositions and item.pos_ == "PROPN" and item.lower_ in _TITLE_NOUNS and any(
                entity_type(c) == "PERSON" for c in named_appositions):
            # "the Velmar County Commissioner, Jon Osk": an office and the person who holds it
            # are one accused, the person.
            named_appositions = [c for c in named_appositions if entity_type(c) == "PERSON"]
            for child in named_appositions:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        if named_appositions and item.pos_ != "PROPN":
            # "Iranian proxies Kata'ib Hezballah (KH)": the apposition is the actor named.
            for child in named_appositions:
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
            continue
        tokens = _without_dateline([t for t in phrase_tokens(item) if t.text not in ("(", ")")])
        if item.lower_ in _MEMBER_NOUNS and any(
                t.dep_ == "poss" and t.head.i == item.i and (t.pos_ == "PRON" or t.pos_ == "NOUN" and t.text.islower())
                for t in tokens):
            continue  # "its fighters", "the group's fighters": whose, the text said before
        if item.pos_ == "PROPN" and _name_may_go_on(tokens) and entity_type(item):
            # "Katibat Nur al-Din" parsed as three subjects: the named entity is the one name.
            entity = next((e for e in item.doc.ents if e.start <= item.i < e.end), None)
            if entity is not None and tokens and (entity.start < tokens[0].i or entity.end - 1 > tokens[-1].i) \
                    and all(t.pos_ in ("PROPN", "PUNCT", "ADP", "DET") for t in entity):
                inside = {t.i for t in tokens}
                tokens = sorted([*tokens, *(t for t in entity if t.i not in inside and t.text not in ("(", ")"))],
                                key=lambda t: t.i)
        if tokens and tokens[-1].i + 1 < len(item.doc):
            glued = item.doc[tokens[-1].i + 1]
            if glued.text[:1].isalpha() and re.search(r"[\"”\[]", glued.text):
                tokens.append(glued)  # 'group "Boko Haram"[3]': a name torn by a citation mark
        if stop is not None:
            tokens = [t for t in tokens if t.i < stop]
        possessor = next((c for c in item.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        named = _self_named(_without_dateline(list(item.subtree)))
        if named:
            tokens = named  # "a militant group calling itself the X Brigade": the X Brigade
        if tokens and tokens[0].lower_ in _DEMONSTRATIVES and not any(t.pos_ == "PROPN" for t in tokens):
            continue  # "these forces": who they are was said elsewhere
        if [t.lower_ for t in tokens if t.pos_ not in ("DET", "NUM")] in (["men"], ["man"], ["women"], ["woman"]):
            continue  # "nine men": nothing says who they are
        if not tokens or not _names_an_actor(tokens) or (not agent_slot and _is_place_only(tokens)) \
                or _is_furniture(tokens):
            continue
        if possessor is not None and possessor.head.head.dep_ == "relcl":
            # "the mayor, whose guards were blamed": the owner's guards.
            owner = possessor.head.head.head
            owner_tokens = [t for t in phrase_tokens(owner) if t.dep_ != "punct"]
            rest = [t for t in tokens if t.i != possessor.i]
            if owner_tokens and rest:
                mention = _mention(rest, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
                owner_text = doc_text(head.doc)[min(t.idx for t in owner_tokens):max(t.idx + len(t.text) for t in owner_tokens)]
                yield AccusedMention(surface=f"{owner_text}'s {mention.surface}", start=mention.start,
                                     end=mention.end, token=anchor, self_claimed=self_claimed, blamer=blamer)
                continue
        yield _mention(tokens, anchor=anchor, self_claimed=self_claimed, blamer=blamer)
        # "Iranian proxies Kata'ib Hezballah (KH)": an apposition names the actor itself;
        # "the Orrin Front, an armed group": a description of a name adds nothing.
        for child in item.children:
            if child.dep_ == "appos" and child.i > item.i and (child.pos_ == "PROPN" or item.pos_ != "PROPN"):
                if any(t.lower_ in _EVENT_NOUNS for t in child.subtree if t.i <= child.i):
                    continue  # "gunmen killed six ..., an attack police blamed on X": the event again
                yield from _mentions(child, anchor=anchor, self_claimed=self_claimed, blamer=blamer)


_DASHES = frozenset({"-", "—", "–", "--"})


def _in_dateline(token: Token) -> bool:
    """A word of "ORRIN, Velmar (Agency) -" before a report's first sentence."""
    sentence = token.sent
    first = sentence[0]
    if not (first.text.isupper() and first.is_alpha and len(first.text) > 1):
        return False
    for t in sentence:
        if t.text in _DASHES:
            return token.i < t.i
        if t.pos_ in ("VERB", "AUX") or t.i - first.i > 12:
            return False
    return False


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """ "SAO LUIS, Brazil, March 11 (Agency) - Gunmen": the words after a dateline's dash."""
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 1):
        return tokens
    for i, token in enumerate(tokens):
        if token.text in _DASHES:
            return tokens[i + 1:]
    if all(t.text.isupper() or not t.is_alpha for t in tokens):
        text = doc_text(tokens[0].doc)
        after = text[tokens[-1].idx + len(tokens[-1].text):].lstrip()
        if after[:1] in ("-", "—", "–"):
            return []  # the dateline alone
    return tokens


_ROMANCE_PARTICLES = frozenset({"del", "de", "da", "do", "dos", "das", "du", "des", "della", "di"})
_SELF_NAMING = (("calling", "itself"), ("calling", "themselves"), ("known", "as"), ("called",), ("named",),
                ("styling", "itself"), ("identified", "as"), ("named", "as"))


def _self_named(tokens: list[Token]) -> list[Token] | None:
    """The name after "calling itself", "known as", "called" inside an accused phrase."""
    words = [t.lower_ for t in tokens]
    for cue in _SELF_NAMING:
        for i in range(len(words) - len(cue)):
            if tuple(words[i:i + len(cue)]) == cue:
                rest = tokens[i + len(cue):]
                while rest and rest[0].lower_ in ("the", "a", "an", "as"):
                    rest = rest[1:]
                end = 0
                # "the Cártel del Filo": a Romance particle between capitalised words is in the name
                while end < len(rest) and (rest[end].text[:1].isupper() or rest[end].lower_ in (
                        "of", "al", "-", *_ROMANCE_PARTICLES)):
                    end += 1
                while end and rest[end - 1].lower_ in ("of", "-", *_ROMANCE_PARTICLES):
                    end -= 1
                if end:
                    return rest[:end]
    return None


def _is_place_only(tokens: list[Token]) -> bool:
    """A phrase that is only a place ("Camp Tarrow massacre" parsed with the camp as agent)."""
    if any(t.lower_ in FORCE_NOUNS or t.lower_ in _GROUP_NOUNS for t in tokens):
        return False  # "the Dessane gang" is people, whatever the tagger thinks of "Dessane"
    names = [t for t in tokens if t.pos_ == "PROPN"]
    return bool(names) and all(entity_type(t) in ("FAC", "LOC", "GPE") for t in names) and not any(
        entity_type(t) in ("ORG", "NORP") for t in tokens)


def _is_furniture(tokens: list[Token]) -> bool:
    """Words of an image's file name or of an infobox label, not of the report."""
    text = doc_text(tokens[0].doc)
    line_start = text.rfind("\n", 0, tokens[0].idx) + 1
    line_end = text.find("\n", tokens[-1].idx)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    phrase = text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    return bool(_FURNITURE.search(phrase)) or bool(re.search(r"\.(?:svg|png|jpe?g|gif|webp)\s*$", line, re.IGNORECASE))


def _names_a_force(tokens: list[Token]) -> bool:
    """A name or a noun of armed force ("army", "police"): who owns a weapon ("police bullets",
    not "sniper bullets", which says only what kind of shot it was)."""
    # The words first: an entity type may cost a run of the NER (``entity_type``).
    return any(t.pos_ == "PROPN" or t.lower_ in FORCE_NOUNS for t in tokens) \
        or any(entity_type(t) in ("ORG", "NORP", "GPE", "PERSON") for t in tokens)


def _names_an_actor(tokens: list[Token]) -> bool:
    # A name, or "a group of armed men and women", "masked men": people described by their
    # arms; the entity types last, since asking one may cost a run of the NER.
    return any(t.pos_ == "PROPN" or t.lower_ in FORCE_NOUNS or t.lower_ in _PERSON_NOUNS or t.lower_ in _TITLE_NOUNS
               or t.lower_ in ("armed", "masked", "gunmen", "suspected") for t in tokens) \
        or any(entity_type(t) in ("ORG", "NORP", "GPE", "PERSON") for t in tokens)


# Words that name nobody but the attackers of the event a report is about: when a report
# accuses no one, the attackers it describes acting ("the gunmen came at dawn") are its accused.
_ONLY_ATTACKERS = frozenset({"gunman", "gunmen", "hostage-takers", "attackers", "assailants", "kidnappers",
                             "abductors", "bombers", "bomber", "attacker", "assailant", "kidnapper", "shooter"})


_ARMED = frozenset({"armed", "masked", "hooded", "heavily-armed"})


def find_described_attackers(sent: SpacySpan) -> Iterator[AccusedMention]:
    """The attackers a sentence shows acting, named only by what they did ("the gunmen left
    the market", "the hostage-takers brought explosives"): a report's last resort."""
    for token in sent:
        if token.dep_ != "nsubj" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        words = token.lower_
        if words in ("takers", "taker") and token.i > 0 and token.doc[token.i - 1].lower_ in ("hostage", "-"):
            words = "hostage-takers"
        if words in ("men", "man") and any(c.dep_ == "amod" and c.lower_ in _ARMED for c in token.children):
            words = "gunmen"  # "armed men burst into the school": men described by their arms
        if words not in _ONLY_ATTACKERS:
            continue
        tokens = [t for t in token.subtree if t.i <= token.i and t.dep_ != "punct" or t.text == "-" and t.i < token.i]
        tokens = [t for t in tokens if t.i >= token.left_edge.i]
        if tokens and not any(t.pos_ == "PRON" for t in tokens):
            yield _mention(tokens, anchor=token.head)


def is_direct(mention: AccusedMention) -> bool:
    """Whether the sentence shows the accused doing the harm, not blamed, charged or claiming it."""
    if mention.self_claimed or mention.blamer is not None:
        return False
    verbs, nouns = load_violence_words()
    lemma = mention.token.lemma_.lower()
    return lemma in verbs or lemma in nouns or lemma in _EVENT_NOUNS or lemma in (
        "hold", "blow", "detonate", "open", "behest", "hands", "custody", "captivity", "hideout")
