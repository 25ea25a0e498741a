"""The follow-up on the emulator: what the hospital sent, read back through its own account."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from demat_sdk import ChorusPro
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.errors import InvalidRequestError
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import SampleInvoice, cii
from demat_sdk.tracking import ChorusStatusSource, SentKind, StallReason, Tracker, sollicitation

from practices_support import asap_document, asap_pj, asap_titre, recette_flux

DAY = 86_400
DEPARTEMENT = "22740004100017"


@pytest.fixture
def fake() -> FakeChorusPro:
    return FakeChorusPro.seeded()


@pytest.fixture
def hospital(fake: FakeChorusPro) -> Iterator[ChorusPro]:
    """The CHU de Valmont's account: it issues invoices and ASAP."""
    with fake.client(account=fake.world.account(fake.world.chu_valmont)) as client:
        yield client


@pytest.fixture
def tracker(fake: FakeChorusPro) -> Tracker:
    return Tracker(clock=fake.clock.now)


def invoice(numero: str, *, code_service: str = "AUTONOMIE") -> dict[str, object]:
    return {
        "numero_facture_saisi": numero,
        "date_facture": date(2026, 1, 5),
        "destinataire": m.SoumettreFactureDestinataire(
            code_destinataire=DEPARTEMENT, code_service_executant=code_service
        ),
        "fournisseur": m.SoumettreFactureFournisseur(id_fournisseur=26_300_001),
        "references": m.SoumettreFactureReferences(
            devise_facture="EUR", type_facture="FACTURE", type_tva="TVA_SUR_DEBIT"
        ),
        "montant_total": m.SoumettreFactureMontantTotal(
            montant_ht_total=Decimal("1000"),
            montant_tva=Decimal("0"),
            montant_ttc_total=Decimal("1000"),
            montant_a_payer=Decimal("1000"),
        ),
        "lignes_poste": [
            m.LignePosteSoumettreInput(
                ligne_poste_numero=1,
                ligne_poste_denomination="Mise à disposition de personnel",
                ligne_poste_quantite=Decimal("1"),
                ligne_poste_montant_unitaire_ht=Decimal("1000"),
                ligne_poste_taux_tva="TVA1",
            )
        ],
    }


def recipient(fake: FakeChorusPro) -> ChorusPro:
    return fake.client(account=fake.world.account(fake.world.departement))


def test_a_submitted_invoice_is_followed_until_its_suspension_stalls(
    fake: FakeChorusPro, hospital: ChorusPro, tracker: Tracker
) -> None:
    parts = invoice("VAL-2026-001")
    receipt = hospital.factures.soumettre(**parts)  # type: ignore[arg-type]
    sent = {k: parts[k] for k in ("numero_facture_saisi", "destinataire", "montant_total")}
    item = tracker.record_soumission(receipt, **sent)  # type: ignore[arg-type]
    assert (item.kind, item.siret_destinataire, item.code_service, item.montant_ttc) == (
        SentKind.FACTURE_CHORUS,
        DEPARTEMENT,
        "AUTONOMIE",
        "1000",
    )
    assert item.last is not None
    assert item.last.statut is StatutFacture.DEPOSEE
    source = ChorusStatusSource(hospital)

    fake.advance(120)  # routed to the recipient
    (refreshed,) = tracker.refresh(source)
    assert refreshed.last is not None
    assert refreshed.last.statut is StatutFacture.MISE_A_DISPOSITION
    assert refreshed.last.telechargee_par_destinataire is False

    with recipient(fake) as client:
        client.factures.telecharger_groupe(ids_facture=[receipt.identifiant_facture_cpp or 0])
        fake.advance(DAY)
        client.factures.traiter_facture_recue(
            id_facture=receipt.identifiant_facture_cpp or 0,
            nouveau_statut="SUSPENDUE",
            motif="Il manque l'état des heures effectuées",
        )
    (refreshed,) = tracker.refresh(source)
    last = refreshed.last
    assert last is not None
    assert (last.statut, last.telechargee_par_destinataire, last.commentaire) == (
        StatutFacture.SUSPENDUE,
        True,
        "Il manque l'état des heures effectuées",
    )
    assert tracker.stalled() == []
    fake.advance(8 * DAY)
    (stalled,) = tracker.stalled()
    assert (stalled.reason, stalled.days) == (StallReason.SUSPENDUE_EN_ATTENTE, 8)
    text = sollicitation(stalled, emetteur="CHU de Valmont")
    assert "Identifiant Chorus Pro : " + str(receipt.identifiant_facture_cpp) in text
    assert "Commentaire du statut : Il manque l'état des heures effectuées" in text


def test_an_invoice_never_downloaded_is_flagged(
    fake: FakeChorusPro, hospital: ChorusPro, tracker: Tracker
) -> None:
    parts = invoice("VAL-2026-002")
    receipt = hospital.factures.soumettre(**parts)  # type: ignore[arg-type]
    whole = m.SoumettreFactureParam(**{k: v for k, v in parts.items() if k != "lignes_poste"})
    tracker.record_soumission(receipt, whole)
    source = ChorusStatusSource(hospital)
    fake.advance(120)
    tracker.refresh(source)
    fake.advance(11 * DAY)
    tracker.refresh(source)
    (stalled,) = tracker.stalled(download_days=10)
    assert stalled.reason is StallReason.JAMAIS_TELECHARGEE


def test_a_deposited_flux_is_recorded_invoice_by_invoice(
    fake: FakeChorusPro, hospital: ChorusPro, tracker: Tracker
) -> None:
    flux = cii(
        SampleInvoice(
            numero="VAL-FLUX-1",
            fournisseur=fake.world.chu_valmont.identifiant,
            destinataire=DEPARTEMENT,
            code_service="AUTONOMIE",
        )
    )
    receipt = hospital.factures.deposer_flux(
        fichier=flux, nom_fichier="f.xml", syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B
    )
    (item,) = tracker.record_flux(receipt, flux, nom_fichier="f.xml")
    assert (item.numero_facture, item.numero_flux_depot, item.montant_ttc) == (
        "VAL-FLUX-1",
        receipt.numero_flux_depot,
        "120.00",
    )
    assert item.observations == ()
    fake.run_until_idle()
    (refreshed,) = tracker.refresh(ChorusStatusSource(hospital))
    assert refreshed.last is not None
    assert refreshed.last.statut is StatutFacture.MISE_A_DISPOSITION


def test_an_asap_is_followed_from_the_pes_flux_until_chorus_pro_has_it(
    fake: FakeChorusPro, hospital: ChorusPro, tracker: Tracker
) -> None:
    flux = recette_flux(
        [asap_titre(5521, "ASAP-2026-7", DEPARTEMENT, code_service="AUTONOMIE", id_asap="A1")],
        [asap_pj("A1", asap_document("ASAP-2026-7", DEPARTEMENT))],
    )
    (item,) = tracker.record_asap(flux)
    assert (item.kind, item.nom_fic, item.titre, item.montant_ttc) == (
        SentKind.ASAP_HELIOS,
        "PESREC_26380000500005_2026_119",
        "2026/119/5521",
        "2600.00",
    )
    source = ChorusStatusSource(hospital)
    fake.advance(6 * DAY)
    tracker.refresh(source)  # Hélios has not deposited it
    (stalled,) = tracker.stalled(asap_integration_days=5)
    assert stalled.reason is StallReason.ASAP_NON_INTEGREE
    assert "PESREC_26380000500005_2026_119" in sollicitation(stalled, emetteur="CHU")

    # Hélios deposits the ASAP in the hospital's name (the emulators share no Hélios yet).
    hospital.factures.soumettre(**invoice("ASAP-2026-7"))  # type: ignore[arg-type]
    fake.advance(120)
    (refreshed,) = tracker.refresh(source)
    assert refreshed.identifiant_facture_cpp is not None
    assert [s.reason for s in tracker.stalled(asap_integration_days=5)] == []


def test_an_invoice_to_another_recipient_is_not_taken_for_it(
    fake: FakeChorusPro, hospital: ChorusPro, tracker: Tracker
) -> None:
    receipt = hospital.factures.soumettre(**invoice("VAL-2026-003"))  # type: ignore[arg-type]
    item = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="VAL-2026-003", siret_destinataire="26690002600011"
    )
    observation = ChorusStatusSource(hospital).observe(item, fake.clock.now())
    assert observation.statut is None
    assert receipt.identifiant_facture_cpp is not None


def test_what_cannot_be_followed_is_refused_whole(tracker: Tracker) -> None:
    flux = recette_flux(
        [
            asap_titre(1, "ASAP-1", DEPARTEMENT),
            asap_titre(2, "ASAP-2", ""),
        ]
    )
    with pytest.raises(InvalidRequestError, match="titre 2: cannot be followed without"):
        tracker.record_asap(flux)
    assert tracker.items() == []
