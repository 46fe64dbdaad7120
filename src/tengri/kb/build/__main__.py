"""`python -m tengri.kb.build states|places [--out PATH]`: regenerate one shipped KB table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tengri.kb.build import DATA_DIR

TARGETS = {"states": "states.csv", "places": "places.tsv.gz"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tengri.kb.build", description=__doc__)
    parser.add_argument("table", choices=sorted(TARGETS), help="which table to regenerate")
    parser.add_argument("--out", type=Path, help="write here instead of kb/data/")
    args = parser.parse_args(argv)
    out = args.out or DATA_DIR / TARGETS[args.table]
    if args.table == "states":
        from tengri.kb.build.states import write_states

        count = write_states(out)
    else:
        from tengri.kb.build.places import write_places

        count = write_places(out)
    print(f"wrote {count} rows to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
