"""The dashboard's picture for the README: the overview (filters, numbers, the cooperation and
conflict timeline, the map with location precision) over the sample corpus, saved as a PNG.

Run: `python benchmarks/screenshot.py [--out docs/dashboard.png] [--page '#/dyad/KAZ/RUS']
[--db STORE]`. Without --db the samples are coded into a temporary store first (a minute).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from served_samples import chromium, sample_store, serving, wait_drawn

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    parser.add_argument("--page", default="#/", help="the address after the host, e.g. "
                        "'#/dyad/KAZ/RUS'")
    parser.add_argument("--db", help="a store to show (default: the samples, coded now)")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1160)
    args = parser.parse_args()
    with sample_store(args.db) as db, serving(db) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(base + args.page)
        wait_drawn(page)
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        page.screenshot(path=args.out)
    print(f"saved {args.out} ({Path(args.out).stat().st_size // 1024} KB) of {args.page}")


if __name__ == "__main__":
    main()
