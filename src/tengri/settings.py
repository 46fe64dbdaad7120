"""One frozen Settings, built at the edge (CLI, API) from flags, environment and defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tengri"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run of tengri can be told; each field says its default and its origin."""

    kb_paths: tuple[Path, ...] = field(
        default=(),
        metadata={
            "help": "user KB files or folders that extend and override the shipped KB "
            "(--kb, or TENGRI_KB_PATH with ':' between paths)"
        },
    )
    db_url: str | None = field(
        default=None,
        metadata={
            "help": "database URL or SQLite path (--db or TENGRI_DB); default: a SQLite "
            "file in the user data directory"
        },
    )
    data_dir: Path = field(
        default_factory=_default_data_dir,
        metadata={"help": "where tengri keeps its default database (TENGRI_DATA_DIR)"},
    )
    workers: int = field(
        default_factory=lambda: max(1, min(4, os.cpu_count() or 1)),
        metadata={"help": "parallel worker processes (--workers); default: the cores, up to 4"},
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from the environment, with explicit (non-None) overrides from flags winning."""
        env: dict[str, object] = {}
        if kb := os.environ.get("TENGRI_KB_PATH"):
            env["kb_paths"] = tuple(Path(p) for p in kb.split(os.pathsep) if p)
        if db := os.environ.get("TENGRI_DB"):
            env["db_url"] = db
        if data_dir := os.environ.get("TENGRI_DATA_DIR"):
            env["data_dir"] = Path(data_dir)
        env.update({k: v for k, v in overrides.items() if v is not None and v != ()})
        return cls(**env)  # type: ignore[arg-type]
