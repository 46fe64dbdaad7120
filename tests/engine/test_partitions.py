"""Cutting a stream of inputs into partitions, and the digests that tell them apart."""

from __future__ import annotations

import pytest

from tengri.engine.partitions import split
from tengri.errors import UsageError
from tengri.ingest.records import Loaded, Provenance
from tengri.model import Document, Skipped


def _loaded(n: int) -> Loaded:
    return Loaded((Document(f"d{n}", f"text {n}"),), (),
                  (Provenance(source=f"in:{n}", reader="text"),))


def test_documents_are_cut_into_partitions_of_the_given_size_in_input_order():
    found = list(split((_loaded(n) for n in range(7)), size=3))
    assert [[d.doc_id for d in p.documents] for p in found] == [
        ["d0", "d1", "d2"], ["d3", "d4", "d5"], ["d6"]]
    assert [(p.index, p.first, p.name) for p in found] == [
        (0, 1, "p00000"), (1, 4, "p00001"), (2, 7, "p00002")]
    assert [p.provenance[0]["source"] for p in found] == ["in:0", "in:3", "in:6"]


def test_skipped_inputs_travel_with_the_partition_being_filled():
    skipped = Skipped("bad.jsonl:2", "invalid JSON", "not JSON")
    inputs = [_loaded(0), Loaded((), (skipped,)), _loaded(1), _loaded(2)]
    found = list(split(inputs, size=2))
    assert [p.skipped for p in found] == [(skipped,), ()]


def test_a_corpus_of_skipped_inputs_only_is_one_partition():
    skipped = Skipped("empty.txt", "empty", "nothing to code")
    found = list(split([Loaded((), (skipped,))], size=5))
    assert [(p.documents, p.skipped) for p in found] == [((), (skipped,))]


def test_the_digest_depends_on_the_documents_and_nothing_else():
    first = next(split([_loaded(0), _loaded(1)], size=2))
    again = next(split([_loaded(0), _loaded(1)], size=2))
    other = next(split([_loaded(0), _loaded(2)], size=2))
    assert first.digest == again.digest != other.digest


def test_a_partition_size_below_one_is_refused():
    with pytest.raises(UsageError, match="--partition-size 0"):
        list(split([_loaded(0)], size=0))
