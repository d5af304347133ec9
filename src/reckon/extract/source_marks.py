"""Sources a figure is credited to by the layout of the text rather than by the parse: the
label of a list item ("- Ministry of Defence: 9 killed"), "per X" after a figure, a bracketed
credit at the end of a clause ("Six women abducted (Kelm Watch);"), a record's field label
(which credits no one), and a quotation inside a quotation opened by a verb of saying.

Separate from ``attribution`` because these are patterns on the characters of a sentence,
tried before the claimant finder reads its syntax; they know nothing of the parse tree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reckon.extract.doc_text import span_text

if TYPE_CHECKING:  # pragma: no cover - nlp.py is the only module that imports spaCy at run time
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["PER_SOURCE", "PER_UNITS", "PLACE_LABEL_WORDS", "bracketed_source", "is_field_value", "listed_source",
           "nested_source"]

# A list item that gives one source's figures: "- Ministry of Defence: 9 killed", "• A local
# official, via the Post: 11 killed" (the channel it came through is no part of the source).
_LISTED_SOURCE = re.compile(r"[ \t]*[-•*–][ \t]+(?P<who>(?:[Aa]n?\s+|[Tt]he\s+)?[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,7}?)"
                            r"(?:,[ \t]+(?:via|through|quoted by|cited by|according to)[^:\n]{1,60})?[ \t]*:[ \t]")
# Words that end a source's name or description in such a list.
_SOURCE_HEADS = frozenset({"official", "officials", "source", "sources", "ministry", "government", "police", "army",
                           "military", "group", "association", "organisation", "organization", "committee", "office",
                           "hospital", "witnesses", "residents", "media", "agency", "observatory", "network",
                           "monitor", "council", "authorities", "spokesman", "spokesperson", "doctors", "survivors"})


def listed_source(sent: SpacySpan, token: Token) -> re.Match[str] | None:
    text = span_text(sent)
    match = _LISTED_SOURCE.match(text)
    if match is None or token.idx - sent.start_char < match.end():
        return None
    words = match.group("who").split()
    if any(w.lower() in PLACE_LABEL_WORDS or w[:1].isdigit() for w in words):
        return None  # "- North Kivu Province: 12 killed": a summary by place, not by source
    from reckon.extract.places import is_country_name  # the places module reads the country table

    if is_country_name(match.group("who")):
        return None
    named = sum(1 for w in words if w[:1].isupper()) >= 2 and not words[0].lower() in ("deaths", "killed", "injured")
    return match if named or words[-1].lower() in _SOURCE_HEADS else None


PLACE_LABEL_WORDS = frozenset({"province", "region", "district", "county", "state", "department", "city", "town",
                               "village", "territory", "governorate", "prefecture", "municipality", "north", "south",
                               "east", "west", "northern", "southern", "eastern", "western", "central", "total",
                               "week", "month"})


# "14 attackers per the Kessel government", "11 (per local officials)": a figure and its source.
PER_SOURCE = re.compile(r",?[ \t]+(?:[\w-]+,?[ \t]+){0,3}\(?per[ \t]+(?P<who>(?:the[ \t]+|an?[ \t]+)?[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,4}?)"
                        r"[ \t]*(?=[,;)\]]|$)")
# Coded notes and summaries credit a clause's figures in brackets at its end: "Six women
# abducted (Kelm Watch);", "3 suspects arrested (Police).", "FATALITIES 9 (Radio Orrin, first
# report)". Only lower-case words and figures may come between the figure and the bracket, so
# an alias after a name ("killed by the Kelm Front (KF)") is never read as a source.
_BRACKETED_SOURCE = re.compile(r"[a-z0-9 ,\t-]{0,120}?[ \t]\((?P<who>(?:the[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,5})"
                               r"(?:,[ \t]+[a-z][a-z ]{0,30})?\)[ \t]*(?=[;.]|\[|$)")


def bracketed_source(text: str, at: int) -> re.Match[str] | None:
    match = _BRACKETED_SOURCE.match(text, at)
    if match is None:
        return None
    from reckon.extract.places import is_country_name  # the places module reads the country table

    who = match.group("who")
    if is_country_name(who) or who.lower() in PLACE_LABEL_WORDS:
        return None  # "Civilians (Ostravia)": a dataset's country, not a source
    return match


PER_UNITS = frozenset({"day", "week", "month", "year", "cent", "capita", "person", "head", "hour", "village",
                       "household", "family", "annum", "incident", "attack", "km", "kilometre", "mile"})


# A record's field: a label, a colon, and the figure as the whole value ("Civilians reported
# killed: 29–43", "Fatalities: 6"). The label is no speaker, whatever verb it holds.
_FIELD_BEFORE = re.compile(r"[ \t•*-]*[A-Z][^:\n\"“”]{0,48}:[ \t]*[\d.,–+ -]*")
_FIELD_AFTER = re.compile(r"[\d.,–+ \t-]*(?:\([^()]{0,30}\))?[ \t]*")


def is_field_value(sent: SpacySpan, token: Token) -> bool:
    text = span_text(sent)
    at = token.idx - sent.start_char
    return _FIELD_BEFORE.fullmatch(text[:at]) is not None and _FIELD_AFTER.fullmatch(text[at + len(token.text):]) is not None


# A quotation inside a quotation credited to a source by a verb of saying right before it.
_NESTED_OPENED = re.compile(r"(?P<who>(?:the\s+)?[a-z]+|(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+"
                            r"(?:tells?|told|says?|said|claims?|claimed|insists?|insisted|announces?|announced)\s+"
                            r"(?:(?:the|us|our|his|her|their)\s+)?(?:\w+\s+)?(?:that\s+)?[‘']$")


def nested_source(text: str, at: int) -> re.Match[str] | None:
    """The source a quotation inside a quotation is credited to, when the figure at ``at``
    sits in one ("... the police tell the nation 'three people died' ...")."""
    opening = max(text.rfind("‘", 0, at), text.rfind(" '", 0, at) + 1 if text.rfind(" '", 0, at) >= 0 else -1)
    if opening < 0 or "’" in text[opening + 1:at] or "'" in text[opening + 1:at].replace("'s", ""):
        return None
    found = _NESTED_OPENED.search(text, max(0, opening - 80), opening + 1)
    if found is None or found.group("who").lower() in ("i", "we", "you", "it", "they", "he", "she"):
        return None
    return found
