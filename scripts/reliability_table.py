"""Regenerate the README's reliability table: run the hostile inputs and the fault tests.

    python scripts/reliability_table.py           # run everything, rewrite README.md's table
    python scripts/reliability_table.py --check   # exit 1 if the README's rows do not match the case lists

The hostile inputs are ``tests/hostile.py``'s CASES, run in this process (time and
tracemalloc peak measured as the tests measure them); the faults are
``tests/ledger_faults.py``'s FAULTS, each proved by pytest node ids run in one pytest
subprocess. The table goes between the reliability markers in README.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from hostile import CASES, Case, Context, Outcome, local_server, run_case  # noqa: E402
from ledger_faults import FAULTS  # noqa: E402

_ROW_ID = re.compile(r"^\| `([a-z0-9-]+)` \|", re.MULTILINE)


def _expected(case: Case) -> str:
    parts = [f"{case.documents} document(s)"] if case.documents else []
    parts += [f"`{code}`" for code in case.codes]
    return " + ".join(parts)


def _result(case: Case, outcome: Outcome) -> str:
    wrong = outcome.held(case)
    return "held" if not wrong else "FAILED: " + "; ".join(wrong)[:120]


def run_cases() -> list[str]:
    rows = ["| case | input | outcome | time | peak memory | |", "|---|---|---|---|---|---|"]
    with local_server() as server, tempfile.TemporaryDirectory(prefix="reckon-hostile-") as scratch:
        for case in CASES:
            folder = Path(scratch, case.id)
            folder.mkdir()
            outcome = run_case(case, Context(folder=folder, server=server, scratch=Path(scratch)))
            rows.append(
                f"| `{case.id}` | {case.input} | {_expected(case)} | {outcome.seconds:.1f} s (≤ {case.seconds:g}) "
                f"| {outcome.peak_mb:.0f} MB (≤ {case.peak_mb:g}) | {_result(case, outcome)} |"
            )
            print(rows[-1], flush=True)
    return rows


def run_faults() -> list[str]:
    nodes = sorted({node for *_, proofs in FAULTS for node in proofs})
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder, "junit.xml")
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", *nodes],
                       cwd=ROOT, check=False, env=None)
        passed: dict[str, bool] = {}
        for testcase in ElementTree.parse(report).getroot().iter("testcase"):
            name = testcase.get("name", "").split("[", 1)[0]
            ok = not any(child.tag in ("failure", "error", "skipped") for child in testcase)
            passed[name] = passed.get(name, True) and ok
    rows = ["| fault | injected | what held | |", "|---|---|---|---|"]
    for fault_id, injected, held, proofs in FAULTS:
        ok = all(passed.get(node.rsplit("::", 1)[1], False) for node in proofs)
        rows.append(f"| `{fault_id}` | {injected} | {held} | {'held' if ok else 'FAILED'} |")
    return rows


def readme_ids(text: str) -> list[str]:
    """The case and fault ids listed in README.md's reliability table."""
    start, end = text.index(START), text.index(END)
    return _ROW_ID.findall(text[start:end])


def declared_ids() -> list[str]:
    return [case.id for case in CASES] + [fault_id for fault_id, *_ in FAULTS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that README.md lists every case and fault")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    if args.check:
        listed, declared = readme_ids(text), declared_ids()
        if listed != declared:
            print(f"README.md's reliability table is stale: it lists {listed}, the tests declare {declared}")
            return 1
        return 0
    table = "\n".join(
        ["", "Hostile inputs (`reckon.ingest`, then extraction of every document with its spans checked):", "",
         *run_cases(), "", "Faults injected:", "", *run_faults(), ""]
    )
    start, end = text.index(START) + len(START), text.index(END)
    README.write_text(text[:start] + table + "\n" + text[end:], encoding="utf-8")
    print(f"rewrote the reliability table in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
