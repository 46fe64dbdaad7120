"""Reading PETRARCH validation records (XML; schema `validation.rng`) into a GoldSet.

Each `<Sentence>` carries a date, an id, its `<Text>` and the `<EventCoding>`s PETRARCH is
expected to produce (source code, target code, CAMEO event code), or one coding that says
`noevents` (a negative) or `error` (PETRARCH should refuse the input: skipped here). The records
test a parser-based coder with fictional states (Arnor, Gondor, Mordor …) defined in
PETR.Validate.actors.txt, so what can be compared is the CAMEO **root** of each coding and, where
a code names a real state (`data/petrarch_codes.csv`), its country. Codings with codes that only
the validation verb dictionary defines (903, 345, 1717 …) are left out, and a sentence whose every
coding is such a code is skipped; both are counted. Even the real codes come from a test
dictionary that, by its own header, holds mostly WEIS codes tweaked for the tests, so agreement
here measures robustness more than meaning.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

from tengri.errors import InputError, OntologyError
from tengri.evaluate.gold import GoldActor, GoldEvent, GoldSet, Passage, file_digest
from tengri.ontology import cameo


@functools.cache
def _real_states() -> dict[str, str]:
    text = (resources.files("tengri.evaluate") / "data" / "petrarch_codes.csv").read_text("utf-8")
    return {r["code"]: r["country"] for r in csv.DictReader(text.splitlines())}


def petrarch_country(code: str | None) -> str | None:
    """The ISO3 country of a PETRARCH actor code ("USAGOV" -> "USA"), or None when its first
    three letters are not a real state in the validation dictionary ("GON", "MORMIL", "---")."""
    if not code:
        return None
    return _real_states().get(code.strip().upper()[:3])


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None


def _coding(element: ET.Element) -> GoldEvent | str:
    """The gold event of one coding, or the reason it is left out."""
    code = element.get("eventcode") or ""
    try:
        entry = cameo(code)
    except OntologyError:
        return f"event code {code!r} is not a CAMEO code (validation dictionary only)"
    source, target = petrarch_country(element.get("sourcecode")), \
        petrarch_country(element.get("targetcode"))
    return GoldEvent(
        type=entry.plover_type or "",
        mode=entry.plover_mode,
        cameo=entry.code,
        source=(GoldActor(source),) if source else (),
        target=(GoldActor(target),) if target else (),
    )


def _sentence(element: ET.Element) -> tuple[Passage | None, list[str]]:
    """The passage of one sentence (None when it is skipped) and what was left out, why."""
    sid = element.get("id") or "?"
    text = " ".join((element.findtext("Text") or "").split())
    if not text:
        return None, [f"{sid}: no text"]
    codings = element.findall("EventCoding")
    if any(c.get("error") is not None for c in codings):
        return None, [f"{sid}: PETRARCH is expected to reject this input"]
    events: list[GoldEvent] = []
    dropped: list[str] = []
    for coding in codings:
        if coding.get("noevents") is not None:
            continue
        result = _coding(coding)
        if isinstance(result, str):
            dropped.append(f"{sid}: {result} (one coding left out; the sentence is kept)")
        else:
            events.append(result)
    if dropped and not events:
        return None, [f"{sid}: none of its codings is a CAMEO code ("
                      + ", ".join(repr(c.get("eventcode")) for c in codings)
                      + "; the validation dictionary's own codes)"]
    negative = ("negative",) if not events else ()
    passage = Passage(id=sid, text=text, published=_date(element.get("date")), split="reference",
                      tags=(element.get("category") or "", *negative), events=tuple(events))
    return passage, dropped


def read_petrarch(path: Path, name: str = "petrarch-unit") -> GoldSet:
    """Read a PETRARCH validation XML file at `path`."""
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise InputError(f"cannot read PETRARCH records {path}: {exc.strerror or exc}") from None
    except ET.ParseError as exc:
        raise InputError(f"{path} is not PETRARCH validation XML: {exc}") from None
    sentences = root.find("Sentences")
    if root.tag != "Validation" or sentences is None:
        raise InputError(f"{path} is not PETRARCH validation XML: expected <Validation> with "
                         "<Sentences> (see validation.rng)")
    passages, skipped = [], []
    for element in sentences.findall("Sentence"):
        passage, left_out = _sentence(element)
        skipped.extend(left_out)
        if passage is not None:
            passages.append(passage)
    return GoldSet(name, "petrarch-xml", path, file_digest(path), tuple(passages), key="root",
                   conventions=frozenset({"future-as-intent"}), skipped=tuple(skipped))
