"""Promise 5: safe by default.

The shipped `.streamlit/config.toml` keeps the app on this computer (127.0.0.1), sends no usage
statistics, shows no traceback in the browser, keeps XSRF protection and caps uploads; the real
server started with it answers on 127.0.0.1 and not on the machine's network address. Served on
any other address, no page runs without the shop's password, whose salted hash only is stored.
Workbooks are measured before calamine parses them. No customer value can reach
`unsafe_allow_html` (nothing uses it), and SQL text is never built from values: the only
formatted statements are reviewed ones that insert a catalog identifier.
"""

from __future__ import annotations

import ast
import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request

import pytest
import streamlit as st
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

import store
from ingest.errors import FileRejected
from ingest.pipeline import import_file
from store import password
from tests.conftest import ROOT
from tests.fixtures.bad.make_corpus import CASES
from ui.auth import exposed

OPTIONS = {
    "server.address": "127.0.0.1",
    "browser.gatherUsageStats": False,
    "client.showErrorDetails": "none",
    "server.enableXsrfProtection": True,
    "server.enableCORS": True,
    "server.enableStaticServing": False,
    "server.headless": True,
}
MAX_UPLOAD_MB = 200
APP_CODE = [ROOT / "app.py", *(ROOT / "views").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
PYTHON_CODE = [ROOT / "app.py", *(p for folder in ("ingest", "store", "metrics", "exports",
                                                  "reports", "ui", "views", "sample_data")
                                  for p in (ROOT / folder).rglob("*.py"))]
# Statements that format an identifier into SQL text, each reviewed: the name comes from DuckDB's
# own catalog (duckdb_databases()), never from a user or a file, and is double-quoted.
REVIEWED_FORMATTED_SQL = {
    ("identity/decisions.py", "f'copy from database {quoted} to comptoir_rewrite'"),
    ("store/backup.py", "f'copy from database {quoted} to comptoir_backup'"),
}
RIGHT = "un mot de passe assez long"


def streamlit_options(names) -> dict:
    """The options as Streamlit itself reads them from the project's .streamlit/config.toml."""
    code = ("import json, sys; from streamlit import config as c; c.get_config_options("
            "force_reparse=True); print(json.dumps({k: c.get_option(k) for k in sys.argv[1:]}))")
    done = subprocess.run([sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_shipped_configuration_is_local_safe():
    found = streamlit_options([*OPTIONS, "server.maxUploadSize"])
    assert {k: found[k] for k in OPTIONS} == OPTIONS
    assert 0 < found["server.maxUploadSize"] <= MAX_UPLOAD_MB


def network_address() -> str | None:
    """This machine's address on its network (no packet is sent), None without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def test_the_real_server_answers_on_this_computer_only(tmp_path):
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address to try")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT, env={**os.environ, store.db.DB_ENV_VAR: str(tmp_path / "shop.duckdb")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not start")
        assert answers("127.0.0.1", port)
        assert not answers(address, port)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_only_loopback_addresses_count_as_this_computer():
    assert not any(exposed(a) for a in ("127.0.0.1", "127.0.1.1", "::1", "localhost"))
    assert all(exposed(a) for a in (None, "", "0.0.0.0", "::", "192.168.1.20", "comptoir.fr"))


def test_only_a_salted_hash_of_the_password_is_kept(tmp_path, monkeypatch):
    first, second = password.hash_password(RIGHT), password.hash_password(RIGHT)
    assert first != second and RIGHT not in first
    assert password.verify(RIGHT, first) and password.verify(RIGHT, second)
    assert not password.verify(RIGHT + "!", first)
    assert not password.verify(RIGHT, "scrypt$not$a$hash") and not password.verify(RIGHT, "")
    monkeypatch.setenv(store.db.DB_ENV_VAR, str(tmp_path / "shop.duckdb"))
    monkeypatch.delenv(password.ENV_VAR, raising=False)
    assert password.stored_hash() is None
    written = password.save(RIGHT)
    assert written == tmp_path / password.FILE_NAME
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert RIGHT not in written.read_text(encoding="ascii")
    assert password.verify(RIGHT, password.stored_hash())
    monkeypatch.setenv(password.ENV_VAR, second)
    assert password.stored_hash() == second


def test_the_password_command_writes_the_hash_beside_the_database(tmp_path):
    env = {**os.environ, store.db.DB_ENV_VAR: str(tmp_path / "shop.duckdb")}
    env.pop(password.ENV_VAR, None)
    run = lambda typed: subprocess.run(  # noqa: E731 - no terminal: getpass reads stdin
        [sys.executable, "-m", "store.password"], input=typed, cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, start_new_session=True)
    assert run("court\ncourt\n").returncode == 2
    assert run(f"{RIGHT}\nautre chose\n").returncode == 2
    assert not (tmp_path / password.FILE_NAME).exists()
    nothing_typed = run("")  # regression: end of input gave a traceback
    assert nothing_typed.returncode == 2 and "Traceback" not in nothing_typed.stderr
    assert "rien n'a changé" in nothing_typed.stderr
    assert run(f"{RIGHT}\n{RIGHT}\n").returncode == 0
    stored = (tmp_path / password.FILE_NAME).read_text(encoding="ascii")
    assert password.verify(RIGHT, stored)


@pytest.fixture
def served_on_the_network(tmp_path, monkeypatch):
    """The app as `streamlit run --server.address 0.0.0.0` would run it, on an empty database."""
    monkeypatch.setenv(store.db.DB_ENV_VAR, str(tmp_path / "shop.duckdb"))
    monkeypatch.delenv(password.ENV_VAR, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    shipped = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "0.0.0.0")
    yield tmp_path
    streamlit_config.set_option("server.address", shipped)
    st.cache_resource.clear()


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_on_the_network_without_a_password_nothing_is_shown(served_on_the_network):
    at = app().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Connexion"]
    assert "python -m store.password" in at.error[0].value
    assert not at.text_input
    with pytest.raises(ValueError, match=r"Known pages: \['Connexion'\]"):
        at.switch_page("views/import.py")  # no other page exists while locked


def test_on_the_network_the_right_password_opens_the_app(served_on_the_network, monkeypatch):
    monkeypatch.setenv(password.ENV_VAR, password.hash_password(RIGHT))
    at = app().run()
    assert [t.value for t in at.title] == ["Connexion"]
    at.text_input[0].input("pas le bon")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Mot de passe incorrect."]
    assert [t.value for t in at.title] == ["Connexion"]
    at.text_input[0].input(RIGHT)
    at.button[0].click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Vue d'ensemble"]
    at.switch_page("views/import.py").run()
    assert [t.value for t in at.title] == ["Import"]


def test_workbooks_are_measured_before_calamine_parses_them(con, monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("calamine was given a workbook that should have been refused")

    monkeypatch.setattr("ingest.read.CalamineWorkbook.from_filelike", must_not_parse)
    for name in ("xlsx_zip_bomb.xlsx", "xlsx_far_away_cell.xlsx"):
        data = next(case for case in CASES if case.name == name).build()
        with pytest.raises(FileRejected):
            import_file(con, data, name)


def calls(path):
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)]


# The one HTML the app sends: a static style sheet, no word or value in it (file uploader texts).
STATIC_STYLE = ("ui/streamlit_texts.py", "st.html(UPLOADER_CSS)")


def test_no_html_rendering_of_anything_in_the_app():
    found = []
    for path in APP_CODE:
        for call in calls(path):
            name = ast.unparse(call.func)
            if (str(path.relative_to(ROOT)), ast.unparse(call)) == STATIC_STYLE:
                continue
            if any(k.arg == "unsafe_allow_html" for k in call.keywords) or name.endswith(
                    ("st.html", "components.html", "components.v1.html")):
                found.append(f"{path.relative_to(ROOT)}:{call.lineno} {name}")
    assert found == []
    style = (ROOT / "ui" / "uploader.css").read_text(encoding="utf-8")
    assert style.count("content:") == style.count("content: attr(aria-label);") == 1


def test_sql_text_is_never_built_from_values():
    formatted = set()
    for path in PYTHON_CODE:
        for call in calls(path):
            if not (isinstance(call.func, ast.Attribute) and call.args
                    and call.func.attr in ("execute", "executemany", "sql", "query")):
                continue
            text = call.args[0]
            built = (
                (isinstance(text, ast.JoinedStr)
                 and any(isinstance(v, ast.FormattedValue) for v in text.values))
                or isinstance(text, ast.BinOp)
                or (isinstance(text, ast.Call) and isinstance(text.func, ast.Attribute)
                    and text.func.attr in ("format", "replace", "join"))
            )
            if built:
                formatted.add((str(path.relative_to(ROOT)), ast.unparse(text)))
    assert formatted <= REVIEWED_FORMATTED_SQL, formatted - REVIEWED_FORMATTED_SQL
