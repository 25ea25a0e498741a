"""What the journal's Chorus Pro tests share: invoices to send, clients that never sleep."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from demat_sdk import ChorusPro, RetryPolicy, TechnicalAccount
from demat_sdk.chorus.models import factures_emission as m
from demat_sdk.chorus.models.factures_emission import SoumettreFactureParam
from demat_sdk.journal import FluxDeposit, Journal
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii

CII = "IN_DP_E1_CII_16B"

NEVER_SLEEP = RetryPolicy(sleep=lambda _seconds: None, jitter=lambda: 0.0)
"""Retries without waiting (the emulator's ``Retry-After`` is not waited for in tests)."""


def flux_deposit(fake: FakeChorusPro, numero: str, *, service: str = "BIOMED") -> FluxDeposit:
    """A one-invoice CII flux from PHARMADIS to the CHU de Valmont."""
    world = fake.world
    invoice = SampleInvoice(
        numero=numero,
        fournisseur=world.pharmadis.identifiant,
        destinataire=world.chu_valmont.identifiant,
        code_service=service,
        lines=(Line("Seringues 10 ml", "200", "0.35", "20"),),
    )
    return FluxDeposit(
        fichier=cii(invoice),
        nom_fichier=f"{numero}.xml",
        syntaxe_flux=CII,
        fournisseur=world.pharmadis.identifiant,
        numeros_facture=[numero],
    )


def submission(fake: FakeChorusPro, numero: str, **changes: Any) -> SoumettreFactureParam:
    """A typed invoice from PHARMADIS to the CHU de Valmont (``soumettreFacture``).

    ``changes`` replace fields of the request (snake_case names).
    """
    world = fake.world
    facture = SoumettreFactureParam(
        mode_depot="SAISIE_API",
        numero_facture_saisi=numero,
        date_facture=date(2026, 1, 5),
        destinataire=m.SoumettreFactureDestinataire(
            code_destinataire=world.chu_valmont.identifiant, code_service_executant="DAL"
        ),
        fournisseur=m.SoumettreFactureFournisseur(id_fournisseur=world.pharmadis.id_structure_cpp),
        cadre_de_facturation=m.SoumettreFactureCadreDeFacturation(
            code_cadre_facturation="A1_FACTURE_FOURNISSEUR"
        ),
        references=m.SoumettreFactureReferences(
            devise_facture="EUR", type_facture="FACTURE", type_tva="TVA_SUR_DEBIT"
        ),
        ligne_poste=[
            m.LignePosteSoumettreInput(
                ligne_poste_numero=1,
                ligne_poste_denomination="Compresses stériles",
                ligne_poste_quantite=Decimal(25),
                ligne_poste_montant_unitaire_ht=Decimal("4.80"),
                ligne_poste_taux_tva="TVA5",
            )
        ],
        montant_total=m.SoumettreFactureMontantTotal(
            montant_ht_total=Decimal("120.00"),
            montant_tva=Decimal("24.00"),
            montant_ttc_total=Decimal("144.00"),
        ),
    )
    return facture.model_copy(update=changes)


def client_of(fake: FakeChorusPro, account: TechnicalAccount, **options: Any) -> ChorusPro:
    """An in-process client of ``fake`` with ``account``, retrying without sleeping."""
    return fake.client(account=account, retry_policy=NEVER_SLEEP, **options)


def journal_on(fake: FakeChorusPro, path: Any) -> Journal:
    """A journal at ``path`` that lives by the emulator's clock."""
    return Journal(path, clock=fake.clock.now)
