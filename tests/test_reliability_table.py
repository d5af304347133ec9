"""The README's reliability table lists exactly the hostile cases and faults the tests run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_reliability_table_matches_the_case_lists() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "reliability_table.py"), "--check"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_fault_is_proved_by_an_existing_test() -> None:
    from ledger_faults import FAULTS

    for _fault, _injected, _held, proofs in FAULTS:
        for node in proofs:
            path, name = node.split("::")
            assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), node
