"""Which accused phrases found in a sentence speak of this attack, and as how many accused.

A phrase the parse reading finds may lie in a clause about a span of time ("armed groups have
killed thousands in recent years": a conflict, not one attack), or be the label of a list of
tolls by source ("- Diocese of X: 14 killed": a source, not a killer); and one phrase may name
two forces the parser read as one ("police and members of the National Guard"). These checks
look at the sentence's text and clause structure around a phrase already found, not at the
violence words that found it, so they live apart from the reading in ``accusations``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from reckon.extract.accused_phrase import AccusedMention
from reckon.extract.doc_text import span_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["SPAN_OF_TIME", "in_clause", "source_label", "two_forces"]


# A sentence about a span of time speaks of a conflict, not of one attack ("armed groups have
# killed thousands in recent years").
SPAN_OF_TIME = re.compile(
    r"\b(?:in recent (?:years|months|weeks)|over the (?:past|last) (?:few |several |\w+ )?(?:years|months|decades?)|"
    r"(?:in|during|over) the (?:first|second|last|past) (?:half|quarter|six months|nine months) of|"
    r"since the (?:start|beginning) of (?:the year|(?:19|20)\d\d)|so far this year|"
    # (not "since February 2023, when soldiers killed 22": the one earlier event it recalls)
    r"since (?:January|February|March|April|May|June|July|August|September|October|November|December) "
    r"(?:19|20)\d\d(?!,?\s+when\b)|since (?:19|20)\d\d|for (?:years|decades)|every year|each year|in the past (?:few )?(?:years|decades?)|"
    # ... and so does one over a whole country: "killed 112 militants across the country"
    r"across the (?:country|nation)|nationwide|throughout the (?:country|nation))\b",
    re.IGNORECASE)


# A list of tolls by source: "- Diocese of Kenema: 14 killed", "• Red Crescent (via radio): 9 dead".
# The label before the colon says whose figure follows; the parser may take it for the
# subject of "killed", but it names a source, never a killer.
_LABEL_BEFORE = re.compile(r"[ \t]*(?:[-•*–][ \t]*)?(?:[Tt]he[ \t]+)?")
_FIGURE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{0,60}\))?[ \t]*:[ \t]*[\"“]?(?:(?:at least|about|some|over|more than)[ \t]+)?\d")


def source_label(sent: SpacySpan, mention: AccusedMention) -> bool:
    text = span_text(sent)
    start, end = mention.start - sent.start_char, mention.end - sent.start_char
    if start < 0 or end > len(text):
        return False
    return _LABEL_BEFORE.fullmatch(text[:start]) is not None and _FIGURE_AFTER.match(text, end) is not None


# A state force named first in a coordination the parser read as one phrase.
_STATE_FORCE_WORDS = frozenset({"police", "policemen", "army", "soldiers", "troops", "military", "gendarmes",
                                "gendarmerie", "guards", "prison guards", "security forces", "navy",
                                "marines", "army troops", "riot police", "the police", "the army", "the military"})
_SECOND_FORCE = re.compile(r"(?:(?:members|personnel|officers|units|troops|soldiers)\s+of\s+)?(?:the\s+)?[A-Z]")


def two_forces(mention: AccusedMention) -> Iterator[AccusedMention]:
    """ "Police and Armed Police Force personnel fired", "police and members of the National
    Guard opened fire": the parser may read two forces as one phrase; a state force named
    first (police, the army, soldiers) and a named force after "and" are two accused."""
    first, sep, second = mention.surface.partition(" and ")
    if not sep or first.strip().lower() not in _STATE_FORCE_WORDS or not _SECOND_FORCE.match(second) \
            or " and " in second:
        yield mention
        return
    second_start = mention.start + len(first) + len(sep)
    yield replace(mention, surface=first.strip(), end=mention.start + len(first.rstrip()))
    yield replace(mention, surface=second, start=second_start)


def _shares_object(verb: Token, conjunct: Token) -> bool:
    """ "killed or captured 112 militants across the country": two verbs side by side with one
    object and one set of modifiers after the second (the first has no object of its own) are
    one predicate; what qualifies the second qualifies the first."""
    if conjunct.dep_ == "cc":
        return any(_shares_object(verb, c) for c in verb.children if c.dep_ == "conj" and c.i == conjunct.i + 1)
    return conjunct.pos_ == "VERB" and conjunct.i == verb.i + 2 and verb.doc[verb.i + 1].dep_ == "cc" \
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)


def in_clause(anchor: Token, position: int) -> bool:
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
    conjoined = {t.i for c in head.children if c.dep_ in ("conj", "cc") and not _shares_object(head, c)
                 for t in c.subtree}
    # "blamed the X, an armed group that has fought the army for years": a description of a
    # noun (an apposition, a relative clause) tells who X is, not when the attack was.
    for described in head.subtree:
        if described.dep_ in ("appos", "relcl") and described.head.pos_ in ("NOUN", "PROPN") \
                and anchor not in described.subtree:
            conjoined |= {t.i for t in described.subtree}
    return any(t.idx <= position < t.idx + len(t.text) + 1 for t in head.subtree if t.i not in conjoined)
