"""`make mutate`: run mutmut over the modules listed in pyproject.toml ([tool.mutmut]), print
the mutation score per module and every mutant that survived, and write the report to
docs/mutation-report.md.

mutmut keeps its results in mutants/ and tests again only the functions whose code changed
since the last run (and mutants never tested), so a second run after a small change takes
minutes. ``--fresh`` throws the results away and tests every mutant again.

    python -m tests.mutation.run [--fresh] [--report PATH] [mutant name globs...]
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
REPORT = ROOT / "docs" / "mutation-report.md"
# mutmut's exit codes, by what they mean for the score (mutmut/stats.py).
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a test failed, or the mutant hung (a timeout)
SURVIVED = {0}
NO_TESTS = {5, 33}
STATES = ("killed", "survived", "no tests", "not run")


def status(exit_code) -> str:
    if exit_code in KILLED:
        return "killed"
    if exit_code in SURVIVED:
        return "survived"
    if exit_code in NO_TESTS:
        return "no tests"
    return "not run"


def mutated_files() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["only_mutate"])


def results(files: list[str]) -> dict[str, dict[str, str]]:
    """{file: {mutant name: state}} from mutmut's .meta files."""
    found = {}
    for path in files:
        meta = MUTANTS / f"{path}.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        found[path] = {name: status(code) for name, code in sorted(codes.items())}
    return found


def diff(name: str) -> str:
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return shown.stdout.strip()


def table(found: dict[str, dict[str, str]]) -> list[str]:
    lines = [
        "| module | mutants | killed | survived | no tests | not run | score |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    totals = Counter()
    for path, states in found.items():
        counts = Counter(states.values())
        totals.update(counts)
        totals["mutants"] += len(states)
        lines.append(row(path, len(states), counts))
    lines.append(row("**all**", totals["mutants"], totals))
    return lines


def row(label: str, mutants: int, counts: Counter) -> str:
    tested = counts["killed"] + counts["survived"] + counts["no tests"]
    score = f"{100 * counts['killed'] / tested:.1f} %" if tested else "n/a"
    cells = [str(counts[state]) for state in STATES]
    return f"| {label} | {mutants} | {' | '.join(cells)} | {score} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once")
    parser.add_argument(
        "--report-only", action="store_true", help="write the report of the stored results"
    )
    parser.add_argument("names", nargs="*", help="mutant name globs (default: all)")
    args = parser.parse_args()

    if args.fresh and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    # The settings keep SQLite files in var/; mutmut runs the tests inside mutants/.
    (MUTANTS / "var").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.children)]
    if not args.report_only:
        run = subprocess.run([*command, *args.names], cwd=ROOT, check=False)
        if run.returncode != 0:
            print(f"mutmut failed (exit {run.returncode})")
            return run.returncode
    elapsed = time.monotonic() - started

    found = results(mutated_files())
    survivors = [
        name
        for states in found.values()
        for name, state in states.items()
        if state in ("survived", "no tests")
    ]
    lines = [
        "# Mutation report",
        "",
        f"Written by `make mutate` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        + (
            "the results stored by earlier runs."
            if args.report_only
            else f"this run took {elapsed / 60:.1f} min on {args.children} processes"
            + (" (every mutant tested)." if args.fresh else " (mutants of changed code tested).")
        )
        + (f" Mutants asked for: {', '.join(f'`{n}`' for n in args.names)}." if args.names else ""),
        "How to read it, and the mutants kept on purpose: docs/mutation.md.",
        "",
        *table(found),
        "",
        f"## Survived, or reached by no test ({len(survivors)})",
        "",
    ]
    for name in survivors:
        lines += ["```diff", diff(name), "```", ""]
    text = "\n".join(lines).rstrip() + "\n"
    args.report.write_text(text)
    print("\n".join(table(found)))
    print(
        f"\n{len(survivors)} not killed (diffs in {args.report.relative_to(ROOT)}); "
        f"{elapsed / 60:.1f} min"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
