"""Tables flattened to text: a header line of column names, then one line per row.

Encyclopedia lists ("List of attacks in X in 2023") and dataset exports keep one incident
per row, its figures in columns named by the header ("Date | Location | Deaths | Injured |
Perpetrator | Notes"). A figure in such a column is stated by the column's name, not by a
sentence: "| 2 |" under "Deaths" is two killed. The cell under "Location" names the row's
place, its first comma-separated part the most specific ("Velmoka, Osk District, ...").

Only lines split by " | " into as many cells as the header count as rows, and only a
header with a column whose name the harm lexicon reads as a figure's label (data/harm.tsv,
role ``label``) makes a table of incidents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.lexicon import load_harm_lexicon
from reckon.extract.numbers import parse_quantity
from reckon.model import CountKind, Span

__all__ = ["TableFigure", "TableRow", "find_table_rows", "place_cell", "references_start", "table_figures"]

_SEPARATOR = re.compile(r"[ \t]*\|[ \t]*")
_PLACE_COLUMNS = frozenset({"location", "place", "site", "village", "town", "locality", "area"})


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """One row: the line's span, each cell's span and its column's (lower-cased) name."""

    span: Span
    cells: tuple[tuple[str, Span], ...]

    def cell(self, names: frozenset[str]) -> Span | None:
        return next((span for name, span in self.cells if name in names), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class TableFigure:
    """A figure a cell states: its kind by the column's name, its bounds by the cell."""

    kind: CountKind
    min: int | None
    max: int | None
    span: Span


def _cells(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    out, at = [], start
    for separator in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        out.append((text[at:stop].strip(), Span(start=at, end=stop)))
        at = separator.end() if separator else end
    return out


def find_table_rows(text: str) -> list[TableRow]:
    """Rows of every table whose header names a figure column, in order."""
    labels = load_harm_lexicon().labels
    rows: list[TableRow] = []
    header: list[str] | None = None
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        if "|" not in line:
            header = None  # a table ends at the first line that is not one of its rows
            continue
        cells = _cells(text, start, end)
        names = [" ".join(value.lower().split()) for value, _ in cells]
        if header is None or len(cells) != len(header):
            header = names if len(cells) >= 3 and any(name in labels for name in names) else None
            continue
        if names == header:
            continue
        rows.append(TableRow(span=Span(start=start, end=end),
                             cells=tuple((column, span) for column, (_, span) in zip(header, cells))))
    return rows


# "4 (+2 attackers)": the figure, then others of the same kind added in brackets.
_ADDED = re.compile(r"\(\s*\+\s*(\d[\d,]*)[^)]*\)")
_LEADING = re.compile(r"(?:at least |about |over |more than |some |up to )?\d[\d,]*(?:\s*[–-]\s*\d[\d,]*)?\+?",
                      re.IGNORECASE)
# "c. 30", "ca. 30", "~30", "approx. 30": an approximation, which FORMAT.md counts as exact
_CIRCA = re.compile(r"(?:c\.|ca\.|circa|approx\.?|~)\s*", re.IGNORECASE)


def table_figures(text: str, rows: list[TableRow]) -> list[TableFigure]:
    """Every figure in a column the harm lexicon names ("Deaths", "Injured"); a zero, a dash
    or an empty cell states none."""
    labels = load_harm_lexicon().labels
    out: list[TableFigure] = []
    for row in rows:
        for column, span in row.cells:
            kind = labels.get(column)
            if kind is None:
                continue
            value = text[span.start:span.end]
            circa = _CIRCA.match(value)
            skip = circa.end() if circa else 0
            lead = _LEADING.match(value, skip)
            if lead is None:
                continue
            written = lead.group()
            bounds = (int(written[:-1].replace(",", "")), None) if written.endswith("+") else parse_quantity(written)
            if bounds is not None and (bounds[0] or bounds[1]):
                out.append(TableFigure(kind=kind, min=bounds[0], max=bounds[1],
                                       span=Span(start=span.start + skip, end=span.start + lead.end())))
            for added in _ADDED.finditer(value):
                number = int(added.group(1).replace(",", ""))
                if number:
                    out.append(TableFigure(kind=kind, min=number, max=number,
                                           span=Span(start=span.start + added.start(1), end=span.start + added.end(1))))
    return out


def place_cell(row: TableRow) -> Span | None:
    """The row's location cell, if its table has one."""
    return row.cell(_PLACE_COLUMNS)


# "References" on a line of its own, then numbered or bulleted citations: the end of the
# article's own text. Citations repeat headlines ("Four soldiers killed in X"), which are
# other documents' claims, dated by their publication.
_REFERENCES = re.compile(r"(?mi)^[ \t]*(?:references|notes and references|citations|footnotes|sources|bibliography)"
                         r"[ \t]*\n(?=[ \t]*(?:\d{1,3}[.)]|\^|\*|•|\[\d))")


def references_start(text: str) -> int:
    """Where a references section begins (the text's length when there is none)."""
    found = list(_REFERENCES.finditer(text))
    return found[-1].start() if found else len(text)
