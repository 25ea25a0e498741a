"""The SDK's reliability rules against the emulator's faults, on both faces and both clients.

Tokens expire and are revoked on the emulator's clock; safe operations are retried through
5xx, 429 (after ``Retry-After``), resets and slow answers; a deposit is never sent twice, and
when its outcome is unknown (time-out after the server committed) the supplier finds it again.
"""

from __future__ import annotations

import pytest

from demat_sdk import (
    AuthenticationError,
    PermissionDeniedError,
    RequestTimeoutError,
    RetryPolicy,
    ServerError,
    TechnicalAccount,
    TransportError,
)
from demat_sdk.chorus.enums import SyntaxeFlux
from demat_sdk.testing.chorus.samples import cii

from chorus_sdk_support import DAY, ChorusSession, covers, invoice

pytestmark = pytest.mark.anyio


class Sleeps(list[float]):
    """The retry loop's waits, recorded instead of slept."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@covers("transverses.recuperer_devises", "utilisateurs.rattachements", "structures.rechercher")
async def test_tokens_are_renewed_and_gateway_refusals_are_typed(chorus: ChorusSession) -> None:
    fake = chorus.fake
    chu = chorus.client(fake.world.chu_valmont)
    assert await chu.transverses.recuperer_devises()
    fake.advance(DAY)  # the token has expired on the emulator's clock
    assert await chu.transverses.recuperer_devises()
    fake.faults.add("token_revoked", operation="recupererDevises", times=1)
    assert await chu.transverses.recuperer_devises()
    assert fake.state.token_requests == 3

    intrus = chorus.client(
        account=TechnicalAccount(
            login=fake.world.account(fake.world.chu_valmont).login, password="x"
        )  # type: ignore[arg-type]
    )
    with pytest.raises(AuthenticationError) as refused:
        await intrus.utilisateurs.rattachements()
    assert refused.value.status_code == 401
    assert refused.value.reason == "login or password incorrects"
    fake.unsubscribe("structures")
    with pytest.raises(PermissionDeniedError) as denied:
        await chu.structures.rechercher()
    assert denied.value.status_code == 403


@covers("transverses.recuperer_devises")
async def test_a_safe_call_is_retried_through_server_errors_and_rate_limits(
    chorus: ChorusSession,
) -> None:
    fake = chorus.fake
    sleeps = Sleeps()
    client = chorus.client(
        fake.world.chu_valmont,
        retry_policy=RetryPolicy(sleep=sleeps, jitter=lambda: 0.0),
        max_retries=3,
    )
    fake.faults.add("server_error", operation="recupererDevises", status=503, times=1)
    fake.faults.add("rate_limited", operation="recupererDevises", retry_after=7, times=1)
    fake.faults.add("connection_reset", operation="recupererDevises", times=1)
    devises = await client.transverses.recuperer_devises()
    assert "EUR" in {devise.code_devise for devise in devises}
    assert 7.0 in sleeps  # Retry-After was honoured
    assert len(sleeps) == 3
    assert fake.faults.met() == {"server_error": 1, "rate_limited": 1, "connection_reset": 1}


@covers("factures.deposer_flux", "factures.rechercher_fournisseur")
async def test_a_deposit_is_never_sent_twice_and_an_unknown_outcome_is_reconciled(
    chorus: ChorusSession,
) -> None:
    fake = chorus.fake
    world = fake.world
    sleeps = Sleeps()
    pharmadis = chorus.client(
        world.pharmadis, retry_policy=RetryPolicy(sleep=sleeps, jitter=lambda: 0.0)
    )

    def flux(numero: str) -> dict[str, object]:
        return {
            "fichier": cii(invoice(world.pharmadis, world.departement, numero)),
            "nom_fichier": f"{numero}.xml",
            "syntaxe_flux": SyntaxeFlux.IN_DP_E1_CII_16B,
        }

    fake.faults.add("server_error", operation="deposerFluxFacture", status=503, times=1)
    with pytest.raises(ServerError) as unavailable:
        await pharmadis.factures.deposer_flux(**flux("RES-0001"))
    assert unavailable.value.status_code == 503
    fake.faults.add("connection_reset", operation="deposerFluxFacture", times=1)
    with pytest.raises(TransportError) as reset:
        await pharmadis.factures.deposer_flux(**flux("RES-0001"))
    assert reset.value.request_sent  # the client cannot know: it must not resend blindly
    assert fake.state.flux.records == {}
    assert sleeps == []  # an unsafe operation is not retried once the request may have left

    fake.faults.add("timeout_after_commit", operation="deposerFluxFacture", delay=1, times=1)
    with pytest.raises(RequestTimeoutError) as lost:
        await pharmadis.factures.deposer_flux(**flux("RES-0002"), timeout=0.3)
    assert lost.value.request_sent
    assert len(fake.state.flux.records) == 1  # the emulator did record it
    # The invoice is looked for before anything is sent again.
    fake.run_until_idle()
    found = await pharmadis.factures.rechercher_fournisseur(numero_facture="RES-0002")
    [facture] = found.items
    assert facture.numero_flux_depot in fake.state.flux.records
