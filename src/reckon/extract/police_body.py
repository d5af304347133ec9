"""The police force a text names, for its bare "police" ("Police said 12 were injured").

A report that names the force once ("the Korvel District Police Service said ...") and then
writes "police" means that force; the bare word would otherwise become the country's police
("Canadian police"), a claimant the text never names. Only a force written with capitals
counts, and only the one named nearest before the bare word (else the only one named).
"""

from __future__ import annotations

import re

__all__ = ["is_bare_police", "named_police"]

# "Greyhaven Regional Police Service", "the Royal Korvel Police", "Dunmarsh Police Department"
_FORCE = re.compile(r"(?<![\w.:])((?:[A-Z][\w'’-]+[ ]){1,4})Police(?:[ ](?:Service|Services|Force|Department))?\b"
                    # "Kyabirengo Central Police Station" is a building, "Osk Police Chief" a person
                    r"(?![ ](?:Station|Stations|Post|Posts|Barracks|Academy|College|Hospital|Headquarters|Chief|"
                    r"Commissioner|Inspector|Officer|Constable|Sergeant|Spokes\w+))")
# Capitalised words before "Police" that are ranks, titles or sentence openers, not a force's name.
_NOT_NAME = frozenset({"the", "a", "an", "chief", "deputy", "assistant", "senior", "inspector", "commissioner",
                       "superintendent", "lieutenant", "general", "colonel", "sergeant", "constable", "officer",
                       "update", "breaking", "local", "military", "traffic", "riot", "secret", "when", "then",
                       "but", "and", "after", "as", "if"})
_BARE = re.compile(r"(?:the\s+)?police", re.IGNORECASE)


def _forces(text: str) -> list[tuple[int, str]]:
    found = []
    for match in _FORCE.finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in _NOT_NAME:
            words = words[1:]
        if not words or any(w.lower() in _NOT_NAME for w in words):
            continue
        name = match.group(0)[match.group(0).index(words[0]):]
        found.append((match.start(), name))
    return found


def named_police(text: str, surface: str, position: int) -> str | None:
    """The force the text names for a bare ``surface`` "police" at ``position``, or None."""
    if not _BARE.fullmatch(" ".join(surface.split()).strip(" ,.;:")):
        return None
    forces = _forces(text)
    before = [name for at, name in forces if at < position]
    if before:
        return before[-1]
    names = {name for _, name in forces}
    return names.pop() if len(names) == 1 else None


def is_bare_police(surface: str) -> bool:
    """ "police", "the police", "Police": the force named by no name of its own."""
    return _BARE.fullmatch(" ".join(surface.split()).strip(" ,.;:")) is not None
