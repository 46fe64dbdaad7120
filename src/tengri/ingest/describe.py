"""An `Article` as read to a `Document` with its `Provenance`: one step for every source, so
every document is size-checked, dated and language-tagged the same way."""

from __future__ import annotations

import datetime as dt

from tengri.ingest.language import detect_language, may_be_mixed, paragraph_languages
from tengri.ingest.published import find_published
from tengri.ingest.records import Article, LanguageShare, Loaded, Provenance, SourceError
from tengri.model import DatePrecision, Document

MAX_DOCUMENT_CHARS = 2_000_000
MIXED_SHARE = 0.1  # a language counts in a mixed page from a tenth of its letters


def check_size(text: str, name: str) -> None:
    if len(text) > MAX_DOCUMENT_CHARS:
        raise SourceError("too large", f"{name}: {len(text) / 1e6:.1f} million characters, "
                          f"more than the {MAX_DOCUMENT_CHARS / 1e6:.0f} million one document "
                          "may have; split it into articles (one per file or JSONL line)")


def describe(article: Article, published: dt.date | None = None) -> Loaded:
    """The document an article makes, or a Skipped record saying why it makes none.

    `published` (the user's --published) overrides every date the article carries."""
    try:
        if not article.text.strip():
            raise SourceError("empty", f"{article.source}: no text, nothing to code")
        check_size(article.text, article.source)
    except SourceError as exc:
        return Loaded((), (exc.skipped(article.source),))
    dated = find_published(article, published)
    lang, confidence = detect_language(article.text)
    if confidence < 0.5:  # a guess this weak (short or mixed text) is no answer
        lang = "und"
    languages: tuple[LanguageShare, ...] = ()
    if may_be_mixed(article.text, lang):  # one langid call per paragraph only when it pays
        # a stray short paragraph misread as another language is noise, not a mixed page
        languages = tuple(s for s in paragraph_languages(article.text)
                          if s.share >= MIXED_SHARE)
    doc_lang = lang if lang != "und" else article.lang
    document = Document(
        doc_id=article.doc_id or article.url or Document.make_id(article.text),
        text=article.text,
        # a month or year is not a publication day: it stays in the provenance only
        published=dated.date if dated.precision == DatePrecision.DAY else None,
        title=article.title, url=article.url, lang=doc_lang, source_name=article.site,
    )
    provenance = Provenance(
        source=article.source, reader=article.reader, url=article.url, author=article.author,
        site=article.site, published=dated.date, published_precision=dated.precision,
        published_from=dated.how, published_text=dated.text, language=lang,
        language_confidence=round(confidence, 3),
        languages=languages if len(languages) > 1 else (), notes=article.notes,
    )
    return Loaded((document,), (), (provenance,))
