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

This module reads the parse around violence verbs and nouns, and stays the entry point that
``run`` and ``perpetrators`` import. The other parts live in modules of one idea each:
``accused_phrase`` (which phrase of the parse names an accused), ``accused_doers`` (the
subject and agent of a violence verb and who sent them), ``accused_weapons`` (harm done with
a weapon, and who fired it), ``accused_affiliation`` (whom the attackers belong to or are said
to be), ``accused_blame`` (blame, attribution, claims, charges and denials),
``accused_scope`` (which found phrases speak of this attack), ``accused_descriptions``
(descriptions of actors), ``accused_in_text`` (accused stated by infoboxes, tables and coded
entries) and ``accused_naming`` (naming and vetting an accused once found).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reckon.extract.accused_blame import (
    _blamed,
    _charged,
    _claimed_attack,
    _denied,
    _found_guilty,
    _mastermind,
    _on_trial,
    _prep_objects_of,
)
# The entry point re-exports what ``run``, ``perpetrators`` and the tests import from it
# (is_description, is_generic, names_one_person and the two modules below).
from reckon.extract.accused_descriptions import (
    _RESPONDER_NOUNS,
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
from reckon.extract.accused_phrase import (
    AccusedMention,
    _EVENT_NOUNS,
    _event_follows,
    _first_pobj,
    _is_event,
    _is_time,
    _mention,
    _mentions,
    _names_a_state_or_group,
    _names_attackers,
    _of_objects,
    _prep_objects,
    _subject_of,
)
from reckon.extract.accused_affiliation import DOERS, SAID_TO_BE, TIES, attackers_affiliated, attackers_belong
from reckon.extract.accused_doers import SPOKESMEN, own_fighters, verb_agents
from reckon.extract.accused_scope import SPAN_OF_TIME, in_clause, source_label, two_forces
from reckon.extract.accused_weapons import is_harm_verb
from reckon.extract.name_phrases import phrase_tokens
from reckon.extract.doc_text import span_text
from reckon.extract.lexicon import load_violence_words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["AccusedMention", "IdentifiedAttacker", "InfoboxAccused", "accused_name", "find_accused", "find_described_attackers",
           "find_coded_accused", "find_identified_attacker", "find_infobox_accused", "find_table_accused",
           "identifies_attackers", "is_bare_soldiers", "is_description", "is_direct", "is_generic",
           "names_one_person", "storms_a_held_place", "unit_of_soldiers"]


_SUSPECT_NOUNS = frozenset({"suspects", "perpetrators", "attackers", "assailants", "killers", "defendants",
                            "accused", "culprits"})
_CAPTIVITY = frozenset({"custody", "captivity", "hideout", "hideouts", "camps", "dungeons"})


def find_accused(sent: SpacySpan) -> Iterator[AccusedMention]:
    """Every accused phrase of one parsed sentence (possibly repeated: callers dedupe)."""
    spans = [sent.start_char + m.start() for m in SPAN_OF_TIME.finditer(span_text(sent))]
    for mention in _find_accused(sent):
        # A clause about a span of time speaks of a conflict, not of this attack.
        if not any(in_clause(mention.token, position) for position in spans) and not source_label(sent, mention):
            yield from two_forces(mention)


def _find_accused(sent: SpacySpan) -> Iterator[AccusedMention]:
    verbs, nouns = load_violence_words()
    for token in sent:
        # Read once: most tokens fall through every test below, each reading these again.
        lemma, pos, dep, lower = token.lemma_.lower(), token.pos_, token.dep_, token.lower_
        nominal = pos in ("NOUN", "PROPN") or dep in ("pobj", "dobj", "nsubj", "nsubjpass")
        if pos in ("VERB", "AUX") and not nominal and is_harm_verb(token, lemma, verbs):
            yield from verb_agents(token, lemma, sent, nouns)
            yield from own_fighters(token)
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
            if is_harm_verb(verb, verb.lemma_.lower(), verbs):
                partners = _of_objects(token) or [p for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                                                  for p in c.children if p.dep_ == "pobj"]
                for partner in partners:
                    yield from _mentions(partner, anchor=verb, agent_slot=True)
        if lemma == "hallmark" and dep in ("dobj", "obj", "attr"):
            # "the killings bore the hallmarks of X"
            for pobj in _of_objects(token):
                yield from _mentions(pobj, anchor=token.head, agent_slot=True)
        if lemma in ("fingerprint", "signature") and dep in ("dobj", "obj") and \
                token.head.lemma_.lower() in ("bear", "carry", "have", "show"):
            # "the crime bears the fingerprints of X", "the blast carried the signature of X": the
            # traces of the deed name a doer as a hallmark does ("collected the signature of the
            # mayor" names none: only a deed bears it)
            for pobj in _of_objects(token):
                yield from _mentions(pobj, anchor=token.head, agent_slot=True)
        if lemma == "blame" and pos == "NOUN" and dep in ("dobj", "obj") and \
                token.head.lemma_.lower() in _BLAME_PLACERS and not _denied(token.head):
            # "the minister put the blame on the X militia", "placed the blame for the massacre on X",
            # "laid the blame on what he called \"X gangs\"": the noun does what "blamed" does
            yield from _blame_put_on(token.head)
        if lower in ("behest", "hands") and token.head.lower_ in ("at", "by", "in"):
            # "at the behest of X", "at the hands of X", "died in the hands of X"
            for pobj in _of_objects(token):
                yield from _mentions(pobj, anchor=token)
        elif lower in ("orders", "order", "instructions") and token.head.lower_ in ("on", "under") and any(
                is_harm_verb(v, v.lemma_.lower(), verbs) or v.lemma_.lower() in ("act",) for v in token.head.ancestors):
            # "militiamen acting on the orders of X stormed the village": who gave the orders
            for pobj in (*_of_objects(token), *_prep_objects_of(token, "from")):
                yield from _mentions(pobj, anchor=token, agent_slot=True)
        elif lemma == "responsibility" and token.head.lemma_.lower() in ("claim", "admit", "accept", "take", "assume", "bear"):
            for child in token.head.children:
                if child.dep_ != "nsubj":
                    continue
                if child.lemma_.lower() in SPOKESMEN:
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
        elif pos == "VERB" and lemma in ("boast", "brag", "gloat") and any(
                _is_event(p, nouns) for p in _prep_objects(token, ("of", "about", "over"))):
            # "the group has boasted of the massacre on its channels": a claim of its own deed
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
        elif lemma == "point" and pos == "VERB" and any(c.dep_ in ("dobj", "obj") and c.lower_ == "finger"
                                                        for c in token.children):
            # "officials pointed the finger at X": X, blamed by them
            blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
            for target in _prep_objects(token, ("at",)):
                yield from _mentions(target, anchor=token, blamer=blamer, agent_slot=True)
        elif lemma == "point" and pos in ("VERB", "NOUN") and any(
                c.dep_ in ("nsubj", "compound") and c.lemma_.lower() in _EVIDENCE for c in token.children):
            # "the evidence points to X", "all signs pointed to the army"; the tagger may read
            # "evidence points" as one noun ("initial evidence points to X")
            for target in _prep_objects(token, ("to", "at")):
                yield from _mentions(target, anchor=token, agent_slot=True)
        elif lemma == "point" and pos == "VERB" and _points_the_finger(token):
            # "residents pointed (the finger) at the X militia": the speakers blame X
            blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
            for target in _prep_objects(token, ("at", "to")):
                yield from _mentions(target, anchor=token, blamer=blamer, agent_slot=True)
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
                yield from _mentions(child, anchor=verb, blamer=blamer, agent_slot=True, stop=token.i, held=True)
        elif lower == "responsible" and dep == "acomp" and any(
                _is_event(p, nouns) or p.lemma_.lower() in ("death", "life") for p in _prep_objects(token, ("for",))):
            # "the Front was responsible for the bombing"
            subject = _subject_of(token.head)
            if subject is not None:
                yield from _mentions(subject, anchor=token.head, agent_slot=True)
        elif lemma == "hold" and pos == "VERB":
            yield from _holders(token)
        elif lemma in ("identify", "name") and pos == "VERB" and any(
                _names_the_doer(target, nouns) for target in _prep_objects(token, ("as",))):
            # "the army named the Front as the group behind the bombing", "police identified
            # the Front as the perpetrators": the one named, by whoever names it
            yield from _the_named(token)
        elif lemma in ("identify", "name", "describe", "recognise", "recognize") and pos == "VERB" and any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and _names_attackers(c) for c in token.children):
            # "survivors identified the attackers as members of X": X
            blamer = next((c for c in token.children if c.dep_ == "nsubj"), None)
            for target in _prep_objects(token, ("as",)):
                if not _names_attackers(target):
                    yield from _mentions(target, anchor=token, blamer=blamer, agent_slot=True)
        elif lemma in _CASTING_VERBS and pos == "VERB" and _cast_as_responsible(token, nouns):
            # "the authorities described the Front as responsible for the violence", "police
            # named X as responsible for the attack": X, by whoever casts it so
            yield from _the_named(token)
        elif pos == "AUX" and lemma == "be" or token.lemma_ in ("belong",):
            yield from attackers_belong(token)
        if (lemma in SAID_TO_BE and pos == "VERB") or lower in TIES:
            yield from attackers_affiliated(token, sent, verbs)


# Verbs that cast someone in a role: "described / portrayed / named X as responsible for it".
_CASTING_VERBS = frozenset({"describe", "portray", "depict", "present", "brand", "label", "cast", "name",
                            "identify", "single", "paint"})
# Harms one is made to answer for beside the attack nouns: "responsible for the violence".
_ANSWERED_HARMS = frozenset({"violence", "bloodshed", "death", "killing", "unrest", "massacre", "it", "them"})



def _the_named(verb: Token) -> Iterator[AccusedMention]:
    """Whom a verb of naming or casting names ("police named the Front as ..."), blamed by its
    subject; or the subject of its passive ("the Front was named as ...")."""
    blamer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            yield from _mentions(child, anchor=verb, blamer=blamer, agent_slot=True)
        elif child.dep_ == "nsubjpass":
            yield from _mentions(child, anchor=verb, agent_slot=True)

def _cast_as_responsible(verb: Token, nouns: frozenset[str]) -> bool:
    """ "as responsible for the violence" on the verb: the parser hangs the adjective on "as"
    itself (no object of the preposition), so the role is read from the words under "as"."""
    if _denied(verb):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for word in prep.subtree:
            if word.lower_ == "responsible" and any(
                    _is_event(p, nouns) or p.lemma_.lower() in _ANSWERED_HARMS or p.lower_ in _ANSWERED_HARMS
                    for p in _prep_objects(word, ("for",))):
                return True
    return False


# Verbs that set blame on someone: "put/place/lay/pin/shift the blame on X".
_BLAME_PLACERS = frozenset({"put", "place", "lay", "pin", "shift", "cast"})


def _blame_put_on(verb: Token) -> Iterator[AccusedMention]:
    blamer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    targets = list(_prep_objects(verb, ("on", "upon")))
    # ("the blame for the massacre on X": the parser hangs "on X" on the harm)
    targets += [p for harm in _prep_objects(verb, ("for",)) for p in _prep_objects_of(harm, "on")]
    # ("on what he called \"X gangs\"": the name given is the one blamed)
    targets += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for call in c.children if call.dep_ == "pcomp" for o in call.children if o.dep_ == "oprd"]
    for target in targets:
        yield from _mentions(target, anchor=verb, blamer=blamer, agent_slot=True)


def _points_the_finger(verb: Token) -> bool:
    """ "X pointed the finger at Y", "X pointed at Y": someone blames Y. A thing pointed ("pointed
    a rifle at them") or a denial ("did not point at anyone") blames no one; "pointed to" without
    the finger is evidence, not blame ("pointed to the fact")."""
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children) or _denied(verb):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if objects:
        return all(o.lemma_.lower() == "finger" for o in objects)
    return any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


# Roles of who set the attack up: "named X as the organiser / ringleader of the bombing".
_PLANNER_ROLES = frozenset({"organiser", "organizer", "ringleader", "mastermind", "planner", "architect"})


# Deeds that make the one who did them answer for the attack: "the man who planned it".
_PLANNED = frozenset({"plan", "order", "organise", "organize", "mastermind", "lead", "carry", "commit",
                      "orchestrate", "kill", "attack", "bomb", "shoot"})


def _names_the_doer(role: Token, nouns: frozenset[str]) -> bool:
    """ "as the group behind the bombing", "as the perpetrators", "as those responsible for the
    attack": a role that is the doer of the harm."""
    if role.lower_ in DOERS:
        return True
    if role.lower_ in _PLANNER_ROLES and all(_is_event(o, nouns) for o in _of_objects(role)):
        return True  # "named X as the organiser (of the attack)"; not "of the festival"
    if any(c.dep_ == "relcl" and c.lemma_.lower() in _PLANNED for c in role.children):
        return True  # "named X as the man who planned it"
    # ("as the group behind it": the attack the text speaks of)
    return any(t.lower_ == "behind" and (_is_event(_first_pobj(t), nouns) or getattr(_first_pobj(t), "lower_", "")
                                         in ("it", "them")) for t in role.subtree) or any(
        t.lower_ == "responsible" for t in role.subtree)


# What points to a culprit: "the evidence points to X".
_EVIDENCE = frozenset({"evidence", "finding", "sign", "indication", "clue", "trail", "investigation", "inquiry",
                       "hallmark", "everything", "all",
                       # the traces of how it was done: "the signature of the devices pointed to X",
                       # "the pattern of the killings points to the militia"
                       "signature", "fingerprint", "pattern", "modus", "trace", "footprint"})


# "with the complicity of the police", "in collusion with the army": a party to the harm.
_COMPLICITY = frozenset({"complicity", "collusion", "connivance"})


def _noun_agents(token: Token) -> Iterator[AccusedMention]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                # ("no group had claimed the attack by Friday evening": a deadline, not a doer)
                if pobj.dep_ == "pobj" and not _is_time(pobj):
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
