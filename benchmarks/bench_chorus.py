"""The Chorus Pro client: per-call overhead against ``chorus-api``, and bulk status queries.

Part A — per-call overhead. The same calls (``health-check``, ``consulterCRDetaille`` of a
deposited flux, ``rechercherStructure`` by SIRET, ``recupererDevises``) are made, interleaved in
shuffled order over several rounds, by:

* a raw ``httpx.Client`` (keep-alive, headers built once, ``json.loads`` of the answer): the floor,
  what the call costs with no client library at all;
* ``demat_sdk.ChorusPro`` (request models, PISTE auth, retry policy, privacy and doctrine checks,
  answers decoded into typed models);
* ``chorus-api`` 1.0.6 from PyPI (its ``ChorusAPI`` class; it calls ``requests.post`` for each
  call, so it opens a new connection every time), with ``requests.post`` alone as its own floor.

The client's overhead is its median time per call minus the floor's, on the same endpoint of the
same server: the emulator's own work and the network cancel out. Over HTTP, the server is
``demat emulator serve`` in its own process (as a GEF team runs it), so the server's threads do
not share this process's interpreter lock. In-process (the emulator's httpx transport), only the
floor and ``ChorusPro`` run: ``chorus-api`` cannot be given a transport.

Part B — 2,000 ``consulterHistoriqueFacture`` status queries for one invoice, with a server-side
latency of 20 ms (``DEMAT_BENCH_LATENCY_MS``) so that concurrency matters: the blocking client
one call after the other, ``AsyncChorusPro`` with 32 calls in flight, and one ``ChorusPro``
shared by 32 threads.

Needs the ``bench`` extra (``pip install -e '.[bench]'``: ``chorus-api`` and ``requests``).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

from benchmarks import results
from demat_sdk import AsyncChorusPro, ChorusPro, PisteCredentials, TechnicalAccount
from demat_sdk.testing import FakeChorusPro, Timings
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii

LATENCY_ENV = "DEMAT_BENCH_LATENCY_MS"
DEFAULT_LATENCY_MS = 20.0
IN_FLIGHT = 32
TARGET_BULK_RATIO = 8.0
TOKEN_PATH = "/api/oauth/token"  # noqa: S105 - a path, not a secret
HISTORY = "consulterHistoriqueFacture"

# Flux integrate and invoices are routed at once: the invoice exists right after its deposit.
INSTANT = Timings(flux_step=0, mise_a_disposition=0)


@dataclass(frozen=True)
class Face:
    """One way to reach the emulator, and what the benchmark deposited there."""

    name: str
    base_url: str
    transport: httpx.BaseTransport | None
    flux: str
    invoice: int


def run(quick: bool) -> None:
    rounds, calls = (3, 30) if quick else (11, 100)
    queries, bulk_rounds = (200, 2) if quick else (2000, 3)
    latency = float(os.environ.get(LATENCY_ENV, DEFAULT_LATENCY_MS)) / 1000
    rng = random.Random(5)
    reference = FakeChorusPro.seeded(timings=INSTANT)
    credentials = reference.credentials
    account = reference.world.account(reference.world.pharmadis)

    print(f"A. per-call time and overhead, median of {rounds} interleaved rounds of {calls} calls")
    local = _prepare("in-process", "https://emulateur", reference.transport(), credentials, account)
    _per_call(local, credentials, account, rounds, calls, rng, with_chorus_api=False)
    with _emulator_process() as url:
        served = _prepare("HTTP", url, None, credentials, account)
        _per_call(served, credentials, account, rounds, calls, rng, with_chorus_api=True)
        print(
            f"\nB. {queries:,} status queries ({HISTORY}), server latency "
            f"{latency * 1000:.0f} ms ({LATENCY_ENV}), {bulk_rounds} rounds"
        )
        _bulk(served, credentials, account, queries, bulk_rounds, latency)


# --- the emulator and what the benchmark deposits ---------------------------------------------


@contextmanager
def _emulator_process() -> Iterator[str]:
    """``demat emulator serve`` in a child process (frozen clock, instant flux); its URL."""
    code = "import sys; from demat_sdk.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, "emulator", "serve", "--port", "0"]
    command += ["--frozen-clock", "--step-seconds", "0"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    try:
        assert child.stdout is not None
        banner = child.stdout.readline()  # "Chorus Pro emulator listening on http://…"
        if "listening on" not in banner:
            raise RuntimeError(f"the emulator did not start: {banner!r}")
        yield banner.split()[-1]
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _sdk(face: Face, credentials: PisteCredentials, account: TechnicalAccount) -> ChorusPro:
    if face.transport is not None:  # the sandbox's URLs, answered by the emulator's transport
        return ChorusPro(credentials=credentials, account=account, transport=face.transport)
    return ChorusPro(
        credentials=credentials,
        account=account,
        base_url=face.base_url,
        token_url=face.base_url + TOKEN_PATH,
    )


def _prepare(
    name: str,
    base_url: str,
    transport: httpx.BaseTransport | None,
    credentials: PisteCredentials,
    account: TechnicalAccount,
) -> Face:
    """Deposit one invoice as PHARMADIS; the face knows its flux and invoice numbers."""
    face = Face(name, base_url, transport, "", 0)
    invoice = SampleInvoice(
        numero="BENCH-0001",
        fournisseur="41234567000019",  # PHARMADIS SAS of the seeded world
        destinataire="22740004100017",  # DEPARTEMENT DU HAUT-VALLON: no routing constraint
        lines=(Line("Compresses stériles", "40", "2.15", "20"),),
    )
    with _sdk(face, credentials, account) as client:
        flux = client.factures.deposer_flux(
            fichier=cii(invoice), nom_fichier="BENCH-0001.xml", syntaxe_flux="IN_DP_E1_CII_16B"
        ).numero_flux_depot
        [found] = client.factures.rechercher_fournisseur(numero_flux_depot=flux).items
    assert found.identifiant_facture_cpp is not None
    return Face(name, base_url, transport, flux, found.identifiant_facture_cpp)


# --- A. per-call overhead --------------------------------------------------------------------


def _per_call(
    face: Face,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    rounds: int,
    calls: int,
    rng: random.Random,
    *,
    with_chorus_api: bool,
) -> None:
    http = httpx.Client(base_url=face.base_url, transport=face.transport)
    token = http.post(
        TOKEN_PATH,
        data={
            "grant_type": "client_credentials",
            "client_id": credentials.client_id,
            "client_secret": credentials.client_secret.get_secret_value(),
            "scope": "openid",
        },
    ).json()["access_token"]
    login = f"{account.login}:{account.password.get_secret_value()}"
    headers = {
        "Authorization": f"Bearer {token}",
        "cpro-account": base64.b64encode(login.encode()).decode(),
        "Content-Type": "application/json;charset=utf-8",
        "Accept": "application/json;charset=utf-8",
    }
    client = _sdk(face, credentials, account)
    siret = "26130001600019"  # CHU DE VALMONT
    calls_by_operation: dict[str, dict[str, Callable[[], object]]] = {
        "health-check": {
            "floor": lambda: _raw(http, "GET", "/cpro/transverses/v1/health-check", None, headers),
            "demat_sdk": client.transverses.health_check,
        },
        "consulterCRDetaille": {
            "floor": lambda: _raw(
                http,
                "POST",
                "/cpro/transverses/v1/consulterCRDetaille",
                {"numeroFluxDepot": face.flux},
                headers,
            ),
            "demat_sdk": lambda: client.transverses.consulter_cr_detaille(
                numero_flux_depot=face.flux
            ),
        },
        "rechercherStructure": {
            "floor": lambda: _raw(
                http,
                "POST",
                "/cpro/structures/v1/rechercher",
                {"structure": {"identifiantStructure": siret, "typeIdentifiantStructure": "SIRET"}},
                headers,
            ),
            "demat_sdk": lambda: client.structures.rechercher(
                identifiant_structure=siret, type_identifiant_structure="SIRET"
            ),
        },
        "recupererDevises": {
            "floor": lambda: _raw(
                http,
                "POST",
                "/cpro/transverses/v1/recuperer/devises",
                {"codeLangue": "FR"},
                headers,
            ),
            "demat_sdk": client.transverses.recuperer_devises,
        },
    }
    if with_chorus_api:
        _add_chorus_api(calls_by_operation, face, credentials, account, headers, siret)
    columns = ["floor", "demat_sdk", *(["chorus-api", "requests.post"] if with_chorus_api else [])]
    print(f"\n{face.name}: µs per call (overhead = time - raw httpx floor)\n")
    heads = {
        "floor": "raw httpx (floor)",
        "demat_sdk": "demat_sdk",
        "chorus-api": "chorus-api 1.0.6",
        "requests.post": "requests.post alone",
    }
    print(
        "| operation | "
        + " | ".join(heads[c] for c in columns)
        + " | demat_sdk overhead"
        + (" | chorus-api overhead | ratio |" if with_chorus_api else " |")
    )
    print("|---" + "|---:" * (len(columns) + (3 if with_chorus_api else 1)) + "|")
    overheads: list[tuple[str, float, float]] = []
    try:
        for operation, contenders in calls_by_operation.items():
            medians = _interleaved(contenders, rounds, calls, rng)
            ours = medians["demat_sdk"] - medians["floor"]
            for name, value in medians.items():
                results.measure(f"{face.name} {operation}: {name}", value, "µs", calls=calls)
            row = [operation, *(f"{medians[c]:,.0f}" for c in columns), f"{ours:,.0f}"]
            if with_chorus_api:
                theirs = medians["chorus-api"] - medians["floor"]
                row += [f"{theirs:,.0f}", f"{ours / theirs:.2f}"]
                overheads.append((operation, ours, theirs))
            print("| " + " | ".join(row) + " |")
    finally:
        client.close()
        http.close()
    if overheads:
        print()
        for operation, ours, theirs in overheads:
            results.target(
                f"client overhead ≤ chorus-api's, over HTTP, {operation}", ours, "<=", theirs, " µs"
            )


def _raw(
    http: httpx.Client, method: str, path: str, body: object, headers: dict[str, str]
) -> object:
    content = None if body is None else json.dumps(body).encode()
    response = http.request(method, path, content=content, headers=headers)
    response.raise_for_status()
    return json.loads(response.content)


def _add_chorus_api(
    calls_by_operation: dict[str, dict[str, Callable[[], object]]],
    face: Face,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    headers: dict[str, str],
    siret: str,
) -> None:
    """``chorus-api`` pointed at the emulator, and ``requests.post`` alone as its transport."""
    import requests
    from chorusapi.client import ChorusAPI

    api = ChorusAPI(
        credentials.client_id,
        credentials.client_secret.get_secret_value(),
        account.login,
        account.password.get_secret_value(),
    )
    # chorus-api reads the PISTE hosts from its constants into these attributes: point this
    # instance at the emulator (the installed package is left untouched).
    api.auth_url = face.base_url + TOKEN_PATH
    api.api_url = face.base_url
    api.auth()

    # Called as chorus-api calls them: a new connection each time, no time-out.
    def post(path: str, body: object) -> Callable[[], object]:
        def call() -> object:
            content = json.dumps(body)
            answer = requests.post(face.base_url + path, data=content, headers=headers)  # noqa: S113
            answer.raise_for_status()
            return answer.json()

        return call

    def get(path: str) -> object:
        answer = requests.get(face.base_url + path, headers=headers)  # noqa: S113
        answer.raise_for_status()
        return answer.json()

    by_operation = calls_by_operation
    by_operation["health-check"]["chorus-api"] = api.health_check
    by_operation["health-check"]["requests.post"] = lambda: get("/cpro/transverses/v1/health-check")
    by_operation["consulterCRDetaille"]["chorus-api"] = lambda: api.consulter_cr_detaille(face.flux)
    by_operation["consulterCRDetaille"]["requests.post"] = post(
        "/cpro/transverses/v1/consulterCRDetaille", {"numeroFluxDepot": face.flux}
    )
    by_operation["rechercherStructure"]["chorus-api"] = lambda: api.rechercher_structure(siret)
    by_operation["rechercherStructure"]["requests.post"] = post(
        "/cpro/structures/v1/rechercher",
        {"structure": {"identifiantStructure": siret, "typeIdentifiantStructure": "SIRET"}},
    )
    by_operation["recupererDevises"]["chorus-api"] = lambda: api.devises("FR")
    by_operation["recupererDevises"]["requests.post"] = post(
        "/cpro/transverses/v1/recuperer/devises", {"codeLangue": "FR"}
    )


def _interleaved(
    contenders: dict[str, Callable[[], object]], rounds: int, calls: int, rng: random.Random
) -> dict[str, float]:
    """Median µs per call of each contender; round 0 warms up and is not counted."""
    names = list(contenders)
    per_call: dict[str, list[float]] = {name: [] for name in names}
    for number in range(rounds + 1):
        rng.shuffle(names)
        for name in names:
            function = contenders[name]
            started = time.perf_counter()
            for _ in range(calls):
                function()
            elapsed = time.perf_counter() - started
            if number:
                per_call[name].append(elapsed / calls * 1e6)
    return {name: statistics.median(per_call[name]) for name in contenders}


# --- B. bulk status queries ------------------------------------------------------------------


def _bulk(
    face: Face,
    credentials: PisteCredentials,
    account: TechnicalAccount,
    queries: int,
    rounds: int,
    latency: float,
) -> None:
    admin = httpx.Client(base_url=face.base_url)
    rule = {"kind": "latency", "operation": HISTORY, "delay": latency}
    admin.post("/_admin/faults", json={"clear": True, "rules": [rule]}).raise_for_status()
    settings: dict[str, Any] = {
        "credentials": credentials,
        "account": account,
        "base_url": face.base_url,
        "token_url": face.base_url + TOKEN_PATH,
    }
    expected = _status(ChorusPro(**settings), face.invoice)
    contenders: dict[str, Callable[[], list[str]]] = {
        "ChorusPro, one call after the other": lambda: _sequential(settings, face, queries),
        f"AsyncChorusPro, {IN_FLIGHT} in flight": lambda: asyncio.run(
            _concurrent(settings, face, queries)
        ),
        f"ChorusPro shared by {IN_FLIGHT} threads": lambda: _threads(settings, face, queries),
    }
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    sent = 1  # the query that read the expected status
    for _ in range(rounds):
        for name, function in contenders.items():
            started = time.perf_counter()
            statuses = function()
            seconds[name].append(time.perf_counter() - started)
            sent += queries
            if set(statuses) != {expected} or len(statuses) != queries:
                raise RuntimeError(f"{name}: unexpected answers {sorted(set(statuses))}")
    [seen] = admin.get("/_admin/faults").json()["rules"]
    admin.post("/_admin/faults", json={"clear": True}).raise_for_status()
    admin.close()
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    sync = medians["ChorusPro, one call after the other"]
    ideal = queries * latency / IN_FLIGHT
    print(f"\n| {queries:,} queries | median s | queries/s | speed-up vs sync |")
    print("|---|---:|---:|---:|")
    for name, value in medians.items():
        results.measure(f"bulk: {name}", value, "s", queries=queries, latency_s=latency)
        print(f"| {name} | {value:.2f} | {queries / value:,.0f} | {sync / value:.1f}× |")
    print(
        f"\nfloor with {IN_FLIGHT} in flight: {ideal:.2f} s ({queries:,} × {latency * 1000:.0f} ms "
        f"/ {IN_FLIGHT}); the server answered {seen['matched']:,} queries for {sent:,} asked "
        f"(a difference would be retries)"
    )
    ratio = sync / medians[f"AsyncChorusPro, {IN_FLIGHT} in flight"]
    results.measure("bulk: async speed-up", ratio, "×")
    results.target(f"async bulk ({IN_FLIGHT} in flight) speed-up vs sync", ratio, ">=", 8.0, "×")


def _status(client: ChorusPro, invoice: int) -> str:
    with client:
        return str(client.factures.consulter_historique(id_facture=invoice).statut_courant_code)


def _sequential(settings: dict[str, Any], face: Face, queries: int) -> list[str]:
    with ChorusPro(**settings) as client:
        history = client.factures.consulter_historique
        return [str(history(id_facture=face.invoice).statut_courant_code) for _ in range(queries)]


def _threads(settings: dict[str, Any], face: Face, queries: int) -> list[str]:
    with ChorusPro(**settings) as client, ThreadPoolExecutor(IN_FLIGHT) as pool:
        history = client.factures.consulter_historique

        def one(_: int) -> str:
            return str(history(id_facture=face.invoice).statut_courant_code)

        return list(pool.map(one, range(queries)))


async def _concurrent(settings: dict[str, Any], face: Face, queries: int) -> list[str]:
    statuses: list[str] = []
    remaining = iter(range(queries))
    async with AsyncChorusPro(**settings) as client:

        async def worker() -> None:
            for _ in remaining:
                answer = await client.factures.consulter_historique(id_facture=face.invoice)
                statuses.append(str(answer.statut_courant_code))

        async with anyio.create_task_group() as group:
            for _ in range(IN_FLIGHT):
                group.start_soon(worker)
    return statuses
