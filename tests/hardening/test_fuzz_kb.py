"""A user's KB files on hostile input: random CSV tables and YAML documents (wrong columns,
bad dates, ids of the wrong kind, cut-off files) are validated into problems with a place and a
message — never an exception other than KBError, never a hang."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tengri.errors import TengriError
from tengri.kb.tables import COLUMNS

from .conftest import Figures, bounded, fuzz_settings

FIXTURE_KB = Path(__file__).resolve().parents[1] / "kb" / "fixture_kb"
CELLS = ["", "KAZ", "RUS", "XXX", "person:jane-doe", "person:", "igo:CIS", "place:x-almaty",
         "DEU.head_of_government", "KAZ.head_of_state", "2030-01-01", "2020-01-01", "2030-02-30",
         "20190320", "1999", "member", "observer", "emperor", "1", "yes", "maybe", "12.5", "nan",
         "inf", "-1e999", "a|b||c", "|", "Jane Doe", "Доу", "=cmd|' /C calc'!A0", "\u202e",
         "x" * 300, "source note", '"', "a,b"]
cell = st.sampled_from(CELLS) | st.text(max_size=10)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


@st.composite
def kb_csv(draw: st.DrawFn) -> tuple[str, str]:
    """A table file: the required columns, some optional ones, maybe shuffled or one wrong;
    rows with a cell too few or too many now and then."""
    table = draw(st.sampled_from(sorted(COLUMNS)))
    required, optional = COLUMNS[table]
    header = list(required) + draw(st.lists(st.sampled_from(list(optional) or ["x"]),
                                            max_size=3, unique=True))
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    if draw(st.integers(0, 9)) == 0:
        header = [*header[:-1], draw(st.text(max_size=6))]
    rows = draw(st.lists(st.lists(cell, min_size=len(header) - 1, max_size=len(header) + 1),
                         max_size=5))
    return f"{table}-fuzz.csv", csv_text(header, rows)


yaml_value = st.recursive(st.sampled_from(CELLS) | st.integers() | st.booleans() | st.none()
                          | st.dates(), lambda c: st.lists(c, max_size=3)
                          | st.dictionaries(st.sampled_from(["id", "name", "x"]), c, max_size=2),
                          max_leaves=6)


@st.composite
def kb_yaml(draw: st.DrawFn) -> tuple[str, str]:
    """A YAML file of one to three tables (or one that does not exist), rows of known and
    unknown columns, sometimes cut off mid-way."""
    tables = draw(st.lists(st.sampled_from([*sorted(COLUMNS), "planets"]), min_size=1,
                           max_size=3, unique=True))
    document: dict[str, object] = {}
    for table in tables:
        required, optional = COLUMNS.get(table, (("id", "name"), ()))
        columns = [*required, *optional, "bogus"]
        document[table] = draw(st.lists(st.dictionaries(st.sampled_from(columns), yaml_value,
                                                        max_size=6), max_size=4) | yaml_value)
    text = yaml.safe_dump(document, allow_unicode=True)
    if draw(st.integers(0, 5)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return "mine.yaml", text


@pytest.fixture(scope="module")
def kb_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kb") / "data"
    shutil.copytree(FIXTURE_KB, folder)
    return folder


@fuzz_settings(120)
@given(st.lists(kb_csv() | kb_yaml(), min_size=1, max_size=3))
def test_random_kb_files_are_validated_into_problems_never_a_crash(
        figures: Figures, kb_data: Path, tmp_path_factory: pytest.TempPathFactory,
        files: list[tuple[str, str]]) -> None:
    from tengri.kb.validate import validate

    folder = tmp_path_factory.mktemp("mine")
    paths = []
    for number, (name, text) in enumerate(files):
        path = folder / name.replace("mine", f"mine{number}").replace("-fuzz", f"-fuzz{number}")
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        paths.append(path)
    # a built KB of random rows is not worth keeping; set for this call only, so later tests
    # (and the processes they start) still use the cache
    previous = os.environ.get("TENGRI_CACHE_DIR")
    os.environ["TENGRI_CACHE_DIR"] = "off"
    try:
        result = bounded(20, lambda: validate(paths, kb_data))
    except TengriError:
        figures.count("fuzz kb files (refused whole)", len(files))
        return
    finally:
        if previous is None:
            os.environ.pop("TENGRI_CACHE_DIR", None)
        else:
            os.environ["TENGRI_CACHE_DIR"] = previous
    assert all(problem.where and problem.message for problem in result.problems)
    figures.count("fuzz kb files (validated)", len(files))


def alias_bomb(levels: int) -> str:
    """A persons file whose cells nest a nine-item list `levels` deep by YAML alias: a few
    hundred bytes that stand for 9**levels items."""
    lines = ["persons:"]
    for row in range(0, levels, 2):
        lines += [f"  - id: person:doe-{row}", "    name: Doe", "    source: test"]
        for column, level in (("aliases", row), ("ru", row + 1)):
            if level >= levels:
                break
            items = ", ".join(['"lol"'] * 9) if level == 0 else ", ".join([f"*a{level - 1}"] * 9)
            lines.append(f"    {column}: &a{level} [{items}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_a_kb_file_is_refused_quickly(tmp_path: Path, kb_data: Path) -> None:
    """Run in a child process with a memory cap, so a bomb that goes off cannot take the test
    run with it."""
    bomb = tmp_path / "mine.yaml"
    bomb.write_text(alias_bomb(8), encoding="utf-8")
    assert len(bomb.read_bytes()) < 1000
    script = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
        from pathlib import Path
        from tengri.kb.validate import validate
        print(len(validate([Path({str(bomb)!r})], Path({str(kb_data)!r})).problems))
    """)
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=15,
                              env={**os.environ, "TENGRI_CACHE_DIR": "off"})
    except subprocess.TimeoutExpired:
        raise AssertionError("validating an 8-level alias bomb ran past 15 s") from None
    assert done.returncode == 0, done.stderr.decode()[-500:]
