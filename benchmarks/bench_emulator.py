"""The Chorus Pro emulator's two faces side by side: in-process transport and HTTP server.

Each round runs the same mixed workload on both faces (a supplier search, a recipient search, a
full invoice read, a flux deposit with its report), interleaved, and prints the median time per
call of each face and their ratio. What it tells a team: how much the real sockets cost, and
whether the emulator keeps a test suite fast.
"""

from __future__ import annotations

import base64
import statistics
import time
from collections.abc import Callable

import httpx

from benchmarks import results
from demat_sdk.testing import FakeChorusPro, Timings
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii


def _workload(fake: FakeChorusPro, http: httpx.Client) -> Callable[[int], None]:
    world = fake.world
    token = http.post(
        "/api/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": fake.credentials.client_id,
            "client_secret": fake.credentials.client_secret.get_secret_value(),
        },
    ).json()["access_token"]

    def headers(structure: object) -> dict[str, str]:
        account = world.account(structure)  # type: ignore[arg-type]
        raw = f"{account.login}:{account.password.get_secret_value()}".encode()
        return {
            "Authorization": f"Bearer {token}",
            "cpro-account": base64.b64encode(raw).decode(),
            "Content-Type": "application/json;charset=utf-8",
        }

    supplier, recipient = headers(world.pharmadis), headers(world.departement)

    def one(index: int) -> None:
        invoice = SampleInvoice(
            numero=f"B-{index}",
            fournisseur=world.pharmadis.identifiant,
            destinataire=world.departement.identifiant,
            lines=(Line("Article", "3", "12.50", "20"),),
        )
        flux = http.post(
            "/cpro/factures/v1/deposer/flux",
            json={
                "fichierFlux": base64.b64encode(cii(invoice)).decode(),
                "nomFichier": f"B-{index}.xml",
                "syntaxeFlux": "IN_DP_E1_CII_16B",
            },
            headers=supplier,
        ).json()["numeroFluxDepot"]
        http.post(
            "/cpro/transverses/v1/consulterCRDetaille",
            json={"numeroFluxDepot": flux},
            headers=supplier,
        )
        found = http.post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json={"numeroFluxDepot": flux},
            headers=supplier,
        ).json()["listeFactures"]
        http.post("/cpro/factures/v1/rechercher/recipiendaire", json={}, headers=recipient)
        http.post(
            "/cpro/factures/v1/consulter/recipiendaire",
            json={"identifiantFactureCPP": found[0]["identifiantFactureCPP"]},
            headers=recipient,
        )

    return one


CALLS_PER_ROUND = 5


def run(quick: bool) -> None:
    """Median time per call, in-process and over HTTP, and the ratio."""
    rounds = 5 if quick else 15
    per_round = 10 if quick else 40
    # Flux integrate and invoices are routed at once, so the clock (and the token) never moves.
    instant = Timings(flux_step=0, mise_a_disposition=0)
    in_process = FakeChorusPro.seeded(timings=instant)
    served = FakeChorusPro.seeded(timings=instant)
    times: dict[str, list[float]] = {"in-process": [], "http": []}
    with (
        httpx.Client(transport=in_process.transport(), base_url="http://emulateur") as local,
        served.serve() as url,
        httpx.Client(base_url=url) as remote,
    ):
        faces = {
            "in-process": _workload(in_process, local),
            "http": _workload(served, remote),
        }
        counter = 0
        for _ in range(rounds):
            for name, work in faces.items():
                started = time.perf_counter()
                for _ in range(per_round):
                    counter += 1
                    work(counter)
                elapsed = time.perf_counter() - started
                times[name].append(elapsed / (per_round * CALLS_PER_ROUND))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    for name, median in medians.items():
        results.measure(f"{name}: time per API call", median, "ms", rounds=rounds)
        print(f"{name:>11}: {median:6.2f} ms per API call (median of {rounds} rounds)")
    print(
        f"      ratio: HTTP is {medians['http'] / medians['in-process']:.1f}x the in-process time"
    )
