"""Helpers shared by the review tests (sign-in through the real forms)."""

from __future__ import annotations

import re
from typing import Any

from reckon.store import Ledger
from reckon.store.accounts import add_user
from reckon.store.engine import write

PASSWORD = "a long editor password"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_editor(db_url: str, name: str = "ines") -> str:
    with Ledger(db_url) as ledger, write(ledger.engine) as connection:
        add_user(connection, name, PASSWORD)
    return name


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _TOKEN.search(html)
    assert found, "the page has no form token"
    return found.group(1)


def sign_in(client: Any, name: str = "ines", password: str = PASSWORD, **extra: str) -> Any:
    data = {"name": name, "password": password, "csrf_token": csrf_of(client.get("/login").text)}
    return client.post("/login", data={**data, **extra}, follow_redirects=False)
