"""Quote marks around a name or a title, which are nobody's words.

"a commander known as “Mzee Kiboko”", "Ernesto “Neto” Valdivia", "the report, “A Valley
of Graves”", "“Operation Iron Dawn”", "(sometimes called the “Riverside Committee”)":
these quotations name something, so no speaker is looked for. The tests are kept apart
from the speaker finders because they decide whether a quotation is speech at all.
"""

from __future__ import annotations

import re

from reckon.extract.quote_marks import RawQuote as _Raw


# Quote marks around a name or a title, not words anyone said: 'a commander known as
# "Mzee Kiboko"', 'the report, titled "Land, Guns and Silence"'.
# "a site called “…”" names the site ("he called the raid “…”" quotes him).
NAMING = re.compile(
    r"\b(?:(?i:(?:also\s+)?known\s+(?:[a-z]+ly\s+)?as|nicknamed|dubbed|titled|entitled|code-?named|so-called|"
    r"under\s+the\s+name(?:\s+of)?|by\s+the\s+name(?:\s+of)?|"
    r"call(?:s|ed|ing)?\s+(?:itself|themselves|himself|herself)|signed\s+by(?:\s+the)?)|"
    r"(?<!what\s)(?:a|an|the|one)\s+(?:[a-z-]+\s+){0,2}(?:called|named)|(?:is|was|are|were|be|been)\s+(?:called|named))\s*$"
    # "the Abaganza (Kirundi: “those who refuse”)": a name's translation in brackets
    r"|\((?:[A-Z][a-z]+(?:\s+for|:)|meaning|lit\.|literally|i\.e\.)\s*$"
    # a second name after the first: 'known locally as Ansar al-Tawba or simply "the Tawba"'
    r"|\b(?i:known\s+(?:[a-z]+ly\s+)?as|nicknamed|dubbed)\s+[^,;:.\x00]{1,60}?\s+or\s+(?:simply\s+|just\s+)?$"
)
# "(sometimes called the “Riverside Families' Committee”)", "which they spell “Katibat X”":
# after a verb of naming, quote marks around a proper name give another name for something,
# not words anyone said ("called the report “a first step”" quotes words, in lower case).
_NAMING_VERB = re.compile(
    r"\b(?:call(?:s|ed|ing)?|spell(?:s|ed|t|ing)?|writes?|written|styled?|styles|renamed|rebranded)"
    r"(?:\s+(?:it|him|her|them|itself|themselves|the|its|their))?\s*(?:as\s+)?(?:the\s+)?$"
)
_PROPER_NAME = re.compile(r"(?:[A-Z][\w’'.-]*|(?:of|the|and|for|de|la|al|el|du|des|ar|an|bin)(?=\s))"
                          r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|de|la|al|el|du|des|ar|an|bin))*")


def quotes_a_name(text: str, masked: str, raw: _Raw) -> bool:
    """A proper name in quote marks right after a verb of naming (see ``_NAMING_VERB``)."""
    if raw.closer is None or not _NAMING_VERB.search(masked[max(0, raw.opener - 40) : raw.opener]):
        return False
    inner = text[raw.start : raw.end].strip(" ,.")
    capitals = sum(1 for word in inner.split() if word[:1].isupper())  # a name, not one word ("called it “Murder”")
    return len(inner.split()) <= 6 and capitals >= 2 and _PROPER_NAME.fullmatch(inner) is not None


# "..., which the police called “false and misleading”": a relative "which"/"what" whose own
# subject calls the thing something in lower-case words judges it; it does not name it.
_WHICH_X_CALLED = re.compile(r"\b(?:which|what)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+called\s*$")


def calls_it_so(text: str, masked: str, raw: _Raw) -> bool:
    inner = text[raw.opener + 1 : raw.opener + 3].lstrip()
    return _WHICH_X_CALLED.search(masked[max(0, raw.opener - 90) : raw.opener]) is not None \
        and inner[:1].islower()


# A nickname inside a person's name: 'Ernesto "Neto" Valdivia', 'Joaquín "El Toro" Ruiz'.
_NICKNAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}")


def is_nickname(text: str, raw: _Raw) -> bool:
    """Quote marks around one to three capitalised words set between a given name and a
    surname, with no punctuation on either side: a nickname, nobody's words."""
    if raw.closer is None:
        return False
    inner = text[raw.opener + 1 : raw.closer].strip()
    if not _NICKNAME.fullmatch(inner):
        return False
    before = re.search(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*\s$", text[max(0, raw.opener - 30) : raw.opener])
    after = re.match(r"\s[A-Z][a-z][\w’'-]*\b", text[raw.closer + 1 : raw.closer + 30])
    return bool(before and after)


# Nouns for works and operations whose name follows them ("the report, “A Valley of Graves”,").
_WORK_BEFORE = re.compile(
    r"\b(?:report|study|book|film|documentary|album|song|poem|article|paper|series|campaign|programme|"
    r"program|play|novel|dossier|exhibition|podcast|editorial|investigation|plan|operation|Operation)"
    r"[ \t]*,?[ \t]*$"
)


def is_title(text: str, masked: str, raw: _Raw) -> bool:
    """A name in title case in quote marks: a military operation's ("“Operation Iron Dawn”")
    or a work's right after the noun for it ("the commission's report, “A Valley of Graves”")."""
    if raw.closer is None:
        return False
    inner = text[raw.opener + 1 : raw.closer].strip(" ,.")
    words = inner.split()
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    if re.fullmatch(r"Operation(?:\s+(?:[A-Z][\w’'-]*|of|the|and|for)){1,4}", inner):
        return True  # (not "“Operation Sweep will go on,” the general said")
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) * 2 > len(long_words)
    return title_case and len(words) > 1 and bool(_WORK_BEFORE.search(masked, max(0, raw.opener - 30), raw.opener))
