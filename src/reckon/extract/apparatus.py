"""Where an encyclopedia page's apparatus begins: its list of references.

An article copied with its reference list ("== References ==", "References", "Notes",
"Sources", "Citations") ends with the titles of the reports it cites: '"Hospital says 38
bodies received". Kitembura Weekly. 18 September 2025.' A cited title is the cited outlet's
words, already summed up in the article's prose; read as the page's own figure it would
duplicate a row under the wrong claimant. Nothing after the heading is read for findings.
"""

from __future__ import annotations

import re

__all__ = ["apparatus_start"]

# A heading line of its own: "== References ==", "References", "Notes and references".
_HEADING = re.compile(
    r"^[ \t]*(?:=+[ \t]*)?(?:References|Notes(?:[ \t]+and[ \t]+references)?|Sources|Citations|Footnotes|"
    r"Works[ \t]+cited|Bibliography)[ \t]*(?:=+)?[ \t]*$",
    re.MULTILINE,
)
# The list after it: numbered or bulleted entries, or a caret back-link ("^ ").
_ENTRY = re.compile(r"\s*(?:\d{1,3}[.)]|[-*•^]|\[\d{1,3}\])\s")


def apparatus_start(text: str) -> int | None:
    """The offset of the reference-list heading, when a list of entries follows it; else None.

    Only the last such heading counts, and only in the second half of the text: a report that
    opens on a "Sources" line is not an encyclopedia's apparatus.
    """
    for match in reversed(list(_HEADING.finditer(text))):
        if match.start() < len(text) // 2:
            return None
        if _ENTRY.match(text, match.end()):
            return match.start()
    return None
