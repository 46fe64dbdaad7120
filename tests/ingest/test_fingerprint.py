"""Exact and near-duplicate signatures: syndicated copies match, separate reports do not."""

from __future__ import annotations

from tengri.ingest.fingerprint import (
    SYNDICATION_THRESHOLD,
    Signature,
    band_keys,
    content_hash,
    fingerprint,
    minhash,
    normalise,
    shingles,
    similarity,
)

WIRE = """BISHKEK, March 13 (Steppe Wire) - The presidents of Kyrgyzstan and Tajikistan signed a
treaty on their shared border on Thursday, ending a dispute over a frontier where armed clashes
broke out in 2021 and 2022.

The Tajik leader arrived in Bishkek on Wednesday for a state visit. His host called the treaty
historic and said it would bring security to the whole region, while the guest said the two
nations had opened a new chapter in their relations.

Both governments said checkpoints closed since the fighting would reopen for trade and
travellers, and that a joint commission would mark the remaining sections of the line.

Officials from both sides said the parliaments of the two countries were expected to ratify the
document within months."""

SYNDICATED = """Silk Road Times | Home | Central Asia | Economy
Historic border deal signed in Bishkek
14 March 2025 - 3 min read

BISHKEK, March 13 (Steppe Wire) – The presidents of Kyrgyzstan and Tajikistan signed a treaty
on their shared border on Thursday, ending a dispute over a frontier where armed clashes broke
out in 2021 and 2022.

The Tajik leader arrived in Bishkek on Wednesday for a state visit. His host called the treaty
historic and said it would bring security to the whole region, while the guest said the two
nations had opened a new chapter in their relations.

Both governments said checkpoints closed since the fighting would reopen for trade and
travellers, and that a joint commission would mark the remaining sections of the line.

Share this story. Subscribe to our newsletter."""

OTHER_REPORT = """DUSHANBE, March 14 - Tajikistan's foreign ministry said on Friday that the border
agreement concluded in the Kyrgyz capital a day earlier settles all remaining territorial
questions between the neighbours. A ministry spokesman told reporters that crossings on the
Isfara road would be open to lorries next week and that exchanges of land had been agreed
after three years of talks between survey teams."""


def test_normalising_ignores_case_punctuation_and_spacing() -> None:
    assert (
        normalise("  The KREMLIN said: “talks,  went well”!\n")
        == "the kremlin said talks went well"
    )


def test_copies_that_differ_only_in_typography_share_the_content_hash() -> None:
    assert content_hash("Putin met Tokayev — in Moscow.") == content_hash(
        "putin  met tokayev in MOSCOW"
    )
    assert content_hash("Putin met Tokayev.") != content_hash("Putin met Aliyev.")


def test_shingles_are_word_five_grams_or_the_whole_short_text() -> None:
    assert shingles("a b c d e f") == {"a b c d e", "b c d e f"}
    assert shingles("Talks ended.") == {"talks ended"}
    assert shingles("!!!") == set()


def test_a_syndicated_copy_is_near_and_a_separate_report_is_not() -> None:
    wire, copy, other = fingerprint(WIRE), fingerprint(SYNDICATED), fingerprint(OTHER_REPORT)
    assert similarity(wire.signature, copy.signature) >= SYNDICATION_THRESHOLD
    assert similarity(wire.signature, other.signature) < 0.1
    assert wire.near(copy)
    assert not wire.near(other)


def test_the_minhash_estimate_tracks_the_true_jaccard_similarity() -> None:
    a, b = shingles(WIRE), shingles(SYNDICATED)
    true = len(a & b) / len(a | b)
    assert abs(similarity(minhash(WIRE), minhash(SYNDICATED)) - true) < 0.15


def test_identical_texts_have_identical_signatures_and_band_keys() -> None:
    assert minhash(WIRE) == minhash(WIRE)
    assert similarity(minhash(WIRE), minhash(WIRE)) == 1.0
    assert band_keys(minhash(WIRE)) == band_keys(minhash(WIRE))
    assert len(band_keys(minhash(WIRE))) == 42


def test_a_syndicated_copy_shares_a_band_key_and_a_separate_report_does_not() -> None:
    wire, copy, other = (set(band_keys(minhash(t), 16)) for t in (WIRE, SYNDICATED, OTHER_REPORT))
    assert wire & copy
    assert not wire & other


def test_the_default_bands_find_nearly_every_pair_at_the_threshold() -> None:
    rows, bands = 128 // 42, 42
    assert 1 - (1 - SYNDICATION_THRESHOLD**rows) ** bands > 0.99


def test_an_empty_text_has_an_empty_signature_that_matches_nothing() -> None:
    assert minhash("") == Signature(())
    assert similarity(minhash(""), minhash("")) == 0.0
    assert band_keys(minhash("")) == ()


def test_a_signature_survives_packing_for_the_database() -> None:
    signature = minhash(WIRE)
    packed = signature.pack()
    assert len(packed) == 8 * 128
    assert Signature.unpack(packed) == signature


def test_a_long_article_is_signed_whole_and_the_same_way_each_time() -> None:
    # how fast it signs is measured by `make bench`, never by a timed test
    text = " ".join(f"word{i % 3000} said{i % 7}" for i in range(5000))
    second_half = " ".join(f"other{i} wrote{i % 5}" for i in range(2500))
    assert minhash(text) == minhash(text)
    # half the words replaced: the whole text was read, so about half the shingles differ
    assert 0.2 < similarity(minhash(text), minhash(text[: len(text) // 2] + second_half)) < 0.8
