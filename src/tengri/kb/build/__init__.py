"""Regenerate the KB's country and city tables from pycountry and GeoNames (dev tool).

`python -m tengri.kb.build states` writes `kb/data/states.csv`; `... places` writes
`kb/data/places.tsv.gz`. Both read only installed dev packages and the hand-kept CSV inputs in
this folder, so the shipped files can be regenerated and diffed. Nothing here runs at run time.
"""

from pathlib import Path

BUILD_DIR = Path(__file__).parent
DATA_DIR = BUILD_DIR.parent / "data"
