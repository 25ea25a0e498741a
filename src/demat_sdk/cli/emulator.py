"""``demat emulator serve``: the Chorus Pro emulator over HTTP, for any language.

The server is the same backend as ``FakeChorusPro`` in Python, seeded with its small world
unless ``--empty``; its admin API (``/_admin/...``) is described in ``docs/emulateur.md``.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
from typing import Any

from demat_sdk.cli import arguments
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.cli.output import error
from demat_sdk.testing import SEEDED_PASSWORD, FakeChorusPro, FakeClock, Timings

__all__ = ["connection", "register", "serve"]


def register(commands: Any) -> None:
    """Add the ``emulator`` sub-command and its actions."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "emulator",
        help="run the Chorus Pro emulator",
        description="The Chorus Pro emulator (PISTE token endpoint, API, admin API).",
        epilog=EPILOG,
    )
    actions = parser.add_subparsers(dest="emulator_action", metavar="ACTION", required=True)
    serve_parser = actions.add_parser(
        "serve",
        help="serve the emulator over HTTP",
        description="Serve the Chorus Pro emulator over HTTP until Ctrl-C (then exit 0); exit 2 "
        "for bad usage, 1 when the port cannot be opened.",
        epilog=EPILOG,
    )
    serve_parser.add_argument(
        "--port", type=arguments.port, required=True, help="port (0: any free port)"
    )
    serve_parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve_parser.add_argument(
        "--seed", type=int, default=0, help="seed of the fault injector (default: 0)"
    )
    serve_parser.add_argument("--empty", action="store_true", help="start without the seeded world")
    serve_parser.add_argument(
        "--frozen-clock",
        action="store_true",
        help="time moves only through POST /_admin/advance (default: it follows real time)",
    )
    serve_parser.add_argument(
        "--step-seconds",
        type=float,
        default=60.0,
        help="seconds between flux processing steps, and before routing (default: 60)",
    )
    serve_parser.add_argument(
        "--json",
        action="store_true",
        help="print where it listens and how to connect as one JSON line (url, token_url, "
        "client_id, client_secret, accounts, environment), then serve",
    )
    serve_parser.set_defaults(run=serve)


def serve(args: argparse.Namespace) -> int:
    """Serve until interrupted; prints where and with which credentials."""
    if args.step_seconds < 0:
        error("--step-seconds must be 0 or more")
        return ExitCode.USAGE
    timings = Timings(flux_step=args.step_seconds, mise_a_disposition=args.step_seconds)
    clock = FakeClock(follow_real_time=not args.frozen_clock)
    fake = FakeChorusPro(clock=clock, seed=args.seed, timings=timings)
    if not args.empty:
        fake.reset(seeded=True)
    try:
        server = fake.serve(host=args.host, port=args.port)
    except OSError as refused:
        error(f"cannot listen on {args.host}:{args.port}: {refused.strerror or refused}")
        return ExitCode.ERROR
    _banner(fake, server.url, args)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nemulator stopped")  # noqa: T201
    return ExitCode.OK


def connection(fake: FakeChorusPro, url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Where the served emulator listens and how to connect: what the banner shows.

    The emulator's credentials are public test values, printed on purpose.
    """
    accounts = []
    if not args.empty:
        for account in fake.state.gate.accounts.values():
            if account.rights:
                structure = fake.state.directory.structure(next(iter(account.rights)))
                accounts.append(
                    {
                        "login": account.login,
                        "password": SEEDED_PASSWORD,
                        "designation": structure.designation,
                    }
                )
    login, password = (
        (next(iter(fake.world.accounts.values())).login, SEEDED_PASSWORD)
        if not args.empty
        else (fake.account.login, fake.account.password.get_secret_value())
    )
    secret = fake.credentials.client_secret.get_secret_value()
    return {
        "url": url,
        "token_url": f"{url}/api/oauth/token",
        "admin_url": f"{url}/_admin/state",
        "client_id": fake.credentials.client_id,
        "client_secret": secret,
        "clock": "frozen" if args.frozen_clock else "real time",
        "now": fake.clock.now().isoformat(),
        "accounts": accounts,
        "environment": {
            "DEMAT_API_BASE_URL": url,
            "DEMAT_TOKEN_URL": f"{url}/api/oauth/token",
            "DEMAT_PISTE_CLIENT_ID": fake.credentials.client_id,
            "DEMAT_PISTE_CLIENT_SECRET": secret,
            "DEMAT_CPRO_LOGIN": login,
            "DEMAT_CPRO_PASSWORD": password,
        },
        "beyond_this_machine": not _is_loopback(args.host),
    }


def _banner(fake: FakeChorusPro, url: str, args: argparse.Namespace) -> None:
    details = connection(fake, url, args)
    if args.json:
        print(json.dumps(details, ensure_ascii=False), flush=True)  # noqa: T201
        return
    environment = details["environment"]
    lines = [
        f"Chorus Pro emulator listening on {url}",
        f"  token URL      {details['token_url']}",
        f"  API base URL   {url}  (paths /cpro/...)",
        f"  admin API      {details['admin_url']}",
        f"  client_id      {details['client_id']}",
        f"  client_secret  {details['client_secret']}",
        f"  clock          {details['clock']}, now {fake.clock.now():%Y-%m-%d %H:%M}",
    ]
    if details["accounts"]:
        lines.append(f"  technical accounts (password {SEEDED_PASSWORD}):")
        lines += [
            f"    {account['login']}  {account['designation']}" for account in details["accounts"]
        ]
    lines += [
        "  for 'demat chorus' and ChorusPro() (POSIX shell):",
        f"    export DEMAT_API_BASE_URL={environment['DEMAT_API_BASE_URL']}",
        f"    export DEMAT_TOKEN_URL={environment['DEMAT_TOKEN_URL']}",
        f"    export DEMAT_PISTE_CLIENT_ID={environment['DEMAT_PISTE_CLIENT_ID']}",
        f"    export DEMAT_PISTE_CLIENT_SECRET={environment['DEMAT_PISTE_CLIENT_SECRET']}",
        f"    export DEMAT_CPRO_LOGIN={environment['DEMAT_CPRO_LOGIN']} "
        f"DEMAT_CPRO_PASSWORD={environment['DEMAT_CPRO_PASSWORD']}",
    ]
    if details["beyond_this_machine"]:
        lines.append("  WARNING: listening beyond this machine; the emulator has no security")
    print("\n".join(lines), flush=True)  # noqa: T201


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
