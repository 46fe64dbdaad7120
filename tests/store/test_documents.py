"""Documents are stored exactly once; a new version replaces the old; copies form groups."""

from __future__ import annotations

from sqlalchemy import func, select
from tests.store.conftest import document, event, put

from tengri.model import EventStatus
from tengri.store import Store, find_documents, get_event, store_counts
from tengri.store.schema import documents, event_mentions

WIRE = ("Kazakh President Kassym-Jomart Tokayev will pay a state visit to Russia on "
        "November 11 and 12 at the invitation of Russian President Vladimir Putin, the "
        "presidential press service said on Monday. The two leaders are expected to sign a "
        "declaration on the transition to a comprehensive strategic partnership and to take "
        "part in the forum of interregional cooperation, which this year is held online.")
COPY = ("Kazakh leader heads to Moscow. " + WIRE.replace("on Monday", "on Monday morning")
        + " Read more on our site.")
OTHER = ("Tokayev arrived in Moscow on Tuesday for a two-day state visit, his first to Russia "
         "since the two countries upgraded their ties, and was met at the airport by officials.")


def _visit(doc_id: str, **kwargs: object) -> object:
    return event(doc_id, "042", "person:kassym-jomart-tokayev", "RUS", start="2025-11-11",
                 end="2025-11-12", **kwargs)  # type: ignore[arg-type]


def test_storing_the_same_text_twice_keeps_one_document(store: Store) -> None:
    doc = document("a.txt", WIRE, "2025-11-10")
    first = put(store, (doc, [_visit("a.txt")]))
    again = put(store, (document("copy-of-a.txt", "  " + WIRE.replace(" ", "  ") + "\n"),
                        [_visit("copy-of-a.txt")]))
    assert (first.stored, first.unchanged, again.stored, again.unchanged) == (1, 0, 0, 1)
    assert store_counts(store)["documents"] == 1
    assert store_counts(store)["mentions"] == 1


def test_a_document_twice_in_one_batch_is_stored_once(store: Store) -> None:
    doc = document("a.txt", WIRE, "2025-11-10")
    summary = put(store, (doc, [_visit("a.txt")]), (doc, [_visit("a.txt")]))
    assert (summary.stored, summary.unchanged) == (1, 1)
    assert store_counts(store)["mentions"] == 1


def test_new_text_at_the_same_url_replaces_the_old_records(store: Store) -> None:
    url = "https://wire.example.com/tokayev-visit"
    put(store, (document("v1", WIRE, "2025-11-10", url=url), [_visit("v1")]))
    summary = put(store, (document("v2", OTHER, "2025-11-11", url=url),
                          [_visit("v2", status=EventStatus.ONGOING),
                           event("v2", "036", "person:vladimir-putin", "KAZ", offset=200)]))
    assert (summary.stored, summary.replaced) == (0, 1)
    with store.read() as connection:
        rows = connection.execute(select(documents.c.id, documents.c.version,
                                         documents.c.doc_key)).all()
        statuses = connection.execute(select(event_mentions.c.status)
                                      .order_by(event_mentions.c.id)).scalars().all()
    assert [(r.version, r.doc_key) for r in rows] == [(2, "v2")]
    assert statuses == ["ongoing", "occurred"]
    counts = store_counts(store)
    assert (counts["documents"], counts["events"], counts["mentions"]) == (1, 2, 2)


def test_a_syndicated_copy_is_a_document_of_its_own_but_not_another_source(
        store: Store) -> None:
    put(store, (document("wire", WIRE, "2025-11-10", url="https://a.example/1"),
                [_visit("wire")]))
    put(store, (document("copy", COPY, "2025-11-10", url="https://b.example/2"),
                [_visit("copy")]))
    put(store, (document("other", OTHER, "2025-11-11"), [_visit("other")]))
    listed = {d.doc_key: d for d in find_documents(store)}
    assert listed["wire"].near_duplicate_group == listed["copy"].near_duplicate_group
    assert (listed["wire"].copies, listed["copy"].copies, listed["other"].copies) == (2, 2, 1)
    counts = store_counts(store)
    assert (counts["documents"], counts["sources"], counts["events"]) == (3, 2, 1)
    detail = get_event(store, 1)
    assert (detail.event.mention_count, detail.event.source_count) == (3, 2)
    assert sorted(m.syndicated for m in detail.mentions) == [False, True, True]


def test_the_group_label_does_not_depend_on_which_copy_came_first(store: Store) -> None:
    put(store, (document("copy", COPY, "2025-11-10", url="https://b.example/2"), []))
    put(store, (document("wire", WIRE, "2025-11-10", url="https://a.example/1"), []))
    with store.read() as connection:
        rows = connection.execute(select(documents.c.content_hash,
                                         documents.c.near_duplicate_group)).all()
    assert {group for _, group in rows} == {min(h for h, _ in rows)}


def test_replacing_a_copy_with_new_text_takes_it_out_of_the_group(store: Store) -> None:
    put(store, (document("wire", WIRE, url="https://a.example/1"), []),
        (document("copy", COPY, url="https://b.example/2"), []))
    put(store, (document("copy", OTHER, url="https://b.example/2"), []))
    with store.read() as connection:
        groups = connection.execute(select(func.count(func.distinct(
            documents.c.near_duplicate_group)))).scalar_one()
    assert groups == 2


def test_a_text_stored_without_url_learns_it_and_a_later_version_replaces_it(
        store: Store) -> None:
    put(store, (document("local", WIRE), [_visit("local")]))
    seen = put(store, (document("web", WIRE, url="https://a.example/1"), [_visit("web")]))
    newer = put(store, (document("web", OTHER, url="https://a.example/1"), [_visit("web")]))
    assert (seen.unchanged, newer.replaced) == (1, 1)
    assert store_counts(store)["documents"] == 1
