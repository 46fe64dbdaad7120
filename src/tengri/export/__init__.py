"""Exports: the store's events as CSV, JSON Lines, Parquet, GDELT 2.0 tables or PLOVER JSON.

Every format is written from one export record per event (`records.py`, the README record shape
plus its reports); `run.py` streams the events a filter selects through a format's writer. The
Parquet writer (`parquet.write_parquet`) takes plain rows and is shared with the engine; it needs
pyarrow, so it is imported only when used. docs/EXPORTS.md documents every mapping.
"""

from tengri.export.run import FORMATS, ExportSummary, export_parquet, export_text

__all__ = ["FORMATS", "ExportSummary", "export_parquet", "export_text"]
