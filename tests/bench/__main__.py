"""Run every `*_bench.py` module's `main()` in this package, one after another. A benchmark
that fails is reported and the others still run; the exit status says whether all passed."""

import importlib
import pkgutil
import sys
import traceback
from pathlib import Path


def main() -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.endswith("_bench")
    )
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        try:
            importlib.import_module(f"{__package__}.{name}").main()
        except Exception:  # report it and go on to the next benchmark
            traceback.print_exc()
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
