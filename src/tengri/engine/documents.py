"""Which documents the output holds, and which of them are copies of one report.

The rules are the store's (`tengri.store.documents`), applied to the whole corpus in input
order: a document with a URL already seen is the same document (same text: a duplicate, left
out; new text: a new version, which replaces the earlier one); a text already seen without a
URL, or without a URL of its own, is a duplicate. Near-duplicate groups are the connected groups
of documents whose MinHash signatures share a locality-sensitive band and agree at the
syndication threshold, labelled with their smallest content hash, as the store labels them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tengri.engine.intermediate import day, file_name, read_lines
from tengri.ingest.fingerprint import SYNDICATION_THRESHOLD, Signature, band_keys
from tengri.store.documents import BANDS


@dataclass(slots=True)
class DocumentInfo:
    """A document of the output, as mentions, facts and the documents table need it."""

    n: int  # corpus position: the document's id in the output
    doc_key: str
    url: str | None
    title: str | None
    published: dt.date | None
    lang: str | None
    source_name: str | None
    input_name: str | None
    text_chars: int
    content_hash: str
    near_duplicate_group: str

    def row(self) -> dict[str, Any]:
        """The document as a store row (`tengri.export.parquet.stored_document_row` reads it)."""
        return {"id": self.n, "doc_key": self.doc_key, "input_name": self.input_name,
                "url": self.url, "title": self.title, "published": self.published,
                "lang": self.lang, "source_name": self.source_name,
                "content_hash": self.content_hash,
                "near_duplicate_group": self.near_duplicate_group,
                "text_chars": self.text_chars, "version": 1, "ingested_at": None}


@dataclass(slots=True)
class Corpus:
    documents: dict[int, DocumentInfo]
    duplicates: int


def _info(row: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(row["n"], row["doc_id"], row["url"], row["title"],
                        day(row["published"]), row["lang"], row["source_name"],
                        row["input_name"], row["text_chars"], row["content_hash"],
                        row["content_hash"])


class _Identities:
    """The store's exactly-once keys over the documents kept so far."""

    def __init__(self) -> None:
        self.by_url: dict[str, int] = {}
        self.by_hash: dict[str, int] = {}  # any kept document with this text
        self.by_hash_without_url: dict[str, int] = {}
        self.kept: dict[int, DocumentInfo] = {}
        self.signatures: dict[int, bytes] = {}
        self.duplicates = 0

    def _keep(self, info: DocumentInfo, signature: bytes) -> None:
        self.kept[info.n] = info
        self.signatures[info.n] = signature
        if info.url:
            self.by_url[info.url] = info.n
        else:
            self.by_hash_without_url.setdefault(info.content_hash, info.n)
        self.by_hash.setdefault(info.content_hash, info.n)

    def _drop(self, n: int) -> None:
        info = self.kept.pop(n)
        self.signatures.pop(n)
        for index in (self.by_hash, self.by_hash_without_url):
            if index.get(info.content_hash) == n:
                del index[info.content_hash]
                other = next((m for m, i in self.kept.items()
                              if i.content_hash == info.content_hash
                              and (index is self.by_hash or not i.url)), None)
                if other is not None:
                    index[info.content_hash] = other

    def add(self, info: DocumentInfo, signature: bytes) -> None:
        if info.url:
            earlier = self.by_url.get(info.url)
            if earlier is not None:
                self.duplicates += 1
                if self.kept[earlier].content_hash != info.content_hash:  # a new version
                    self._drop(earlier)
                    self._keep(info, signature)
                return
            earlier = self.by_hash_without_url.get(info.content_hash)
            if earlier is not None:  # the store learns the URL of the text it holds
                self.duplicates += 1
                self.kept[earlier].url = info.url
                self.by_url[info.url] = earlier
                del self.by_hash_without_url[info.content_hash]
                return
        elif info.content_hash in self.by_hash:
            self.duplicates += 1
            return
        self._keep(info, signature)


def _similar_pairs(rows: np.ndarray, width: int, chunk: int = 64) -> list[tuple[int, int]]:
    """Pairs (i < j) of rows whose signatures agree on at least the syndication threshold's
    share of values: `near_duplicates`, for a whole bucket at once."""
    found: list[tuple[int, int]] = []
    for first in range(0, len(rows), chunk):
        block = rows[first:first + chunk]
        agree = (block[:, None, :] == rows[None, first:, :]).sum(axis=2)
        for i, j in zip(*np.nonzero(agree / width >= SYNDICATION_THRESHOLD), strict=True):
            if first + i < first + j:
                found.append((first + int(i), first + int(j)))
    return found


def _groups(documents: dict[int, DocumentInfo], signatures: dict[int, bytes]) -> None:
    """Label each document with its near-duplicate group (see the module's docstring)."""
    order = sorted(documents)
    size = len(order) * BANDS
    band_array = np.zeros(size, dtype=np.uint8)
    digest_array = np.zeros(size, dtype=np.uint64)
    owner_array = np.zeros(size, dtype=np.int64)
    filled = 0
    for n in order:
        for key in band_keys(Signature.unpack(signatures[n]), BANDS):
            band, digest = key.split(":", 1)
            band_array[filled], digest_array[filled], owner_array[filled] = \
                int(band), int(digest, 16), n
            filled += 1
    if not filled:
        return
    band_array, digest_array, owner_array = \
        band_array[:filled], digest_array[:filled], owner_array[:filled]
    sort = np.lexsort((owner_array, digest_array, band_array))
    band_array, digest_array, owner_array = band_array[sort], digest_array[sort], \
        owner_array[sort]
    same = (band_array[1:] == band_array[:-1]) & (digest_array[1:] == digest_array[:-1])
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    ends = np.append(starts[1:], len(owner_array))
    parent = {n: n for n in order}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if end - start < 2:
            continue
        bucket = owner_array[start:end].tolist()
        rows = np.stack([np.frombuffer(signatures[n], dtype="<u8") for n in bucket])
        for a, b in _similar_pairs(rows, rows.shape[1]):
            parent[find(bucket[a])] = find(bucket[b])
    labels: dict[int, str] = {}
    for n in order:
        root = find(n)
        labels[root] = min(labels.get(root, documents[n].content_hash),
                           documents[n].content_hash)
    for n in order:
        documents[n].near_duplicate_group = labels[find(n)]


def settle(parts: Iterable[Path]) -> Corpus:
    """The output's documents from the partitions' folders, in partition order."""
    identities = _Identities()
    for folder in parts:
        for row in read_lines(folder / file_name("documents")):
            identities.add(_info(row), bytes.fromhex(row["signature"]))
    _groups(identities.kept, identities.signatures)
    return Corpus(identities.kept, identities.duplicates)
