"""`tengri serve`: the REST API (and the dashboard pages it hosts) over a store; `tengri keys`:
create, list and revoke the API keys it accepts."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from tengri.cli.app import app, err, handles_errors, out
from tengri.cli.ingest import DB_HELP
from tengri.errors import UsageError
from tengri.settings import Settings
from tengri.store import open_store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key, list_keys, revoke_key

keys_app = typer.Typer(help="API keys for `tengri serve`: create, list, revoke.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")

Db = Annotated[str | None, typer.Option("--db", help=DB_HELP)]


def _operator(by: str | None) -> Analyst:
    """Who runs a key command at the terminal (kept in the audit log)."""
    try:
        who = by or getpass.getuser()
    except (KeyError, OSError):
        who = "cli"
    return Analyst(f"cli:{who}", "admin")


@app.command("serve")
@handles_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    db: Db = None,
    read_open: Annotated[bool, typer.Option(
        "--read-open", help="Let anyone read without a key (also TENGRI_API_READ_OPEN=1); "
        "writing always needs a curator or admin key.")] = False,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="An origin other web pages may call the API from (repeatable; "
        "none by default).")] = None,
    rate_limit: Annotated[int | None, typer.Option(
        "--rate-limit", min=1, help="Requests per minute per API key (default 600).")] = None,
) -> None:
    """Serve the REST API (docs at /docs, schema at /openapi.json) until interrupted."""
    import uvicorn

    from tengri.api import ServerSettings, create_app

    settings = Settings.from_env(db_url=db)
    server = ServerSettings.from_env(read_open=True if read_open else None,
                                     cors_origins=tuple(cors_origin) if cors_origin else None,
                                     rate_limit=rate_limit)
    application = create_app(settings, server)
    err.print(f"tengri: serving http://{host}:{port}/ (API docs at /docs); reading "
              f"{'open to all' if server.read_open else 'needs a key'}", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)


@keys_app.command("create")
@handles_errors
def create(
    name: Annotated[str, typer.Argument(help="Who will use the key (kept in the audit log).")],
    role: Annotated[str, typer.Option("--role", help="reader, curator or admin.")] = "reader",
    by: Annotated[str | None, typer.Option("--by", help="Who creates it (default: you).")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print key and token as JSON.")]
    = False,
    db: Db = None,
) -> None:
    """Create a key; its token is printed this once and stored only as a hash."""
    chosen = Role.parse(role)
    store = open_store(db, Settings.from_env(db_url=db))
    try:
        issued = create_key(store, name, chosen, _operator(by))
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps({"id": issued.key.id, "prefix": issued.key.prefix,
                                     "name": issued.key.name, "role": issued.key.role.value,
                                     "token": issued.token}) + "\n")
        return
    out.print(f"key {issued.key.id} for {issued.key.name} ({issued.key.role.value}):",
              markup=False)
    out.print(issued.token, markup=False, highlight=False, soft_wrap=True)
    err.print("tengri: copy the key now; it is not shown again", markup=False)


@keys_app.command("list")
@handles_errors
def list_command(
    active: Annotated[bool, typer.Option("--active", help="Only keys not revoked.")] = False,
    db: Db = None,
) -> None:
    """Every key: id, prefix, who, role, when created, revoked and last used."""
    store = open_store(db, Settings.from_env(db_url=db), create=False)
    try:
        rows = list_keys(store, include_revoked=not active)
    finally:
        store.close()
    table = Table(caption=f"{len(rows)} keys")
    for column in ("id", "prefix", "name", "role", "created", "by", "revoked", "last used"):
        table.add_column(column, overflow="fold")
    for k in rows:
        table.add_row(str(k.id), k.prefix, k.name, k.role.value,
                      k.created_at.isoformat(timespec="seconds"), k.created_by,
                      k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else "",
                      k.last_used_at.isoformat(timespec="seconds") if k.last_used_at else "")
    out.print(table)


@keys_app.command("revoke")
@handles_errors
def revoke(
    key: Annotated[str, typer.Argument(help="The key's id or prefix (`tengri keys list`).")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why (audit log).")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who revokes it (default: you).")]
    = None,
    db: Db = None,
) -> None:
    """Revoke a key: the API refuses it from the next request on."""
    if not key.strip():
        raise UsageError("give the key's id or prefix")
    store = open_store(db, Settings.from_env(db_url=db), create=False)
    try:
        revoked = revoke_key(store, int(key) if key.isdigit() else key, _operator(by), reason)
    finally:
        store.close()
    out.print(f"key {revoked.id} ({revoked.name}, {revoked.role.value}) revoked", markup=False)
