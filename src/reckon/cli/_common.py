"""What every `reckon` command shares: the Typer app, the consoles, the common options and
the wrapper that turns a ReckonError into one line on stderr with exit status 1.

Commands live in modules of one idea beside this one (documents, ledger, ...); each
registers itself on `app` when `reckon.cli` imports it.
"""

from __future__ import annotations

import functools
from typing import Annotated

import typer
from rich.console import Console

from reckon.errors import ReckonError
from reckon.settings import get_setting

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Reckon: an evidence-linked ledger of who says what happened in violent incidents.")
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: RECKON_DB or sqlite:///reckon.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def friendly(command):
    """Turn a ReckonError into its one line on stderr and exit status 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ReckonError as error:
            errors.print(f"[red]error[/] {error.line()}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def open_ledger(db: str | None):
    from reckon.store import Ledger

    return Ledger(get_setting("db", db))


def one_line(error: ReckonError, source: str) -> str:
    line = error.line()
    return line if error.where else f"{source}: {line}"


def show_range(low: int | None, high: int | None) -> str:
    if low == high:
        return str(low)
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    return f"{low}-{high}"
