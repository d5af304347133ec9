"""Blame and its kin: accused that a text names by blaming, attributing, claiming or charging.

"Y blamed X" (Y is then the claimant), "X was blamed by Y", "attributed to X", "blamed on X",
"X claimed responsibility" (X is then also the claimant), "the mastermind of the attack",
"charged with murder", "on trial for", "found guilty of"; and denials ("did not attack",
"denied carrying out the strike"), which accuse no one. These verbs name the accused as the
object of someone's statement or of a court's act, not as the doer of a violence verb
(``accusations``), so their reading lives apart from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reckon.extract.accused_phrase import (
    AccusedMention,
    _is_event,
    _is_place_only,
    _mention,
    _mentions,
    _names_a_force,
    _prep_objects,
    _subject_of,
)
from reckon.extract.lexicon import load_violence_words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


# Crimes whose charge or conviction names the accused ("charged with murder").
_CRIMES = frozenset({"murder", "murders", "killing", "killings", "massacre", "homicide", "manslaughter",
                     "terrorism", "attack", "attacks", "kidnapping", "abduction", "bombing", "assassination"})


# Weapons and fire: the accused is who fires them ("army shelling", "police bullets").
_INSTRUMENTS = frozenset({"fire", "gunfire", "sniper-fire", "bullets", "bullet", "shells", "shelling", "rockets",
                          "rocket", "missiles", "missile", "bombs", "bomb", "airstrikes", "airstrike", "strikes",
                          "strike", "shots", "drones", "drone", "artillery", "mortars", "grenades"})


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


def _blamed(token: Token, lemma: str, nouns: frozenset[str]) -> Iterator[AccusedMention]:
    if lemma == "blame" and token.dep_ == "xcomp" and token.head.lemma_.lower() == "be" and any(
            c.lower_ == "to" for c in token.children):
        # "the government said the Front was to blame": the Front, by whoever says so
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            yield from _mentions(subject, anchor=token, agent_slot=True)
        return
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
                            c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and not _names_a_body(child):
                        continue  # "police suspect a gas leak": no one suspected of a deed
                    tied = _tied_to(child)
                    if tied:
                        # "blamed an armed band linked to the X": whom the band is tied to
                        for group in tied:
                            yield from _mentions(group, anchor=token, blamer=blamer, agent_slot=True)
                        continue
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


def _names_a_body(token: Token) -> bool:
    """ "investigators suspected the X Front", "suspect a cell of the X Front": a name or a
    part of a named body is whom they suspect (not "a gas leak")."""
    if token.pos_ == "PROPN":
        return True
    return token.lower_ in _BODY_PARTS_OF_GROUPS and any(
        p.pos_ == "PROPN" for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


# Parts of a body of people: "a cell of X", "a faction of X".
_BODY_PARTS_OF_GROUPS = frozenset({"cell", "cells", "faction", "factions", "wing", "unit", "units", "branch",
                                   "members", "fighters"})


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
                if _takes_part(deed):
                    return False  # "accused the militia of joining the police in attacks"
                return not _gerund_forms(deed) & (violence_verbs | _ACCOUNTABLE_DEEDS)
        # "of intimidating voters" parsed as a noun phrase: the gerund right after "of" is the deed
        after = verb.doc[prep.i + 1] if prep.i + 1 < len(verb.doc) else None
        if after is not None and after.tag_ == "VBG" and after.dep_ == "amod" and after.head.head.i == prep.i:
            return not _gerund_forms(after) & (violence_verbs | _ACCOUNTABLE_DEEDS)
    return False


def _gerund_forms(gerund: Token) -> set[str]:
    """The verbs a gerund may be: its lemma, and its stem with and without a final "e" (the
    lemmatizer reads "staging" as "stag")."""
    stem = gerund.lower_[:-3] if gerund.lower_.endswith("ing") else gerund.lower_
    return {gerund.lemma_.lower(), stem, stem + "e"}


# A deed of taking part: "joining the police in attacks", "taking part in the massacre".
_PARTAKING = frozenset({"join", "take", "participate", "help", "assist", "aid", "support"})


def _takes_part(deed: Token) -> bool:
    """A gerund of taking part in a harm ("joining X in attacks on residents", "taking part in
    the killings"): the one accused of it answers for the harm itself."""
    _, nouns = load_violence_words()
    return deed.lemma_.lower() in _PARTAKING and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(_is_event(p, nouns) for p in c.children if p.dep_ == "pobj")
        for c in deed.children)


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
    tied = _tied_to(target)
    if tied:
        # "blamed an armed band linked to the X": the band is named by whom it is tied to
        for group in tied:
            yield from _mentions(group, anchor=anchor, blamer=blamer, agent_slot=True)
        return
    yield from _mentions(target, anchor=anchor, blamer=blamer, agent_slot=True)


_TIE_WORDS = frozenset({"linked", "loyal", "affiliated", "allied", "connected", "tied", "close"})


def _tied_to(target: Token) -> list[Token]:
    """The group a described target is tied to ("an armed band linked to the X", "gunmen loyal
    to X"); none when the target has a name of its own."""
    if target.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.i < target.i for c in target.children):
        return []
    return [p for c in target.children if c.i > target.i and c.lower_ in _TIE_WORDS
            for prep in c.children if prep.dep_ == "prep" and prep.lower_ in ("to", "with")
            for p in prep.children if p.dep_ == "pobj"]


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
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "Velmar, Jr.": its first word
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
