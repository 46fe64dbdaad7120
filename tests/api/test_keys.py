"""API keys: created by admins (API or `tengri keys`), shown once, stored only as salted
scrypt hashes, listed without secrets, revoked; every change audited."""

from __future__ import annotations

import json
import sqlite3

from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem
from typer.testing import CliRunner

from tengri.cli import app
from tengri.store.keys import hash_secret, secret_matches, split_token

runner = CliRunner()


def test_an_admin_creates_lists_and_revokes_keys_and_each_step_is_audited(
        client: TestClient, keys: Keys, db_path: str) -> None:
    admin = keys.header("admin")
    created = client.post(f"{API}/keys", json={"name": "dana", "role": "curator"},
                          headers=admin)
    assert created.status_code == 201
    issued = created.json()
    token = issued["token"]
    assert token.startswith(f"tengri_{issued['key']['prefix']}_")
    assert client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"}).json() == {
        "who": "dana", "role": "curator", "read_open": False}
    listed = client.get(f"{API}/keys", headers=admin).json()
    assert [(k["name"], k["role"], k["active"]) for k in listed][-1] == ("dana", "curator",
                                                                        True)
    assert "token" not in listed[-1] and token not in json.dumps(listed)
    client.request("DELETE", f"{API}/keys/{issued['key']['id']}", headers=admin)
    again = client.request("DELETE", f"{API}/keys/{issued['key']['id']}", headers=admin)
    assert is_problem(again, 400)
    audit = client.get(f"{API}/audit?target_kind=key", headers=admin).json()["items"]
    assert [(a["action"], a["who"]) for a in audit][:2] == [("key.revoke", "admin-user"),
                                                            ("key.create", "admin-user")]


def test_keys_are_stored_only_as_salted_hashes(client: TestClient, keys: Keys,
                                               db_path: str) -> None:
    token = client.post(f"{API}/keys", json={"name": "eve", "role": "reader"},
                        headers=keys.header("admin")).json()["token"]
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute("SELECT secret_hash FROM api_keys").fetchall()
        dump = "\n".join(connection.iterdump())
    secret = token.split("_", 2)[2]  # the secret itself may hold "_"
    assert secret and token not in dump and secret not in dump
    assert all(r[0].startswith("scrypt$16384$8$1$") for r in rows)
    assert hash_secret(token) != hash_secret(token)  # salted
    assert secret_matches(token, hash_secret(token))
    assert not secret_matches(token + "x", hash_secret(token))


def test_tengri_keys_create_list_and_revoke(db_path: str) -> None:
    created = runner.invoke(app, ["keys", "create", "frank", "--role", "admin", "--by", "ops",
                                  "--json", "--db", db_path])
    assert created.exit_code == 0, created.output
    issued = json.loads(created.stdout)
    assert (issued["name"], issued["role"]) == ("frank", "admin")
    listed = runner.invoke(app, ["keys", "list", "--db", db_path])
    assert "frank" in listed.stdout and issued["token"] not in listed.stdout
    revoked = runner.invoke(app, ["keys", "revoke", issued["prefix"], "--reason", "left",
                                  "--db", db_path])
    assert revoked.exit_code == 0 and f"key {issued['id']} (frank, admin) revoked" in \
        revoked.stdout
    bad = runner.invoke(app, ["keys", "create", "gina", "--role", "emperor", "--db", db_path])
    assert bad.exit_code == 2
    assert "role 'emperor'; choose one of reader, curator, admin" in bad.stderr


def test_a_secret_that_holds_underscores_still_names_its_prefix() -> None:
    # token_urlsafe draws "_" and "-" too; a secret may even start with "_"
    assert split_token("tengri_k1a2b3c4d5_" + "_x-y_z") == "k1a2b3c4d5"
    assert split_token("tengri_k1a2b3c4d5__") == "k1a2b3c4d5"
    assert split_token("tengri_k1a2b3c4d5_") is None
    assert split_token("tengri__secret") is None
    assert split_token("other_k1a2b3c4d5_secret") is None
