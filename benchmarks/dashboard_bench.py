"""Dashboard first-load time: from navigation until the page says it is fully drawn (data
fetched, timeline, map and lists in place), in a fresh browser context (cold cache) and again
on a reload (warm cache), with the requests and bytes each load needed.

Run: `python benchmarks/dashboard_bench.py [--runs N] [--db STORE] [--page '#/' ...]`. Without
--db the samples are coded into a temporary store first (a minute); point --db at a big store
(benchmarks/generate.py) to see the load time at scale. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from typing import Any

from served_samples import chromium, sample_store, serving, wait_drawn

PAGES = ("#/", "#/dyad/KAZ/RUS", "#/network")
_TRANSFER = """() => {
  const entries = [...performance.getEntriesByType('navigation'),
                   ...performance.getEntriesByType('resource')];
  return {requests: entries.length,
          bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
          dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd};
}"""


def _load(page: Any, url: str, reload: bool = False) -> tuple[float, dict[str, float]]:
    started = time.perf_counter()
    if reload:
        page.reload()
    else:
        page.goto(url)
    wait_drawn(page)
    drawn = (time.perf_counter() - started) * 1000
    return drawn, page.evaluate(_TRANSFER)


def measure(browser: Any, base: str, address: str, runs: int) -> dict[str, Any]:
    cold, warm, dom, requests, kilobytes = [], [], [], [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        took, transfer = _load(page, base + address)
        cold.append(took)
        dom.append(transfer["dom"])
        requests.append(transfer["requests"])
        kilobytes.append(transfer["bytes"] / 1024)
        warm.append(_load(page, base + address, reload=True)[0])
        context.close()
    return {"cold": cold, "warm": warm, "dom": dom, "requests": requests, "kb": kilobytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="a store to serve (default: the samples, coded now)")
    parser.add_argument("--page", action="append", help="an address after the host "
                        "(repeatable; default: overview, KAZ-RUS dyad, network)")
    args = parser.parse_args()
    with sample_store(args.db) as db, serving(db) as base, chromium() as browser:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"dashboard first load: {args.runs} runs per page, chromium {browser.version}, "
              f"{platform.machine()} with {os.cpu_count()} CPUs (load average {load}), "
              "tengri serve on loopback")
        print(f"{'page':<18} {'cold ms (median, min-max)':>27} {'DOMContentLoaded':>17} "
              f"{'warm ms':>8} {'requests':>9} {'KB moved':>9}")
        for address in args.page or PAGES:
            m = measure(browser, base, address, args.runs)
            print(f"{address:<18} {statistics.median(m['cold']):>9.0f} "
                  f"({min(m['cold']):.0f}-{max(m['cold']):.0f}){'':>8} "
                  f"{statistics.median(m['dom']):>17.0f} {statistics.median(m['warm']):>8.0f} "
                  f"{statistics.median(m['requests']):>9.0f} "
                  f"{statistics.median(m['kb']):>9.0f}")


if __name__ == "__main__":
    main()
