"""Whom the attackers belong to, are said to be, or are tied to.

"The attackers were members of X", "the gunmen belonged to X", "the attack was the work of X",
"the killers were the X militia", "gunmen suspected to be members of X", "jihadists linked to
X": sentences that say who the doers are rather than show them doing harm. One idea, the
doers' affiliation, read apart from the violence words of ``accusations``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reckon.extract.accused_descriptions import FORCE_NOUNS
from reckon.extract.accused_doers import SENDER_VERBS
from reckon.extract.accused_phrase import (
    AccusedMention,
    _MEMBER_NOUNS,
    _is_event,
    _mentions,
    _names_attackers,
    _of_objects,
    _prep_objects,
    _subject_of,
)
from reckon.extract.lexicon import load_violence_words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["DOERS", "SAID_TO_BE", "TIES", "attackers_affiliated", "attackers_belong"]


# Who did it, named after a copula: "The killers were the X militia".
DOERS = frozenset({"killers", "perpetrators", "culprits", "killer", "perpetrator", "culprit"})


_ONE_ATTACKER = frozenset({"suspect", "gunman", "shooter", "attacker", "assailant", "killer", "bomber",
                           "perpetrator", "culprit"})


def attackers_belong(token: Token) -> Iterator[AccusedMention]:
    """ "the attackers were members of X, paid by Y", "the gunmen belonged to X"."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.lemma_ == "belong" and token.dep_ == "conj":
        subject = _subject_of(token)  # "the gunmen spoke Orrin and belonged to X"
    if subject is not None and token.lemma_ == "be" and (
            _is_event(subject, load_violence_words()[1]) or subject.lower_ in ("this", "it", "that")
            and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)):
        # (not "it was the work of the commission to investigate": "it" stands for the infinitive)
        # "the attack was the work of X", "the massacre was the handiwork of X", "this was the
        # work of the army"
        for attr in token.children:
            if attr.dep_ == "attr" and attr.lemma_.lower() in ("work", "handiwork", "doing"):
                for doer in _of_objects(attr):
                    yield from _mentions(doer, anchor=token, agent_slot=True)
        return
    if subject is None or not (_names_attackers(subject) or subject.lower_ in DOERS and subject.pos_ == "NOUN"):
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
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in attr.children):
                # "the attackers were Kessel Front militants": the group whose militants they were
                yield from _mentions(attr, anchor=token)
        elif attr.pos_ == "PROPN":
            yield from _mentions(attr, anchor=token)
        elif attr.pos_ == "NOUN" and attr.lower_ in ("man", "woman", "boy", "girl", "youth", "teenager") \
                and subject.lower_ in _ONE_ATTACKER:
            # "The suspect is a 52-year-old man from X": a police release's description of
            # the one it holds, which stands as the accused until it names him.
            yield from _mentions(attr, anchor=token)
        for verb in attr.subtree:
            if verb.lemma_.lower() in SENDER_VERBS and verb.dep_ == "acl":
                for agent in verb.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                yield from _mentions(pobj, anchor=token)


# "gunmen suspected to be members of X", "jihadists linked to X": who the doers are said to be.
SAID_TO_BE = frozenset({"suspect", "believe", "think", "say", "allege", "presume", "understand", "report"})
TIES = frozenset({"linked", "loyal", "affiliated", "allied", "connected", "tied"})


def attackers_affiliated(token: Token, sent: SpacySpan, verbs: frozenset[str]) -> Iterator[AccusedMention]:
    """The group the attackers are said to be ("suspected to be members of X") or to be tied
    to ("linked to X", "loyal to X"), when the sentence shows them doing harm. The doers must
    be the subject: "killed 12 militants suspected to be members of X" accuses no X."""
    if token.lower_ in TIES:
        targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                   for g in c.children if g.dep_ == "pobj"]
    else:
        be = next((c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in ("be", "belong")), None)
        targets = [c for c in be.children if c.dep_ == "attr"] if be is not None else []
        if be is not None and be.lemma_.lower() == "belong":
            # "gunmen believed to belong to X"
            targets = [g for c in be.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                       if g.dep_ == "pobj"]
    if not targets:
        return
    if token.dep_ in ("acl", "amod", "relcl"):
        described = token.head  # parsed as it reads: "gunmen [suspected to be ...]"
    else:  # the small parser often makes the participle the main verb: "Jihadists linked to X killed"
        described = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (the doers are the subject, or the agent of a passive harm: "abducted by gunmen believed
    # to be X members")
    by_agent = described is not None and described.dep_ == "pobj" and described.head.dep_ == "agent"
    if described is None or described.dep_ not in ("nsubj", "nsubjpass", "ROOT") and not by_agent \
            or not (_names_attackers(described) or described.lower_ in FORCE_NOUNS):
        return
    if not any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and t.i != token.i for t in sent):
        return  # "gunmen believed to be members of X were arrested": no harm in this sentence
    for target in targets:
        yield from _mentions(target, anchor=token, agent_slot=True)
