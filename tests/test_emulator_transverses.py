"""The Chorus Pro emulator's PISTE gate and reference lists, seen through the SDK."""

from __future__ import annotations

from decimal import Decimal

import pytest

from demat_sdk import AuthenticationError, ChorusPro, PermissionDeniedError, TechnicalAccount
from demat_sdk.chorus.enums import CodeLangue, TypeDemandePaiement
from demat_sdk.testing import FakeChorusPro


@pytest.fixture
def fake() -> FakeChorusPro:
    return FakeChorusPro()


def test_reference_lists_are_typed(fake: FakeChorusPro) -> None:
    with fake.client() as client:
        assert client.transverses.health_check().ok
        assert "EUR" in {d.code_devise for d in client.transverses.recuperer_devises()}
        pays = {p.code_pays: p.libelle_pays for p in client.transverses.recuperer_pays()}
        assert pays["DE"] == "Allemagne"
        english = client.transverses.recuperer_pays(code_langue=CodeLangue.EN)
        assert {p.code_pays: p.libelle_pays for p in english}["DE"] == "Germany"
        taux = {t.code_taux_tva: t.valeur_taux_tva for t in client.transverses.recuperer_taux_tva()}
        assert taux["TVA3"] == Decimal("5.5")
        assert isinstance(taux["TVA1"], Decimal)
        modes = [m.mode_paiement for m in client.transverses.recuperer_mode_reglements()]
        assert "VIREMENT" in modes
        assert "SAISIE_API" in [m.mode_depot for m in client.transverses.recuperer_mode_depot()]
        formats = [f.format_flux for f in client.transverses.recuperer_format_flux()]
        assert formats == ["IN_DP_E1_STRUCT", "IN_DP_E2_MIXTE", "IN_DP_E2_FACTURX"]
        cadres = client.transverses.recuperer_cadre_facturation(
            type_demande_paiement=TypeDemandePaiement.MEMOIRE_JUSTICE
        )
        assert [c.code_cadre_facturation for c in cadres] == ["A3_MEMOIRE_JUSTICE"]
        types = client.transverses.recuperer_type_demande_paiement()
        assert len(types) == 4
        assert client.transverses.recuperer_motifs_exoneration_tva()


def test_tokens_expire_on_the_emulator_clock(fake: FakeChorusPro) -> None:
    with fake.client() as client:
        client.transverses.recuperer_devises()
        fake.clock.advance(3600 - 241)
        client.transverses.recuperer_devises()
        assert fake.state.token_requests == 1
        fake.clock.advance(2)
        client.transverses.recuperer_devises()
        assert fake.state.token_requests == 2


def test_revoked_token_is_renewed_transparently(fake: FakeChorusPro) -> None:
    with fake.client() as client:
        client.transverses.recuperer_devises()
        assert fake.revoke_tokens() == 1
        client.transverses.recuperer_devises()
        assert fake.state.token_requests == 2


def test_bad_technical_account_gets_the_piste_reason(fake: FakeChorusPro) -> None:
    wrong = TechnicalAccount(login=fake.account.login, password="not-the-password")  # type: ignore[arg-type]
    with (
        ChorusPro(
            credentials=fake.credentials, account=wrong, transport=fake.transport()
        ) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.transverses.recuperer_devises()
    assert caught.value.reason == "login or password incorrects"


def test_unsubscribed_api_is_a_403(fake: FakeChorusPro) -> None:
    fake.unsubscribe("transverses")
    with fake.client() as client, pytest.raises(PermissionDeniedError):
        client.transverses.recuperer_devises()


@pytest.mark.anyio
async def test_async_client_on_the_emulator(fake: FakeChorusPro) -> None:
    async with fake.async_client() as client:
        assert (await client.transverses.health_check()).ok
        devises = await client.transverses.recuperer_devises()
        assert "EUR" in {d.code_devise for d in devises}
