"""schemathesis against the app's own OpenAPI schema (/api/openapi.json).

Every operation gets generated requests (valid and invalid parameters) for a bounded number
of examples, so the run stays well under a minute. Checked on every response: no server
error, and the body is one of the two envelopes (success or error) every JSON route shares.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from reckon.web.app import create_app

from .conftest import fill_ledger

# Examples per operation: enough to reach invalid types, empty strings, odd Unicode and
# out-of-range numbers in every parameter, small enough that the run stays bounded.
EXAMPLES = 40


# schemathesis needs the schema when tests are collected (its fixture-based loader does not
# work with this pytest), so the app and its small fictional ledger are built at import,
# in a temporary directory removed when the module's tests end.
_TMP = tempfile.TemporaryDirectory(prefix="reckon-fuzz-")
_DB = f"sqlite:///{Path(_TMP.name) / 'fuzz.db'}"
fill_ledger(_DB)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(_DB))


@pytest.fixture(scope="module", autouse=True)
def _remove_ledger() -> Iterator[None]:
    yield
    _TMP.cleanup()


def _is_envelope(body: object) -> bool:
    if not isinstance(body, dict) or not isinstance(body.get("ok"), bool):
        return False
    if body["ok"]:
        return "data" in body
    error = body.get("error")
    return isinstance(error, dict) and {"code", "message", "status"} <= set(error)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_operations_never_fail_and_keep_the_envelope(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"
    if "json" in response.headers.get("content-type", [""])[0]:
        assert _is_envelope(response.json()), f"{case.method} {case.formatted_path}: {response.text[:300]}"
