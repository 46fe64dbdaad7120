"""Running the pipeline over a corpus: on this machine's cores or on a Dask cluster
(`run_corpus`), and over a folder or feed as new items arrive (`watch`).

`partitions` cuts the corpus; `coding` is what a worker runs on a partition; `local` and
`dask_engine` run partitions in parallel and try again when a worker dies; `manifest` records
what is written so a run can resume; `documents` and `events` are the global step (duplicates,
near-duplicate groups, events merged across all partitions with the store's rules); `tables`
writes the Parquet output; `loading` feeds the store. `watch` and `seen` follow new items.
"""

from tengri.engine.records import EngineError, RunSummary
from tengri.engine.run import ENGINES, RunOptions, run_corpus

__all__ = ["ENGINES", "EngineError", "RunOptions", "RunSummary", "run_corpus"]
