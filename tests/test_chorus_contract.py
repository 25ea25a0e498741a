"""Contract tests: the SDK against the official Swagger files, operation by operation.

* every path of ``factures.json`` and ``structures.json`` has an SDK method (coverage);
* the JSON each method sends validates against its request definition, with every ``$ref``
  resolved and no key the Swagger does not declare;
* every request model, filled from its definition, sends exactly that JSON back;
* answers built from the response definitions, in every date shape the API writes, parse into
  the models with every key declared and every code official.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pydantic
import pytest

from demat_sdk import ChorusPro
from demat_sdk._http.operation import Operation
from demat_sdk._http.retry import Safety
from demat_sdk.chorus import factures, structures
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import ChorusEnum
from demat_sdk.chorus.factures import Factures
from demat_sdk.chorus.structures import Structures
from swagger_samples import DATE_SHAPES, FILE, operations, sample, strict_validator

from conftest import json_response, token_response

OPERATIONS: dict[str, Operation[Any]] = {
    operation.name: operation for operation in (*factures.OPERATIONS, *structures.OPERATIONS)
}
API_OF = dict.fromkeys((op.name for op in factures.OPERATIONS), "factures") | dict.fromkeys(
    (op.name for op in structures.OPERATIONS), "structures"
)
SWAGGER = {
    operation_id: (api, path, request, answer)
    for api in ("factures", "structures")
    for path, operation_id, request, answer in operations(api)
}

LIGNE = m.LignePosteSoumettreInput(
    ligne_poste_numero=1,
    ligne_poste_reference="R1",
    ligne_poste_denomination="Compresses stériles",
    ligne_poste_quantite=Decimal("10"),
    ligne_poste_unite="lot",
    ligne_poste_montant_unitaire_ht=Decimal("50.00"),
    ligne_poste_montant_remise_ht=Decimal("0"),
    ligne_poste_taux_tva="TVA5",
)
SOUMETTRE = {
    "numero_facture_saisi": "F-2026-001",
    "date_facture": date(2026, 1, 5),
    "destinataire": m.SoumettreFactureDestinataire(
        code_destinataire="26750045200011", code_service_executant="FACTURES_PUBLIQUES"
    ),
    "fournisseur": m.SoumettreFactureFournisseur(
        id_fournisseur=26262962,
        id_service_fournisseur=436,
        code_coordonnees_bancaires_fournisseur=144050,
    ),
    "references": m.SoumettreFactureReferences(
        devise_facture="EUR",
        type_facture="FACTURE",
        type_tva="TVA_SUR_DEBIT",
        numero_bon_commande="EJ-2026-17",
        mode_paiement="VIREMENT",
    ),
    "montant_total": m.SoumettreFactureMontantTotal(
        montant_ht_total=Decimal("500.00"),
        montant_tva=Decimal("100.00"),
        montant_ttc_total=Decimal("600.00"),
        montant_a_payer=Decimal("600.00"),
    ),
    "lignes_poste": [LIGNE],
    "lignes_tva": [
        m.LigneTvaSoumettreInput(
            ligne_tva_taux="TVA5",
            ligne_tva_montant_base_ht_par_taux=Decimal("500.00"),
            ligne_tva_montant_tva_par_taux=Decimal("100.00"),
        )
    ],
    "piece_jointe_principale": m.SoumettreFacturePieceJointePrincipale(
        piece_jointe_principale_designation="facture", piece_jointe_principale_id=28205
    ),
    "pieces_jointes_complementaires": [
        m.PieceJointeComplementaireSoumettreInput(
            piece_jointe_complementaire_designation="PV de réception",
            piece_jointe_complementaire_type="01",
            piece_jointe_complementaire_numero_ligne_facture=1,
            piece_jointe_complementaire_id=28206,
        )
    ],
    "commentaire": "Livraison du 2 janvier",
}
PAGING = {"page": 2, "nb_resultats_par_page": 50, "tri_sens": "Ascendant"}

# operationId -> (resource, method, arguments): one call per operation, with most arguments.
CALLS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "deposerFluxFacture": (
        "factures",
        "deposer_flux",
        {
            "fichier": b"<Invoice/>",
            "nom_fichier": "lot.xml",
            "syntaxe_flux": "IN_DP_E1_UBL_INVOICE",
        },
    ),
    "soumettreFacture": ("factures", "soumettre", SOUMETTRE),
    "deposerPdfFacture": (
        "factures",
        "deposer_pdf",
        {"fichier": FILE, "nom_fichier": "facture.pdf", "format_depot": "PDF_SIGNE_PADES"},
    ),
    "consulterFactureParFournisseur": (
        "factures",
        "consulter_fournisseur",
        {
            "identifiant_facture_cpp": 42,
            "code_langue": "FR",
            "lignes_poste": m.ParamRechercheLignesPoste(
                page_resultat_demandee_lignes_poste=2,
                nb_resultats_par_page_lignes_poste=20,
                tri_sens_liste_lignes_poste="Ascendant",
                tri_colonne_liste_lignes_poste="LignePosteNumero",
            ),
            "pieces_jointes": m.ParamRechercheListePiecesJointes(
                page_resultat_demandee_liste_piece_jointe=1,
                tri_colonne_liste_pieces_jointes="PieceJointeDesignation",
            ),
            "recapitulatif_tva": m.ParamRechercheLigneRecapTva(
                nb_resultats_par_page_liste_liste_recapitulatif_tva=5
            ),
        },
    ),
    "consulterFactureParRecipiendaire": (
        "factures",
        "consulter_recipiendaire",
        {
            "identifiant_facture_cpp": 42,
            "lignes_poste": m.ParamRechercheLignesPoste(page_resultat_demandee_lignes_poste=3),
            "pieces_jointes": m.ParamRechercheListePiecesJointes(
                nb_resultats_par_page_liste_piece_jointe=5
            ),
            "recapitulatif_tva": m.ParamRechercheLigneRecapTva(
                tri_sens_liste_recapitulatif_tva="Descendant"
            ),
        },
    ),
    "consulterFactureParValideur": (
        "factures",
        "consulter_valideur",
        {
            "identifiant_facture_cpp": 42,
            "code_langue": "EN",
            "recapitulatif_tva": m.ParamRechercheLigneRecapTva(
                tri_colonne_liste_recapitulatif_tva="LigneTvaTauxRefCode"
            ),
        },
    ),
    "consulterHistoriqueFacture": (
        "factures",
        "consulter_historique",
        {
            "id_facture": 42,
            "id_espace": 7,
            "nb_resultats_maximum": 100,
            "statuts": m.ParamRechercheHistoStatuts(
                page_resultat_demandee_liste_histo_statut=1,
                tri_colonne_liste_histo_statut="HistoStatutDatePassage",
            ),
            "evenements": m.ParamRechercheHistoEvenementsComplementaires(
                tri_sens_liste_histo_evenement="Descendant"
            ),
            "actions": m.ParamRechercheHistoActionsUtilisateurs(
                nb_resultats_par_page_liste_histo_action=10
            ),
        },
    ),
    "rechercherFactureParFournisseur": (
        "factures",
        "rechercher_fournisseur",
        {
            "numero_flux_depot": "CPP0011110000000000001557",
            "statut_courant": ["SUSPENDUE", "A_RECYCLER"],
            "type_facture": "AVOIR",
            "cadre_facturation": "A1_FACTURE_FOURNISSEUR",
            "periode_date_depot_du": date(2026, 1, 1),
            "periode_date_depot_au": date(2026, 1, 31),
            "rejet_traite": False,
            "filtres": m.RechercherFactureParFournisseurParam(
                montant_ttc_min=Decimal("100"), mode_depot="EDI"
            ),
            "tri_colonne": "DateDepot",
            **PAGING,
        },
    ),
    "rechercherFactureRecipiendaire": (
        "factures",
        "rechercher_recipiendaire",
        {
            "id_destinataire": 7,
            "facture_telechargee_par_destinataire": False,
            "statut_courant": ["MISE_A_DISPOSITION"],
            "type_demande_paiement": "FACTURE",
            "filtres": m.RechercherFactureRecipiendaireParam(liste_type_facture=["AVOIR"]),
            "tri_colonne": "FactureTelechargeeParDestinataire",
            **PAGING,
        },
    ),
    "rechercherFactureParValideur": (
        "factures",
        "rechercher_valideur",
        {
            "id_fournisseur": 3,
            "statut_courant": ["A_VALIDER_1"],
            "tri_colonne": "IdFacture",
            **PAGING,
        },
    ),
    "rechercherFactureATraiterParValideur": (
        "factures",
        "rechercher_a_traiter_valideur",
        {
            "type_identifiant_structure": "SIRET",
            "identifiant_structure": "26750045200011",
            **PAGING,
        },
    ),
    "rechercherFactureATraiterParRecipiendaire": (
        "factures",
        "rechercher_a_traiter_recipiendaire",
        {"id_structure": 7, "recuperer_taille": True, "tri_colonne": "DateDepot", **PAGING},
    ),
    "rechercherFactureATraiterParFournisseur": (
        "factures",
        "rechercher_a_traiter_fournisseur",
        {"id_structure": 3, "masquer_rejetee": True, "tri_colonne": "Statut", **PAGING},
    ),
    "rechercherDemandePaiement": (
        "factures",
        "rechercher_demande_paiement",
        {
            "role_utilisateur": "DESTINATAIRE",
            "statut_courant": ["MANDATEE"],
            "filtres": m.RechercherDemandePaiementParam(
                structure_fournisseur=m.RechercherDemandePaiementStructureFournisseurInput(
                    type_identifiant_structure_fournisseur="SIRET",
                    identifiant_structure_fournisseur="12345678200010",
                ),
                dp_ou_dp_archive="DEMANDE_PAIEMENT",
            ),
        },
    ),
    "traiterUneFactureRecue": (
        "factures",
        "traiter_facture_recue",
        {"id_facture": 215, "nouveau_statut": "SUSPENDUE", "motif": "Document manquant"},
    ),
    "traiterFactureAValider": (
        "factures",
        "traiter_facture_a_valider",
        {"id_facture": 9, "action": "REFUS", "motif_refus": "M01", "complement_info": "x"},
    ),
    "completerFacture": (
        "factures",
        "completer",
        {
            "identifiant_facture_cpp": 215,
            "pieces_jointes": [
                m.PieceJointeComplementaire(
                    piece_jointe_complementaire_designation="Bon de livraison",
                    piece_jointe_complementaire_id=28207,
                )
            ],
            "commentaire": "Voici le bon de livraison",
        },
    ),
    "recyclerFacture": (
        "factures",
        "recycler",
        {
            "identifiant_facture_cpp": 215,
            "code_destinataire": "26750045200011",
            "code_service_executant": "PHARMA",
            "reference": m.SoumettreFactureReferences(numero_bon_commande="EJ-2026-18"),
            "commentaire": "Nouveau service",
        },
    ),
    "traiterFacturesRejetees": ("factures", "traiter_rejet", {"ids_demande_paiement": [215, 216]}),
    "corrigerValideurFacture": (
        "factures",
        "corriger_valideur",
        {"id_facture": 9, "type_identifiant_structure": "SIRET", "identifiant_structure": "1"},
    ),
    "telechargerGroupeFacture": (
        "factures",
        "telecharger_groupe",
        {"ids_facture": [1, 2], "avec_pieces_jointes_complementaires": True, "id_espace": 8},
    ),
    "recupererStatutsFactureVisiblesParValideur": (
        "factures",
        "recuperer_statuts_visibles_valideur",
        {},
    ),
    "rechercherStructure": (
        "structures",
        "rechercher",
        {
            "identifiant_structure": "26750045200011",
            "type_identifiant_structure": "SIRET",
            "type_structure": "PUBLIQUE",
            "statut_structure": "ACTIF",
            "restreindre_structures_privees": True,
            "tri_colonne": "DesignationStructure",
            **PAGING,
        },
    ),
    "consulterStructureAvecTVAIntraCom": (
        "structures",
        "consulter",
        {"id_structure_cpp": 7, "code_langue": "FR"},
    ),
    "rechercherServicesStructure": (
        "structures",
        "rechercher_services",
        {"id_structure": 7, "tri_colonne": "CodeService", **PAGING},
    ),
    "consulterServiceStructure": (
        "structures",
        "consulter_service",
        {"id_structure": 7, "id_service": 11},
    ),
    "listerRattachementsStructureUtilisateur": (
        "structures",
        "lister_rattachements",
        {"id_structure": 7, "id_utilisateur": 5, "tri_colonne": "StatutRattachement", **PAGING},
    ),
    "rechercherEspaces": (
        "structures",
        "rechercher_espaces",
        {"id_service": 11, "id_structure": 7, "tri_colonne": "idEspaceFo", **PAGING},
    ),
}


class Recorder:
    """A Chorus Pro that answers every operation with a sample of its answer definition."""

    def __init__(self, variant: int = 0) -> None:
        self.variant = variant
        self.sent: list[tuple[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            return token_response()
        operation = next(op for op in OPERATIONS.values() if op.path == request.url.path)
        self.sent.append((operation.name, json.loads(request.content)))
        api, _path, _request, answer = SWAGGER[operation.name]
        return json_response(sample(api, answer, request=False, variant=self.variant))


def _client(handler: Callable[[httpx.Request], httpx.Response], credentials, account) -> ChorusPro:  # type: ignore[no-untyped-def]
    return ChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(handler)
    )


# --- coverage ----------------------------------------------------------------------------------


def test_every_swagger_path_has_an_sdk_method(credentials, account) -> None:  # type: ignore[no-untyped-def]
    missing = sorted(set(SWAGGER) - set(CALLS))
    assert not missing, f"operations without an SDK method: {missing}"
    recorder = Recorder()
    with _client(recorder, credentials, account) as client:
        for resource, method, arguments in CALLS.values():
            getattr(getattr(client, resource), method)(**arguments)
    called = {name for name, _body in recorder.sent}
    assert called == set(SWAGGER), sorted(set(SWAGGER) ^ called)
    for operation_id, (api, path, _request, _answer) in SWAGGER.items():
        assert OPERATIONS[operation_id].path == path
        assert API_OF[operation_id] == api


def test_the_call_table_uses_every_public_method() -> None:
    public = {
        ("factures", name)
        for name, _ in inspect.getmembers(Factures)
        if not name.startswith("_") and name != "wait_for_integration"
    } | {
        ("structures", name)
        for name, _ in inspect.getmembers(Structures)
        if not name.startswith("_")
    }
    assert public == {(resource, method) for resource, method, _ in CALLS.values()}


@pytest.mark.parametrize("operation_id", sorted(SWAGGER))
def test_safety_is_declared_per_operation(operation_id: str) -> None:
    writes = {
        "deposerFluxFacture",
        "soumettreFacture",
        "deposerPdfFacture",
        "traiterUneFactureRecue",
        "traiterFactureAValider",
        "completerFacture",
        "recyclerFacture",
        "traiterFacturesRejetees",
        "corrigerValideurFacture",
    }
    expected = Safety.UNSAFE if operation_id in writes else Safety.SAFE
    assert OPERATIONS[operation_id].safety is expected


# --- requests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", sorted(CALLS))
def test_the_request_the_sdk_builds_validates_against_the_swagger(
    operation_id: str, credentials, account
) -> None:  # type: ignore[no-untyped-def]
    resource, method, arguments = CALLS[operation_id]
    recorder = Recorder()
    with _client(recorder, credentials, account) as client:
        getattr(getattr(client, resource), method)(**arguments)
    [(name, body)] = recorder.sent
    assert name == operation_id
    api, _path, request, _answer = SWAGGER[operation_id]
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in strict_validator(api, request).iter_errors(body)
    ]
    assert not errors, errors
    if arguments:
        assert body, "the arguments were not sent"


def _request_definitions() -> Iterator[tuple[str, str]]:
    for api, _path, request, _answer in SWAGGER.values():
        yield api, request


@pytest.mark.parametrize(("api", "definition"), sorted(set(_request_definitions())))
def test_every_request_model_sends_back_the_json_it_was_built_from(
    api: str, definition: str
) -> None:
    model = getattr(m, definition)
    data = sample(api, definition, request=True)
    built = model.model_validate(data)
    sent = built.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert sent == data
    assert strict_validator(api, definition).is_valid(sent)


# --- answers -----------------------------------------------------------------------------------


def _walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    yield path, value
    if isinstance(value, pydantic.BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


@pytest.mark.parametrize("variant", range(len(DATE_SHAPES)))
@pytest.mark.parametrize("operation_id", sorted(SWAGGER))
def test_every_answer_of_the_swagger_parses_into_the_models(
    operation_id: str, variant: int
) -> None:
    api, _path, _request, answer = SWAGGER[operation_id]
    text = json.dumps(sample(api, answer, request=False, variant=variant))
    parsed = OPERATIONS[operation_id].response.model_validate(json.loads(text, parse_float=Decimal))
    undeclared = [
        (path, sorted(value.model_extra))
        for path, value in _walk(parsed)
        if isinstance(value, pydantic.BaseModel) and value.model_extra
    ]
    assert not undeclared, f"keys the models do not declare: {undeclared}"
    unknown = [
        (path, value)
        for path, value in _walk(parsed)
        if isinstance(value, ChorusEnum) and not value.is_known
    ]
    assert not unknown, f"codes read as unknown: {unknown}"
    assert parsed.code_retour == 0
    assert parsed.libelle == ("TRA_MSG_00.000" if "libelle" in json.loads(text) else None)


@pytest.mark.parametrize("operation_id", sorted(CALLS))
def test_every_method_returns_what_its_answer_holds(
    operation_id: str, credentials, account
) -> None:  # type: ignore[no-untyped-def]
    resource, method, arguments = CALLS[operation_id]
    with _client(Recorder(variant=1), credentials, account) as client:
        result = getattr(getattr(client, resource), method)(**arguments)
    assert result is not None
    if isinstance(result, bytes):
        assert result == FILE
    elif isinstance(result, list):
        assert len(result) == 2
    elif hasattr(result, "items"):
        assert len(result.items) == 2
