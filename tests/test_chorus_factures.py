"""client.factures: what each method sends, what it refuses before sending, what it returns."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from demat_sdk import (
    AsyncChorusPro,
    ChorusBusinessError,
    ChorusPro,
    InvalidRequestError,
    RequestTimeoutError,
    RequestTooLargeError,
    ResponseValidationError,
    ServerError,
)
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import CadreFacturation, StatutFacture
from demat_sdk.chorus.files import MAX_FILE_SIZE

from conftest import Server, json_response

OK = {"codeRetour": 0, "libelle": "TRA_MSG_00.000"}


def sent(server: Server, index: int = -1) -> Any:
    return json.loads(server.api_calls[index].content)


# --- deposer_flux ------------------------------------------------------------------------------


def test_deposer_flux_sends_the_file_in_base64_and_returns_the_flux_number(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(
        json_response(
            {**OK, "numeroFluxDepot": "CPP0011110000000000001557", "dateDepot": "2016-05-24 15:02"}
        )
    )
    depot = client.factures.deposer_flux(
        fichier=b"<Invoice/>", nom_fichier="facture.xml", syntaxe_flux="IN_DP_E1_UBL_INVOICE"
    )
    assert depot.numero_flux_depot == "CPP0011110000000000001557"
    assert depot.date_depot == datetime(2016, 5, 24, 15, 2)
    assert server.api_calls[0].url.path == "/cpro/factures/v1/deposer/flux"
    assert sent(server) == {
        "fichierFlux": base64.b64encode(b"<Invoice/>").decode(),
        "nomFichier": "facture.xml",
        "syntaxeFlux": "IN_DP_E1_UBL_INVOICE",
        "avecSignature": False,
    }


def test_deposer_flux_reads_a_path_and_names_the_file_after_it(
    client: ChorusPro, server: Server, tmp_path: Path
) -> None:
    path = tmp_path / "lot_factures.tar.gz"
    path.write_bytes(b"\x1f\x8b contenu")
    client.factures.deposer_flux(fichier=path, syntaxe_flux="IN_DP_E2_CII_FACTURX")
    body = sent(server)
    assert body["nomFichier"] == "lot_factures.tar.gz"
    assert base64.b64decode(body["fichierFlux"]) == b"\x1f\x8b contenu"
    client.factures.deposer_flux(fichier=str(path), syntaxe_flux="IN_DP_E2_CII_FACTURX")
    assert sent(server)["fichierFlux"] == body["fichierFlux"]


def test_deposer_flux_refuses_a_file_over_10_mb_before_sending(
    client: ChorusPro, server: Server, tmp_path: Path
) -> None:
    with pytest.raises(InvalidRequestError, match="10,485,761 bytes") as refused:
        client.factures.deposer_flux(
            fichier=b"x" * (MAX_FILE_SIZE + 1), nom_fichier="f.xml", syntaxe_flux="IN_DP_E1_CII"
        )
    assert refused.value.field == "fichier"
    assert refused.value.operation == "deposerFluxFacture"
    big = tmp_path / "enorme.xml"
    with big.open("wb") as handle:  # sparse: the size is refused from stat, nothing is read
        handle.truncate(MAX_FILE_SIZE + 1)
    with pytest.raises(InvalidRequestError, match=r"enorme\.xml"):
        client.factures.deposer_flux(fichier=big, syntaxe_flux="IN_DP_E1_CII")
    assert server.api_calls == []


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"fichier": b"<x/>"}, "nom_fichier"),
        ({"fichier": b"", "nom_fichier": "vide.xml"}, "fichier"),
        ({"fichier": "/nulle/part/facture.xml"}, "fichier"),
        ({"fichier": b"<x/>", "nom_fichier": "n" * 201}, "nom_fichier"),
        ({"fichier": b"<x/>", "nom_fichier": "f.xml", "syntaxe_flux": "IN_DP_E9"}, "syntaxe_flux"),
    ],
)
def test_deposer_flux_names_what_is_wrong(
    client: ChorusPro, server: Server, arguments: dict[str, Any], field: str
) -> None:
    arguments = {"syntaxe_flux": "IN_DP_E1_CII_16B", **arguments}
    with pytest.raises(InvalidRequestError) as refused:
        client.factures.deposer_flux(**arguments)
    assert refused.value.field == field
    assert server.api_calls == []


def test_deposits_get_a_long_transfer_time_out_unless_the_call_says_otherwise(
    client: ChorusPro, server: Server
) -> None:
    client.factures.deposer_flux(fichier=b"<x/>", nom_fichier="f.xml", syntaxe_flux="IN_DP_E1_CII")
    timeout = server.api_calls[-1].extensions["timeout"]
    assert timeout["read"] == 300.0
    assert timeout["write"] == 300.0
    assert timeout["connect"] == 5.0
    client.factures.deposer_flux(
        fichier=b"<x/>", nom_fichier="f.xml", syntaxe_flux="IN_DP_E1_CII", timeout=12.0
    )
    assert server.api_calls[-1].extensions["timeout"]["read"] == 12.0
    client.factures.rechercher_fournisseur()
    assert server.api_calls[-1].extensions["timeout"]["read"] == 30.0


def test_a_deposit_is_never_sent_twice_after_an_ambiguous_failure(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(json_response({"message": "busy"}, status=503))
    with pytest.raises(ServerError):
        client.factures.deposer_flux(
            fichier=b"<x/>", nom_fichier="f.xml", syntaxe_flux="IN_DP_E1_CII"
        )
    assert len(server.api_calls) == 1
    server.script.append(httpx.ReadTimeout("slow"))
    with pytest.raises(RequestTimeoutError) as timed_out:
        client.factures.traiter_facture_recue(id_facture=1, nouveau_statut="SERVICE_FAIT")
    assert timed_out.value.request_sent is True
    assert len(server.api_calls) == 2


def test_a_search_is_sent_again_after_a_503(client: ChorusPro, server: Server) -> None:
    server.script.append(json_response({"message": "busy"}, status=503))
    client.factures.rechercher_fournisseur(numero_facture="F1")
    assert len(server.api_calls) == 2
    assert sent(server, 0) == sent(server, 1)


# --- soumettre ---------------------------------------------------------------------------------

DESTINATAIRE = m.SoumettreFactureDestinataire(
    code_destinataire="26750045200011", code_service_executant="PHARMA"
)
FOURNISSEUR = m.SoumettreFactureFournisseur(
    id_fournisseur=26262962, code_coordonnees_bancaires_fournisseur=144050
)
REFERENCES = m.SoumettreFactureReferences(
    devise_facture="EUR", type_facture="FACTURE", type_tva="TVA_SUR_DEBIT", mode_paiement="VIREMENT"
)
TOTAL = m.SoumettreFactureMontantTotal(
    montant_ht_total=Decimal("500.00"),
    montant_tva=Decimal("27.50"),
    montant_ttc_total=Decimal("527.50"),
    montant_a_payer=Decimal("527.50"),
)
LIGNE = m.LignePosteSoumettreInput(
    ligne_poste_numero=1,
    ligne_poste_denomination="Pansements",
    ligne_poste_quantite=Decimal("10"),
    ligne_poste_montant_unitaire_ht=Decimal("50"),
    ligne_poste_taux_tva="TVA3",
)
FACTURE = {
    "numero_facture_saisi": "F-2026-001",
    "date_facture": date(2026, 1, 5),
    "destinataire": DESTINATAIRE,
    "fournisseur": FOURNISSEUR,
    "references": REFERENCES,
    "montant_total": TOTAL,
    "lignes_poste": [LIGNE],
}
EXPECTED_SOUMISSION = {
    "modeDepot": "SAISIE_API",
    "numeroFactureSaisi": "F-2026-001",
    "dateFacture": "2026-01-05",
    "destinataire": {"codeDestinataire": "26750045200011", "codeServiceExecutant": "PHARMA"},
    "fournisseur": {"idFournisseur": 26262962, "codeCoordonneesBancairesFournisseur": 144050},
    "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"},
    "references": {
        "deviseFacture": "EUR",
        "typeFacture": "FACTURE",
        "typeTva": "TVA_SUR_DEBIT",
        "modePaiement": "VIREMENT",
    },
    "lignePoste": [
        {
            "lignePosteNumero": 1,
            "lignePosteDenomination": "Pansements",
            "lignePosteQuantite": 10,
            "lignePosteMontantUnitaireHT": 50,
            "lignePosteTauxTva": "TVA3",
        }
    ],
    "montantTotal": {
        "montantHtTotal": 500,
        "montantTVA": 27.5,
        "montantTtcTotal": 527.5,
        "montantAPayer": 527.5,
    },
}


def test_soumettre_builds_the_invoice_from_its_parts(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {
                "codeRetour": 0,
                "libelle": "GCU_MSG_01_000",
                "identifiantFactureCPP": 8420532,
                "numeroFacture": "20260000000000000002",
                "statutFacture": "DEPOSEE",
                "dateDepot": "2026-04-03",
            }
        )
    )
    receipt = client.factures.soumettre(**FACTURE)
    assert sent(server) == EXPECTED_SOUMISSION
    assert b'"montantTVA":27.5' in server.api_calls[0].content  # a JSON number, not text
    assert receipt.identifiant_facture_cpp == 8420532
    assert receipt.statut_facture is StatutFacture.DEPOSEE
    assert receipt.date_depot == datetime(2026, 4, 3)


def test_soumettre_takes_a_whole_request_too(client: ChorusPro, server: Server) -> None:
    facture = m.SoumettreFactureParam(
        mode_depot="DEPOT_PDF_API",
        date_facture=date(2026, 1, 5),
        destinataire=DESTINATAIRE,
        fournisseur=FOURNISSEUR,
        references=REFERENCES,
        montant_total=TOTAL,
        piece_jointe_principale=[
            m.SoumettreFacturePieceJointePrincipale(piece_jointe_principale_id=9)
        ],
    )
    client.factures.soumettre(facture=facture)
    body = sent(server)
    assert body["modeDepot"] == "DEPOT_PDF_API"
    assert body["pieceJointePrincipale"] == [{"pieceJointePrincipaleId": 9}]
    with pytest.raises(InvalidRequestError, match="not both"):
        client.factures.soumettre(facture=facture, commentaire="en plus")


def test_soumettre_sends_the_main_attachment_as_an_array(client: ChorusPro, server: Server) -> None:
    principale = m.SoumettreFacturePieceJointePrincipale(
        piece_jointe_principale_designation="facture", piece_jointe_principale_id=28205
    )
    client.factures.soumettre(**FACTURE, piece_jointe_principale=principale)
    assert sent(server)["pieceJointePrincipale"] == [
        {"pieceJointePrincipaleDesignation": "facture", "pieceJointePrincipaleId": 28205}
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lignes_poste": []}, "lignes_poste"),
        ({"destinataire": None}, "destinataire"),
        ({"date_facture": None}, "date_facture"),
        ({"mode_depot": "DEPOT_PDF_API"}, "piece_jointe_principale"),
        (
            {"cadre_de_facturation": CadreFacturation.A9_FACTURE_SOUSTRAITANT},
            "cadre_de_facturation.code_structure_valideur",
        ),
        (
            {"cadre_de_facturation": "A3_MEMOIRE_JUSTICE"},
            "cadre_de_facturation.code_cadre_facturation",
        ),
        ({"references": {"type_facture": "ACOMPTE"}}, "references.type_facture"),
        ({"mode_depot": "EDI"}, "mode_depot"),
    ],
)
def test_soumettre_refuses_what_chorus_pro_would(
    client: ChorusPro, server: Server, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidRequestError) as refused:
        client.factures.soumettre(**{**FACTURE, **change})
    assert refused.value.field == field
    assert refused.value.operation == "soumettreFacture"
    assert server.api_calls == []


# --- a recipient processes its invoices ----------------------------------------------------------


@pytest.mark.parametrize("statut", ["REJETEE", "SUSPENDUE", StatutFacture.SUSPENDUE])
@pytest.mark.parametrize("motif", [None, "", "   "])
def test_rejecting_or_suspending_needs_a_motif(
    client: ChorusPro, server: Server, statut: str, motif: str | None
) -> None:
    with pytest.raises(InvalidRequestError, match="motif is required") as refused:
        client.factures.traiter_facture_recue(id_facture=215, nouveau_statut=statut, motif=motif)
    assert refused.value.field == "motif"
    assert server.api_calls == []


def test_traiter_facture_recue_sends_the_status_and_reads_the_answer(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(
        json_response(
            {
                "codeRetour": 0,
                "dateTraitement": "2016-03-18",
                "idFacture": 215,
                "nouveauStatut": "SUSPENDUE",
                "numeroFacture": "REC20121204",
            }
        )
    )
    answer = client.factures.traiter_facture_recue(
        id_facture=215, nouveau_statut="SUSPENDUE", motif="Document manquant"
    )
    assert sent(server) == {
        "idFacture": 215,
        "nouveauStatut": "SUSPENDUE",
        "motif": "Document manquant",
    }
    assert answer.nouveau_statut is StatutFacture.SUSPENDUE
    assert answer.date_traitement == datetime(2016, 3, 18)
    client.factures.traiter_facture_recue(
        id_facture=215, nouveau_statut=StatutFacture.MANDATEE, numero_dp_mandat="2589"
    )
    assert sent(server) == {"idFacture": 215, "nouveauStatut": "MANDATEE", "numeroDPMandat": "2589"}


def test_an_unofficial_status_is_refused(client: ChorusPro, server: Server) -> None:
    with pytest.raises(InvalidRequestError, match="PAYEE") as refused:
        client.factures.traiter_facture_recue(id_facture=1, nouveau_statut="PAYEE")
    assert refused.value.field == "nouveau_statut"
    assert server.api_calls == []


def test_telecharger_groupe_returns_the_decoded_file(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response({**OK, "fichierResultat": base64.b64encode(b"PK\x03\x04zip").decode()})
    )
    fichier = client.factures.telecharger_groupe(
        ids_facture=[1, 2], avec_pieces_jointes_complementaires=True
    )
    assert fichier == b"PK\x03\x04zip"
    assert sent(server) == {
        "format": "PDF",
        "avecPiecesJointesComplementaires": "OUI",
        "listeFacture": [{"idFacture": 1}, {"idFacture": 2}],
    }
    server.script.append(
        json_response({**OK, "fichierResultat": base64.b64encode(b"<x/>").decode()})
    )
    client.factures.telecharger_groupe(ids_facture=[3], format="PIVOT")
    assert sent(server) == {"format": "PIVOT", "listeFacture": [{"idFacture": 3}]}


def test_telecharger_groupe_errors(client: ChorusPro, server: Server) -> None:
    with pytest.raises(InvalidRequestError):
        client.factures.telecharger_groupe(ids_facture=[])
    server.script.append(json_response({**OK, "fichierResultat": "pas du base64 !"}))
    with pytest.raises(ResponseValidationError) as bad:
        client.factures.telecharger_groupe(ids_facture=[1])
    assert bad.value.field == "fichierResultat"
    server.script.append(json_response({**OK}))
    with pytest.raises(ResponseValidationError, match="holds no fichierResultat"):
        client.factures.telecharger_groupe(ids_facture=[1])
    server.script.append(httpx.Response(413, text="too large"))
    with pytest.raises(RequestTooLargeError):
        client.factures.telecharger_groupe(ids_facture=list(range(50)))


def test_consulter_raises_when_the_answer_holds_no_invoice(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(json_response(OK))
    with pytest.raises(ResponseValidationError, match="holds no facture"):
        client.factures.consulter_recipiendaire(identifiant_facture_cpp=1)


def test_consulter_puts_the_sub_list_paging_under_each_operation_s_key(
    client: ChorusPro, server: Server
) -> None:
    lignes = m.ParamRechercheLignesPoste(page_resultat_demandee_lignes_poste=2)
    pj = m.ParamRechercheListePiecesJointes(page_resultat_demandee_liste_piece_jointe=3)
    tva = m.ParamRechercheLigneRecapTva(page_resultat_demandee_liste_recapitulatif_tva=4)
    keys: dict[str, set[str]] = {}
    for method in ("consulter_fournisseur", "consulter_recipiendaire", "consulter_valideur"):
        server.script.append(json_response({**OK, "facture": {"identifiantFactureCPP": 1}}))
        facture = getattr(client.factures, method)(
            identifiant_facture_cpp=1, lignes_poste=lignes, pieces_jointes=pj, recapitulatif_tva=tva
        )
        assert facture.identifiant_facture_cpp == 1
        keys[method] = set(sent(server))
    assert keys == {
        "consulter_fournisseur": {
            "identifiantFactureCPP",
            "pLignesPoste",
            "pListePiecesJointes",
            "pLigneRecapTva",
        },
        "consulter_recipiendaire": {
            "identifiantFactureCPP",
            "rechercheLignePoste",
            "recherchePj",
            "rechercheligneTvaRecap",
        },
        "consulter_valideur": {
            "identifiantFactureCPP",
            "rechercheLignePoste",
            "recherchePj",
            "rechercheLigneTvaRecap",
        },
    }


# --- a supplier answers ---------------------------------------------------------------------------


def test_completer_needs_something_to_complete_with(client: ChorusPro, server: Server) -> None:
    with pytest.raises(InvalidRequestError, match="attachment or a comment"):
        client.factures.completer(identifiant_facture_cpp=1, commentaire="  ")
    server.script.append(
        json_response({"codeRetour": 20002, "libelle": "GDP_MSG_11.033"}, status=400)
    )
    with pytest.raises(ChorusBusinessError) as refused:
        client.factures.completer(identifiant_facture_cpp=1, commentaire="Voici le PV")
    assert refused.value.code_retour == 20002
    assert sent(server) == {"identifiantFactureCPP": 1, "commentaire": "Voici le PV"}


def test_recycler_readdresses_the_invoice(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response({**OK, "statutFacture": "DEPOSEE", "dateDepot": "2016-05-24 15:02"})
    )
    answer = client.factures.recycler(
        identifiant_facture_cpp=215,
        code_destinataire="26750045200011",
        code_service_executant="PHARMA",
        reference=m.SoumettreFactureReferences(numero_bon_commande="EJ-18"),
    )
    assert answer.statut_facture is StatutFacture.DEPOSEE
    assert sent(server) == {
        "identifiantFactureCPP": 215,
        "destinataire": {"codeDestinataire": "26750045200011", "codeServiceExecutant": "PHARMA"},
        "reference": {"numeroBonCommande": "EJ-18"},
    }


def test_traiter_rejet_and_corriger_valideur_check_their_arguments(
    client: ChorusPro, server: Server
) -> None:
    with pytest.raises(InvalidRequestError):
        client.factures.traiter_rejet(ids_demande_paiement=[])
    for wrong in (
        {},
        {"id_structure": 1, "identifiant_structure": "x"},
        {"identifiant_structure": "x"},
    ):
        with pytest.raises(InvalidRequestError, match="name the validator"):
            client.factures.corriger_valideur(id_facture=1, **wrong)
    assert server.api_calls == []
    client.factures.traiter_rejet(ids_demande_paiement=[7])
    assert sent(server) == {"listeDemandePaiement": [{"idDemandePaiement": 7}]}
    client.factures.corriger_valideur(id_facture=1, id_structure=3)
    assert sent(server) == {"idFacture": 1, "idStructure": 3}


def test_recuperer_statuts_visibles_valideur(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "listeStatutFacture": [
                    {"codeStatutFacture": "A_VALIDER_1"},
                    {"codeStatutFacture": "NOUVEAU"},
                ],
            }
        )
    )
    statuts = client.factures.recuperer_statuts_visibles_valideur()
    assert statuts == [StatutFacture.A_VALIDER_1, "NOUVEAU"]
    assert not statuts[1].is_known
    assert sent(server) == {}


# --- the asyncio client --------------------------------------------------------------------------


@pytest.mark.anyio
async def test_the_asyncio_client_sends_the_same_bodies(
    async_client: AsyncChorusPro, server: Server
) -> None:
    async with async_client:
        await async_client.factures.soumettre(**FACTURE)
        assert sent(server) == EXPECTED_SOUMISSION
        with pytest.raises(InvalidRequestError, match="motif"):
            await async_client.factures.traiter_facture_recue(
                id_facture=1, nouveau_statut="REJETEE"
            )
        server.script.append(
            json_response({**OK, "fichierResultat": base64.b64encode(b"%PDF").decode()})
        )
        assert await async_client.factures.telecharger_groupe(ids_facture=[1]) == b"%PDF"
    assert len(server.api_calls) == 2
