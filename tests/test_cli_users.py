"""`reckon user add` / `reckon user list`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from reckon.cli import app


def test_user_add_then_list(tmp_path: Path) -> None:
    db, runner = str(tmp_path / "r.db"), CliRunner()
    added = runner.invoke(app, ["user", "add", "ines", "--db", db], input="a long password\n" * 2)
    assert added.exit_code == 0, added.output
    piped = runner.invoke(
        app, ["user", "add", "omar", "--password-stdin", "--db", db], input="another password\n"
    )
    assert piped.exit_code == 0, piped.output
    listed = runner.invoke(app, ["user", "list", "--json", "--db", db])
    users = json.loads(listed.stdout)["users"]
    assert [u["name"] for u in users] == ["ines", "omar"]
    assert "password" not in listed.stdout and "argon2" not in listed.stdout


def test_user_add_refuses_mismatch_duplicate_and_short(tmp_path: Path) -> None:
    db, runner = str(tmp_path / "r.db"), CliRunner()
    mismatch = runner.invoke(app, ["user", "add", "ines", "--db", db], input="a long password\nother one!!\n")
    assert mismatch.exit_code == 1 and "differ" in mismatch.output
    assert runner.invoke(app, ["user", "add", "ines", "--password-stdin", "--db", db], input="a long password\n").exit_code == 0
    again = runner.invoke(app, ["user", "add", "ines", "--password-stdin", "--db", db], input="a long password\n")
    assert again.exit_code == 1 and "[R505]" in again.output
    short = runner.invoke(app, ["user", "add", "omar", "--password-stdin", "--db", db], input="short\n")
    assert short.exit_code == 1 and "[R505]" in short.output
