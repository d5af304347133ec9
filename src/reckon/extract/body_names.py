"""How a text writes a body's name: after the noun for its kind ("rights group Valley Watch"),
before one ("the Tesso Vanu militia"), in apposition to one ("a rival militia, Tesso Vanu"),
or as "X of Y" closed by one ("the Banner of Dawn group").

The tagger takes an unfamiliar group's name for a person's; these patterns are what the text
itself says about the name. They are tests on the text with no reading of its people, so
both the reading of a document's people (``named_people``) and the speaker resolver use them.
"""

from __future__ import annotations

import re

__all__ = ["DESCRIBED_BODY", "OF_NAMED_BODY", "written_as_body"]


# Nouns that say what kind of body the name after them is ("rights group Valley Watch").
_BODY_NOUNS = (
    r"group|organi[sz]ation|charity|watchdog|monitor|NGO|agency|coalition|alliance|movement|"
    r"newspaper|daily|weekly|broadcaster|channel|network|outlet|party|militia|faction|union|association"
)
# Nouns for armed bodies and their ranks: a name written before one is a body's ("the X
# fighters", "an X commander").
_ARMED_NOUNS = r"rebels|fighters|militants|gunmen|commander|commanders|brigade|battalion|forces|army|gang|cartel"
DESCRIBED_BODY = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Za-z-]+\s+){0,3}?(?:" + _BODY_NOUNS + r")\s+"
    r"([A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|du|des|al-[\w’'-]+))*)$"
)
# A body's name built as "X of Y" and closed by the noun for its kind ("The Banner of Dawn
# group", "the Sons of the Valley Front"): the words after "of" are part of the name, not a
# person or a place it is "of".
OF_NAMED_BODY = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"\s+(?:" + _BODY_NOUNS + r"|front|brigade|battalion|army|council|committee))"
)
# The longest body or armed noun, with room to spare: how far before a comma an apposed
# noun can start ("organization, Tesso Vanu").
_LONGEST_NOUN = 16


def written_as_body(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` after "the", before a body noun, or in apposition to one.

    Each pattern is tried only where the name occurs, anchored there: searching the whole
    page once per name, and once per pronoun that asks, was quadratic on long pages.
    """
    quoted = re.escape(name)
    after_the = re.compile(r"\b[Tt]he\s+" + quoted + r"\b")
    before_noun = re.compile(r"(?<![\w’'-])" + quoted + r"(?:\s+[A-Z][\w’'-]*){0,2}\s+(?i:" + _BODY_NOUNS + r"|"
                             + _ARMED_NOUNS + r")\b")
    apposed = re.compile(r"\b(?:" + _BODY_NOUNS + r"|" + _ARMED_NOUNS + r"),\s+" + quoted + r"\b")
    at = text.find(name) if name else -1
    while at >= 0:
        end = at + len(name)
        space = at
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if before_noun.match(text, at):
            return True
        if space < at:
            if space >= 3 and after_the.match(text, space - 3):
                return True
            # The window ends one character past the name so that its closing \b sees it.
            window = apposed.finditer(text, max(0, space - 1 - _LONGEST_NOUN), end + 1)
            if any(match.end() == end for match in window):
                return True
        at = text.find(name, at + 1)
    return False
