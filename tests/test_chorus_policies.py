"""The checks a Chorus Pro client runs before sending: patient data and status doctrine."""

from __future__ import annotations

import warnings

import httpx
import pytest

from demat_sdk import ChorusPro, InvalidRequestError, PisteCredentials, TechnicalAccount
from demat_sdk.chorus.doctrine import DoctrineWarning, MotifCategorie
from demat_sdk.errors import PatientDataError
from demat_sdk.privacy import PrivacyGuard

from conftest import Server, json_response

BODY = "1850578006084"
NIR = f"{BODY}{97 - int(BODY) % 97:02d}"
TRAITEE = {"codeRetour": 0, "idFacture": 7, "numeroFacture": "F1", "nouveauStatut": "REJETEE"}


def make(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount, **kwargs: object
) -> ChorusPro:
    return ChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(server), **kwargs
    )  # type: ignore[arg-type]


def test_a_motif_with_a_nir_never_leaves(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    with make(server, credentials, account) as client, pytest.raises(PatientDataError) as caught:
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="SUSPENDUE", motif=f"Patient {NIR} : PV manquant"
        )
    assert caught.value.field == "motif"
    assert NIR not in str(caught.value)
    assert server.api_calls == []  # nothing was sent


def test_a_deposited_xml_flux_is_read(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    flux = (
        b'<?xml version="1.0"?><Invoice><InvoiceLine><Item><Name>S\xc3\xa9ance de dialyse'
        b"</Name></Item></InvoiceLine></Invoice>"
    )
    with make(server, credentials, account) as client, pytest.raises(PatientDataError) as caught:
        client.factures.deposer_flux(
            fichier=flux, nom_fichier="f.xml", syntaxe_flux="IN_DP_E1_UBL_INVOICE"
        )
    assert caught.value.field == "InvoiceLine/Item/Name"
    assert server.api_calls == []


def test_the_guard_can_carry_the_patient_list_or_be_off(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    server.default = json_response(TRAITEE | {"nouveauStatut": "SUSPENDUE"})
    guard = PrivacyGuard(patient_names=[("Martin", "Léa")])
    with (
        make(server, credentials, account, privacy_guard=guard) as client,
        pytest.raises(PatientDataError, match="patient #1"),
    ):
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="SUSPENDUE", motif="Séjour de Léa Martin"
        )
    with make(server, credentials, account, privacy_guard=None) as client:
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="SUSPENDUE", motif=f"{NIR}"
        )
    assert len(server.api_calls) == 1


def test_a_rejet_for_a_missing_document_is_warned_about(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    server.default = json_response(TRAITEE)
    with (
        make(server, credentials, account) as client,
        pytest.warns(DoctrineWarning, match="recommends SUSPENDUE"),
    ):
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="REJETEE", motif="Bon de livraison absent"
        )
    assert len(server.api_calls) == 1  # warned, still sent


def test_strict_mode_refuses_it(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    with (
        make(server, credentials, account, doctrine="strict") as client,
        pytest.raises(InvalidRequestError, match="recommends A_RECYCLER") as caught,
    ):
        client.factures.traiter_facture_recue(
            id_facture=7,
            nouveau_statut="REJETEE",
            motif="Ce n'est pas pour nous",
            categorie=MotifCategorie.ERREUR_DESTINATAIRE,
        )
    assert caught.value.field == "nouveauStatut"
    assert server.api_calls == []


def test_a_justified_rejet_passes_silently(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    server.default = json_response(TRAITEE)
    with make(server, credentials, account, doctrine="strict") as client, warnings.catch_warnings():
        warnings.simplefilter("error")
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="REJETEE", motif="Montant TVA erroné"
        )
        client.factures.traiter_facture_recue(
            id_facture=7,
            nouveau_statut="REJETEE",
            motif="Voir courrier",
            categorie="DOUBLON",
        )
    assert len(server.api_calls) == 2


def test_doctrine_off(
    server: Server, credentials: PisteCredentials, account: TechnicalAccount
) -> None:
    server.default = json_response(TRAITEE)
    with make(server, credentials, account, doctrine="off") as client, warnings.catch_warnings():
        warnings.simplefilter("error")
        client.factures.traiter_facture_recue(
            id_facture=7, nouveau_statut="REJETEE", motif="Bon de livraison absent"
        )
