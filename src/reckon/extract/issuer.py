"""The issuing body of a document: the masthead an organisation's release opens with, and
whether a claimant's name is that body ("the Forum", "VRF", "the Forum's own monitors").

Separate from ``attribution`` because it reads the page's layout and a body's names, not the
parse of a sentence: the run reads the masthead once per document, and the claimant finder
only asks whether a name it found is the issuer's.
"""

from __future__ import annotations

import re

__all__ = ["is_issuer", "masthead"]

_MASTHEAD_SMALL = frozenset({"for", "of", "and", "in", "the", "on", "against", "to"})


def masthead(text: str) -> str | None:
    """The issuing body's name an organisation's release opens with, in capitals on a line
    of its own ("VELMAR RIGHTS WATCH"), after any navigation bar ("Home | About | News");
    None when the first line is not one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = next((i for i, line in enumerate(lines) if line.count("|") < 2), len(lines))
    first = lines[at] if at < len(lines) else ""
    words = first.split()
    if 2 <= len(words) <= 12 and re.fullmatch(r"[A-Z][A-Z’'&.\- ]+", first):
        return first
    # "Velmar Civilian Protection Monitor" over "Home | Reports | About" or "Press release": a
    # body's name in title case is its masthead when what follows is the site's menu or the
    # kind of release, not a date or a story (a headline has neither under it).
    following = lines[at + 1] if at + 1 < len(lines) else ""
    if 2 <= len(words) <= 8 and not re.search(r"\d", first) \
            and all(w[:1].isupper() or w in _MASTHEAD_SMALL for w in words) \
            and (following.count("|") >= 2 or _RELEASE_LINE.fullmatch(following)):
        return first
    return _titled_masthead(text, first)


# The line under a body's name on its own release page: "Press release", "News Releases".
_RELEASE_LINE = re.compile(r"(?:(?:press|news|media)\s+releases?|statements?|news)", re.IGNORECASE)


# A release's own label near its top: "PRESS RELEASE", "For immediate release", "Public statement".
_RELEASE_LABEL = re.compile(r"(?im)^[ \t]*(?:press\s+release|news\s+release|for\s+immediate\s+release|"
                            r"public\s+statement|media\s+release)\b")


def _titled_masthead(text: str, first: str) -> str | None:
    """ "Velmar Rights Forum (VRF)" on the first line of a page that calls itself a press
    release: the issuing body written in title case, its short form left off."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", first).strip()
    words = name.split()
    if not 2 <= len(words) <= 10 or not all(w[:1].isupper() or w.lower() in _MASTHEAD_SMALL for w in words) \
            or re.search(r"[\d:|.,!?]", name):
        return None
    if _RELEASE_LABEL.search(text, text.find(first) + len(first), text.find(first) + len(first) + 400) is None:
        return None
    return name


def is_issuer(name: str, head: str) -> bool:
    """Whether a claimant's name is the masthead's body, written out or as its initials, or
    what the body calls its own ("the Forum's own monitors" in the Forum's release)."""
    folded = " ".join(re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower().split())
    if folded == head.lower():
        return True
    initials = "".join(w[0] for w in head.lower().split() if w not in _MASTHEAD_SMALL)
    if len(initials) >= 3 and folded == initials:
        return True
    own = _OWN.match(folded)
    if own is None:
        return False
    owner = own.group(1)
    bodies = [w for w in head.lower().split() if w in _BODY_HEADS]
    return owner == initials and len(initials) >= 3 or bool(bodies) and owner == bodies[-1]


# "the Forum's own network of monitors": the body's own people.
_OWN = re.compile(r"([\w-]+)['’]s\s+own\b")
# Words that head an organisation's name, by which it calls itself for short ("the Forum").
_BODY_HEADS = frozenset({"forum", "council", "centre", "center", "alliance", "front", "movement", "party", "committee",
                         "coalition", "network", "watch", "commission", "union", "league", "congress", "assembly",
                         "institute", "foundation", "association", "federation", "organisation", "organization",
                         "observatory", "office", "group"})
