"""Numbers in Russian text: "20 соглашений", "1,2 млрд долларов", "более 1 млн", "свыше
миллиона", "около 500 млн долларов", "дважды", with their qualifier and currency; the records are
the English `Number`s, so quantities and facts read them alike.

Qualifiers follow gold/README.md: "более", "свыше", "больше", "не менее" -> more than; "около",
"порядка", "примерно", "почти" -> about; "менее", "меньше", "до" -> less than.
"""

from __future__ import annotations

import re

from tengri.extract.numbers import Number, qualifier_before
from tengri.model import Qualifier

_SCALES = {"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тысячу": 1e3,
           "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
           "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
           "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12}  # fmt: skip
_WORDS = {"два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4,
          "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
          "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10,
          "десяти": 10, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
          "сто": 100, "ста": 100, "десятка": 10, "дюжину": 12}  # fmt: skip
_CURRENCY_AFTER = {"доллар": "USD", "долл": "USD", "евро": "EUR", "рубл": "RUB", "руб": "RUB",
                   "тенге": "KZT", "юан": "CNY", "сум": "UZS", "сом": "KGS", "сомони": "TJS",
                   "манат": "AZN", "драм": "AMD", "лари": "GEL"}  # fmt: skip
_CURRENCY_SIGN = {"$": "USD", "€": "EUR", "₽": "RUB", "₸": "KZT", "¥": "CNY"}
_TIMES = {"дважды": 2, "трижды": 3, "четырежды": 4}
_QUALIFIERS = [
    (re.compile(r"(?:более|свыше|больше|не\s+менее|не\s+меньше|по\s+меньшей\s+мере|"
                r"как\s+минимум|превысил\w*|превыси\w*)\s+$", re.I), Qualifier.MORE_THAN),
    (re.compile(r"(?:около|порядка|примерно|приблизительно|почти|почти\s+в|где-то|свыше\s+чем)"
                r"\s+$", re.I), Qualifier.ABOUT),
    (re.compile(r"(?:менее|меньше|не\s+более|не\s+больше|до|не\s+свыше)\s+$", re.I),
     Qualifier.LESS_THAN),
]  # fmt: skip
_SCALE = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
_WORD = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
NUMBER = re.compile(
    rf"(?P<sign>[$€₽₸¥])?\s?"
    rf"(?:(?<![\w.,])(?P<digits>\d{{1,3}}(?:[\s\u00a0]\d{{3}})+|\d+(?:,\d+)?)(?![\d])"
    rf"|(?<![\w-])(?P<word>{_WORD})(?![\w-]))"
    rf"(?:\s*(?P<scale>{_SCALE})\b\.?)?"
    rf"(?:\s+(?P<cur>доллар\w*|долл\.|евро|рубл\w*|руб\.|тенге|юан\w*|сум\w*|сом\b|сомони|"
    rf"манат\w*|драм\w*|лари)(?![\w]))?"
    rf"|(?<![\w-])(?P<bare>миллиона|миллиарда|миллион|миллиард|тысячи)(?![\w-])"
    rf"|\b(?P<times>дважды|трижды|четырежды)\b",
    re.IGNORECASE,
)


def _qualifier(text: str, start: int) -> Qualifier:
    return qualifier_before(text, start, _QUALIFIERS)


def _currency(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    for stem, code in _CURRENCY_AFTER.items():
        if word.startswith(stem):
            return code
    return None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number expression in text[start:end], with absolute offsets."""
    end = len(text) if end is None else end
    found: list[Number] = []
    for match in NUMBER.finditer(text, start, end):
        value: float
        if match["times"]:
            value = _TIMES[match["times"].lower()]
            found.append(Number(value, match.start(), match.end(), Qualifier.EXACT, None, True))
            continue
        if match["bare"]:
            value = _SCALES[match["bare"].lower()]
            qualifier = _qualifier(text, match.start())
            found.append(Number(value, match.start(), match.end(), qualifier, None, False))
            continue
        if match["digits"]:
            digits = re.sub(r"[\s\u00a0]", "", match["digits"])
            if re.fullmatch(r"(?:19|20)\d\d", digits) and not (match["scale"] or match["sign"]):
                continue  # a year
            value = float(digits.replace(",", "."))
        elif match["word"]:
            value = float(_WORDS[match["word"].lower()])
        else:
            continue
        value *= _SCALES.get((match["scale"] or "").lower().rstrip("."), 1)
        currency = _CURRENCY_SIGN.get(match["sign"] or "") or _currency(match["cur"])
        begin = (
            match.start("sign")
            if match["sign"]
            else match.start("digits")
            if match["digits"]
            else match.start("word")
        )
        found.append(Number(value, begin, match.end(), _qualifier(text, begin), currency, False))
    return found
