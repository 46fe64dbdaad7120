"""The built knowledge base kept on disk, so that a new process loads it in a fraction of a second.

Building the KB parses some 40,000 rows, makes the Russian case forms of its names and builds two
automata over 200,000 alias forms (seconds); the built KB, pickled, loads in a fraction of that.
The pickle lives in the user's cache folder (`$TENGRI_CACHE_DIR`, else `$XDG_CACHE_HOME/tengri`,
else `~/.cache/tengri`; `TENGRI_CACHE_DIR=off` turns the cache off), never in the package or the
repository. Its name is a digest of everything the KB is built from: the shipped data files, the
user's files, the KB code, tengri's version, the Python and pyahocorasick builds and the pymorphy3
version (Russian case forms). So a change to any of them builds afresh, and a cache file that
cannot be read for any reason is ignored and rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path

import ahocorasick

from tengri import __version__
from tengri.kb.base import KnowledgeBase

log = logging.getLogger(__name__)

# The KB has more Russian case forms with these installed (tengri.kb.inflect), so a cache built
# without them must not serve a process that has them, or the other way round.
_BUILT_WITH = ("pymorphy3", "pymorphy3-dicts-ru")
_KEEP = 4  # cache files kept (one per set of user files in use), newest first
_CODE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where the KB cache lives, or None when `TENGRI_CACHE_DIR=off`."""
    configured = os.environ.get("TENGRI_CACHE_DIR", "").strip()
    if configured.lower() in {"off", "none", "0"}:
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tengri"


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            found.append(path)
    return found


def _versions(distributions: Iterable[str]) -> str:
    """Installed versions of the optional packages the build uses ("absent" when missing)."""
    found = []
    for name in distributions:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} absent")
    return ", ".join(found)


def kb_digest(data_dir: Path, extra: Iterable[Path]) -> str:
    """A digest of everything a KB is built from (a missing user file counts as missing)."""
    digest = hashlib.blake2b(digest_size=16)
    library = Path(ahocorasick.__file__ or "")
    stat = library.stat() if library.exists() else None
    digest.update(
        f"tengri {__version__}; {sys.implementation.cache_tag}; "
        f"ahocorasick {library.name} {stat and (stat.st_size, stat.st_mtime_ns)}; "
        f"{_versions(_BUILT_WITH)}".encode()
    )
    code = sorted(_CODE_DIR.glob("*.py"))
    for path in (*code, *_files([data_dir]), *_files(extra)):
        digest.update(f"\0{path.resolve()}\0".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def _read(path: Path) -> KnowledgeBase | None:
    if not path.exists():
        return None
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects would trigger needless collections
    try:
        with path.open("rb") as handle:
            kb = pickle.load(handle)
    # A cache file can fail in many ways (truncated, written by other code, unreadable): any of
    # them only means the KB is built again.
    except Exception as exc:
        log.warning("ignoring the KB cache %s (%s: %s); rebuilding", path, type(exc).__name__, exc)
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(kb, KnowledgeBase):
        log.warning("ignoring the KB cache %s: it holds a %s", path, type(kb).__name__)
        return None
    return kb


def _write(path: Path, kb: KnowledgeBase) -> None:
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".kb-", delete=False
        ) as handle:
            temporary = handle.name
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        stale = sorted(
            path.parent.glob("kb-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )[_KEEP:]
        for old in stale:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError) as exc:
        log.info("could not write the KB cache %s (%s); the next run builds it again", path, exc)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def cached_kb(
    data_dir: Path, extra: tuple[Path, ...], build: Callable[[], KnowledgeBase]
) -> KnowledgeBase:
    """The KB built from `data_dir` and `extra`, from the cache when it holds it, else built."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"kb-{kb_digest(data_dir, extra)}.pickle"
    kb = _read(path)
    if kb is None:
        kb = build()
        _write(path, kb)
    return kb
