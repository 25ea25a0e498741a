"""factures.wait_for_integration: follow a deposited flux to its end, without sleeping."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from demat_sdk import AsyncChorusPro, ChorusPro, IntegrationTimeoutError, InvalidRequestError
from demat_sdk.chorus.enums import EtatFlux

from conftest import Clock, json_response, token_response

FLUX = "CPP0011110000000000001557"


class Chorus:
    """Reports flux states in turn, then lists the invoices the flux created, two per page."""

    def __init__(self, states: list[str], *, invoices: int = 3, errors: Any = None) -> None:
        self.states = states
        self.invoices = invoices
        self.errors = errors if errors is not None else []
        self.paths: list[str] = []
        self.bodies: list[Any] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            return token_response()
        body = json.loads(request.content)
        self.paths.append(request.url.path.rsplit("/v1/", 1)[1])
        self.bodies.append(body)
        if request.url.path.endswith("/consulterCRDetaille"):
            state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
            return json_response(
                {
                    "codeRetour": 0,
                    "etatCourantDepotFlux": state,
                    "dateDepotFlux": "2018-02-16T15:10:25.536+01:00",
                    "nomFichier": f"FSO1110A_CPP001_{FLUX}",
                    "listeErreurDP": self.errors,
                }
            )
        page = body["rechercheFactureParFournisseur"]["pageResultatDemandee"]
        numbers = range(2 * page - 1, min(2 * page, self.invoices) + 1)
        return json_response(
            {
                "codeRetour": 0,
                "listeFactures": [
                    {"identifiantFactureCPP": n, "numeroFacture": f"F-{n}", "statut": "DEPOSEE"}
                    for n in numbers
                ],
                "parametresRetour": {"pageCourante": page, "pages": -(-self.invoices // 2)},
            }
        )


class Sleeper:
    """A sleep that moves the clock instead of waiting."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.now += seconds


def make_client(chorus: Chorus, credentials: Any, account: Any, clock: Clock) -> ChorusPro:
    return ChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(chorus),
        clock=clock,
    )


def test_a_partly_integrated_flux_reports_its_errors_and_its_invoices(
    credentials: Any, account: Any, clock: Clock
) -> None:
    erreur = {
        "identifiantFournisseur": "12345678200010",
        "identifiantDestinataire": "26750045200011",
        "numeroDP": "F-9",
        "libelleErreurDP": "Le destinataire est inconnu",
    }
    chorus = Chorus(["IN_RECU", "IN_EN_COURS_TRAITEMENT_CPP", "IN_INTEGRE_PARTIEL"], errors=erreur)
    sleep = Sleeper(clock)
    with make_client(chorus, credentials, account, clock) as client:
        report = client.factures.wait_for_integration(
            numero_flux_depot=FLUX, timeout=60, interval=10, sleep=sleep
        )
    assert report.etat is EtatFlux.IN_INTEGRE_PARTIEL
    assert not report.integre
    assert [e.numero_dp for e in report.erreurs_dp] == ["F-9"]
    assert report.erreurs_dp[0].libelle_erreur_dp == "Le destinataire est inconnu"
    assert [f.numero_facture for f in report.factures] == ["F-1", "F-2", "F-3"]
    assert sleep.waits == [10, 10]
    assert chorus.paths == [
        "consulterCRDetaille",
        "consulterCRDetaille",
        "consulterCRDetaille",
        "rechercher/fournisseur",
        "rechercher/fournisseur",
    ]
    assert chorus.bodies[0] == {"numeroFluxDepot": FLUX}
    assert chorus.bodies[3]["numeroFluxDepot"] == FLUX


@pytest.mark.parametrize("state", ["IN_REJETE", "IN_INCIDENTE"])
def test_a_rejected_flux_created_no_invoice(
    credentials: Any, account: Any, clock: Clock, state: str
) -> None:
    chorus = Chorus([state])
    with make_client(chorus, credentials, account, clock) as client:
        report = client.factures.wait_for_integration(
            numero_flux_depot=FLUX, sleep=Sleeper(clock), syntaxe_flux="IN_DP_E1_CII_16B"
        )
    assert report.etat == state
    assert report.factures == []
    assert chorus.paths == ["consulterCRDetaille"]
    assert chorus.bodies == [{"numeroFluxDepot": FLUX, "syntaxeFlux": "IN_DP_E1_CII_16B"}]


def test_the_wait_ends_with_a_typed_error_at_the_deadline(
    credentials: Any, account: Any, clock: Clock
) -> None:
    chorus = Chorus(["IN_EN_ATTENTE_RETRAITEMENT_CPP"])
    sleep = Sleeper(clock)
    with (
        make_client(chorus, credentials, account, clock) as client,
        pytest.raises(IntegrationTimeoutError) as timed_out,
    ):
        client.factures.wait_for_integration(
            numero_flux_depot=FLUX, timeout=25, interval=10, sleep=sleep
        )
    assert sleep.waits == [10, 10, 5]  # the last sleep stops at the deadline
    assert timed_out.value.numero_flux_depot == FLUX
    assert timed_out.value.etat == "IN_EN_ATTENTE_RETRAITEMENT_CPP"
    assert timed_out.value.waited == 25
    assert isinstance(timed_out.value, TimeoutError)
    assert "IN_EN_ATTENTE_RETRAITEMENT_CPP" in str(timed_out.value)
    assert chorus.paths == ["consulterCRDetaille"] * 4


def test_an_explicit_clock_wins_over_the_client_s(
    credentials: Any, account: Any, clock: Clock
) -> None:
    other = Clock()
    chorus = Chorus(["IN_RECU"])
    with (
        make_client(chorus, credentials, account, clock) as client,
        pytest.raises(IntegrationTimeoutError),
    ):
        client.factures.wait_for_integration(
            numero_flux_depot=FLUX, timeout=30, interval=10, sleep=Sleeper(other), clock=other
        )
    assert other.now == 1030
    assert clock.now == 1000


@pytest.mark.parametrize(
    "arguments",
    [{"timeout": 0}, {"interval": -1}, {"numero_flux_depot": ""}],
)
def test_wrong_waiting_arguments_are_refused(
    credentials: Any, account: Any, clock: Clock, arguments: dict[str, Any]
) -> None:
    chorus = Chorus(["IN_RECU"])
    with (
        make_client(chorus, credentials, account, clock) as client,
        pytest.raises(InvalidRequestError),
    ):
        client.factures.wait_for_integration(**{"numero_flux_depot": FLUX, **arguments})
    assert chorus.paths == []


@pytest.mark.anyio
@pytest.mark.parametrize("awaitable_sleep", [True, False])
async def test_the_asyncio_client_waits_the_same_way(
    credentials: Any, account: Any, clock: Clock, awaitable_sleep: bool
) -> None:
    chorus = Chorus(["IN_TRAITE_SE_CPP", "IN_INTEGRE"], invoices=2)
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.now += seconds

    sleep: Callable[[float], Any] = async_sleep if awaitable_sleep else Sleeper(clock)
    async with AsyncChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(chorus), clock=clock
    ) as client:
        report = await client.factures.wait_for_integration(
            numero_flux_depot=FLUX, interval=5, sleep=sleep
        )
    assert report.integre
    assert [f.identifiant_facture_cpp for f in report.factures] == [1, 2]
    assert clock.now == 1005
    assert chorus.paths == ["consulterCRDetaille", "consulterCRDetaille", "rechercher/fournisseur"]
    if awaitable_sleep:
        assert waits == [5]


@pytest.mark.anyio
async def test_the_asyncio_wait_times_out_too(credentials: Any, account: Any, clock: Clock) -> None:
    async with AsyncChorusPro(
        credentials=credentials,
        account=account,
        transport=httpx.MockTransport(Chorus(["IN_RECU"])),
        clock=clock,
    ) as client:
        with pytest.raises(IntegrationTimeoutError, match="IN_RECU"):
            await client.factures.wait_for_integration(
                numero_flux_depot=FLUX, timeout=1, interval=1, sleep=Sleeper(clock)
            )
