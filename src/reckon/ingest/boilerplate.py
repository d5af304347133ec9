"""Line rules for plain text: drop web furniture, keep every other character as it was.

The patterns live in ``reckon/data/boilerplate.txt`` (its header documents the format);
this module only applies them. Rules work on whole lines because that is how furniture
survives copy-paste and text extraction: "Continue Reading", "Share this:", a copyright
footer, each alone on its line. Kept lines are untouched apart from trailing spaces, so
spans found later still point at the author's own characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from reckon.errors import ReckonError

__all__ = ["BoilerplateRules", "clean_text", "is_boilerplate_line", "is_separator_line", "load_rules"]

# Whitespace stripped at line ends and ignored when deciding a line is blank. Kept small
# and explicit (not str.strip()'s long list) so that cleaning is exactly idempotent.
_WS = " \t\r\f\v\u00a0\u200b\u3000"
# Furniture is short; skipping long lines keeps matching linear on huge paragraphs.
_MAX_FURNITURE_CHARS = 400
_SECTIONS = ("remove", "separator", "list-header")


@dataclass(frozen=True, slots=True, kw_only=True)
class BoilerplateRules:
    """Compiled line patterns: ``remove`` (furniture), ``separator`` (ends a teaser) and
    ``list_header`` (opens a list of links to other stories)."""

    remove: re.Pattern[str]
    separator: re.Pattern[str]
    list_header: re.Pattern[str]


def load_rules(path: Path | None = None) -> BoilerplateRules:
    """Read and compile the pattern file (the bundled one by default; cached)."""
    if path is None:
        return _bundled_rules()
    return _compile(path.read_text(encoding="utf-8"), where=str(path))


@cache
def _bundled_rules() -> BoilerplateRules:
    source = resources.files("reckon.data").joinpath("boilerplate.txt")
    return _compile(source.read_text(encoding="utf-8"), where="reckon/data/boilerplate.txt")


def _compile(text: str, *, where: str) -> BoilerplateRules:
    patterns: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    section = "remove"
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in patterns:
                raise ReckonError(f"unknown section [{section}] on line {number}", where=where, code="R203")
            continue
        try:
            re.compile(line)
        except re.error as error:
            raise ReckonError(f"line {number} is not a valid pattern: {error}", where=where, code="R203") from None
        patterns[section].append(line)

    def combine(items: list[str]) -> re.Pattern[str]:
        # (?!) never matches: an empty section removes nothing.
        return re.compile("|".join(f"(?:{item})" for item in items) or "(?!)", re.IGNORECASE)

    return BoilerplateRules(remove=combine(patterns["remove"]), separator=combine(patterns["separator"]),
                            list_header=combine(patterns["list-header"]))


def is_separator_line(line: str, *, rules: BoilerplateRules | None = None) -> bool:
    """True for a "Continue Reading"-style line that closes one teaser of a listing page."""
    stripped = line.strip(_WS)
    if not stripped or len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    rules = rules or _bundled_rules()
    return rules.separator.fullmatch(stripped) is not None


def is_boilerplate_line(line: str, *, rules: BoilerplateRules | None = None) -> bool:
    """True when the whole line is furniture (a separator counts as furniture too)."""
    stripped = line.strip(_WS)
    if not stripped or len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    rules = rules or _bundled_rules()
    return any(p.fullmatch(stripped) is not None for p in (rules.remove, rules.separator, rules.list_header))


def _is_list_header(line: str, rules: BoilerplateRules) -> bool:
    stripped = line.strip(_WS)
    return bool(stripped) and len(stripped) <= _MAX_FURNITURE_CHARS and rules.list_header.fullmatch(stripped) is not None


# An item of a list of links: "- Two shot dead in ...", "• Floods cut off ...", "3. Police hunt ...".
_LIST_ITEM = re.compile(r"(?:[-–—•·*▪►>]|\d{1,2}[.)])[ \t]+\S")


def clean_text(text: str, *, rules: BoilerplateRules | None = None) -> str:
    """Drop furniture lines and immediate repeats; tidy blank lines; keep the rest as is.

    - a line matching a pattern is dropped whole;
    - after a list header ("RELATED STORIES", "Latest news"), the bulleted items that follow
      it are dropped too: they are headlines of other pages, with their own tolls;
    - a line repeating the previous kept line (blank lines between allowed) is dropped:
      a headline repeated as an image caption is kept once;
    - trailing whitespace goes; leading and trailing blank lines go;
    - a gap of 3+ blank lines, or a gap that held a dropped line, becomes one blank line.

    Idempotent: ``clean_text(clean_text(t)) == clean_text(t)``.
    """
    rules = rules or _bundled_rules()
    kept: list[str] = []
    blanks = 0  # blank lines in the current gap
    dropped = 0  # dropped lines in the current gap
    last_content: str | None = None
    in_link_list = False
    for line in text.split("\n"):
        line = line.rstrip(_WS)
        stripped = line.lstrip(_WS)
        if not stripped:
            blanks += 1
            continue
        if _is_list_header(stripped, rules):
            in_link_list = True
        elif in_link_list and _LIST_ITEM.match(stripped) and len(stripped) <= _MAX_FURNITURE_CHARS:
            dropped += 1
            continue
        else:
            in_link_list = False
        if is_boilerplate_line(stripped, rules=rules) or (
            stripped == last_content and any(char.isalnum() for char in stripped)
        ):
            dropped += 1
            continue
        if kept:
            gap = 1 if blanks >= 3 or (blanks and dropped) else blanks
            kept.extend([""] * gap)
        kept.append(line)
        last_content = stripped
        blanks = dropped = 0
    return "\n".join(kept)
