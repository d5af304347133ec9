"""The `reckon` command: a thin skin over the library. One command per public function.

Every anticipated failure is a ReckonError and reaches the user as one line
("<where>: <what> [R###]") with a non-zero exit; no traceback is shown. Each module of
this package registers its commands on the shared Typer `app`; adding a command group
means adding a module and one import line below.
"""

from __future__ import annotations

import sys

from reckon.cli._common import app, errors
from reckon.errors import ReckonError

# Importing a command module registers its commands on `app`.
from reckon.cli import documents, ledger  # noqa: E402,F401
from reckon.cli import web  # noqa: E402,F401
from reckon.cli import users  # noqa: E402,F401
from reckon.cli import watch  # noqa: E402,F401
from reckon.cli import maintenance  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except ReckonError as error:
        errors.print(f"[red]error[/] {error.line()}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        errors.print("interrupted; documents already written are whole, re-run to continue")
        sys.exit(130)
