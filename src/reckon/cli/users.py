"""Editors' accounts: `reckon user add NAME`, `reckon user list`."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from reckon.cli._common import DbOption, JsonOption, app, console, friendly, open_ledger
from reckon.errors import ReviewError

user_app = typer.Typer(no_args_is_help=True, help="Editors' accounts (they sign in to /review).")
app.add_typer(user_app, name="user")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        # One line; the newline a pipe or heredoc adds is not part of the password.
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("Password", hide_input=True)
    second = typer.prompt("Repeat the password", hide_input=True)
    if first != second:
        raise ReviewError("the two passwords differ; nothing was created", code="R505")
    return first


@user_app.command("add")
@friendly
def user_add(
    name: Annotated[str, typer.Argument(help="The editor's sign-in name.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin (one line).")
    ] = False,
    role: Annotated[str, typer.Option(help="editor or admin.")] = "editor",
    db: DbOption = None,
) -> None:
    """Create an editor's account; the password is prompted twice (or read from stdin)."""
    from reckon.store.accounts import add_user, check_name, check_password
    from reckon.store.engine import write

    check_name(name)  # before the prompt: a bad name should not cost typing a password
    password = check_password(_read_password(password_stdin))
    with open_ledger(db) as ledger, write(ledger.engine) as connection:
        user = add_user(connection, name, password, role=role)
    console.print(f"created {user.role} [bold]{user.name}[/]")


@user_app.command("list")
@friendly
def user_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the accounts (names, roles, creation times; never password hashes)."""
    from reckon.store.accounts import list_users

    with open_ledger(db) as ledger, ledger.engine.connect() as connection:
        users = list_users(connection)
    if as_json:
        rows = [{"name": u.name, "role": u.role, "created_at": u.created_at} for u in users]
        sys.stdout.write(json.dumps({"users": rows}, indent=2) + "\n")
        return
    table = Table(title="Users")
    for column in ("name", "role", "created"):
        table.add_column(column)
    for user in users:
        table.add_row(user.name, user.role, user.created_at)
    console.print(table)
