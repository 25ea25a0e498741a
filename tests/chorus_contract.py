"""The contract the emulator is held to: the official Swagger files, made strict.

Every JSON answer of the emulator is validated against the response schema of its operation,
with ``additionalProperties: false`` added to every object so that a misspelt key fails. The
Swagger declares only the 200 answer: business refusals (HTTP 400 or 200 with
``codeRetour != 0``) are validated against it too — every ``WsRetour…`` only requires
``codeRetour`` and ``libelle``.

The transverses, utilisateurs and engagements juridiques APIs have no published Swagger; their
schemas below are written from the reference notes (§3.3–3.5), in the same strict style.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import jsonschema

from tests_support import swagger

_ENVELOPE = {"codeRetour": {"type": "integer"}, "libelle": {"type": "string"}}
_PAGING = {
    "type": "object",
    "properties": {
        "pageCourante": {"type": "integer"},
        "pages": {"type": "integer"},
        "nbResultatsParPage": {"type": "integer"},
        "total": {"type": "integer"},
    },
}
_STRING = {"type": "string"}
_INTEGER = {"type": "integer"}
_NUMBER = {"type": "number"}
_BOOLEAN = {"type": "boolean"}


def _answer(**properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["codeRetour", "libelle"],
        "properties": {**_ENVELOPE, **properties},
    }


def _list_of(**properties: Any) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "object", "properties": properties}}


_STRUCTURES_ACTIVES = _answer(
    listeStructures=_list_of(
        idStructureCPP=_INTEGER, identifiant=_STRING, designationStructure=_STRING
    )
)

SUPPLEMENT: dict[str, dict[str, Any]] = {
    "/cpro/transverses/v1/health-check": {
        "type": "object",
        "properties": {"body": _STRING, "statusCode": _STRING, "statusCodeValue": _INTEGER},
    },
    "/cpro/transverses/v1/recuperer/devises": _answer(
        listeDevises=_list_of(codeDevise=_STRING, libelleDevise=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/pays": _answer(
        listePays=_list_of(codePays=_STRING, libellePays=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/tauxtva": _answer(
        listeTauxTva=_list_of(codeTauxTva=_STRING, libelleTauxTva=_STRING, valeurTauxTva=_NUMBER)
    ),
    "/cpro/transverses/v1/recuperer/motifs/exonerationtva": _answer(
        listeMotifsExonerationTva=_list_of(
            codeMotifExonerationTva=_STRING, libelleMotifExonerationTva=_STRING
        )
    ),
    "/cpro/transverses/v1/recuperer/modereglements": _answer(
        listeModePaiement=_list_of(modePaiement=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/modedepot": _answer(listeModeDepot=_list_of(modeDepot=_STRING)),
    "/cpro/transverses/v1/recuperer/formatflux": _answer(
        listeFormatFlux=_list_of(formatFlux=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/cadrefacturation": _answer(
        listeCadreFacturation=_list_of(codeCadreFacturation=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/typedp": _answer(
        listeTypeDemandePaiement=_list_of(typeDemandePaiement=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/etats/traitement": _answer(
        listeStatutsPossiblesPourTraitement=_list_of(statutPossiblePourTraitement=_STRING)
    ),
    "/cpro/transverses/v1/recuperer/etat/typedp": _answer(
        listeEtatDemandePaiement=_list_of(etatDemandePaiement=_STRING)
    ),
    "/cpro/transverses/v1/consulterCR": _answer(
        numeroFluxDepot=_STRING,
        etatCourantFlux=_STRING,
        dateDepotFlux=_STRING,
        dateHeureEtatCourantFlux=_STRING,
        codeInterfaceFlux=_STRING,
        codeAppliPartenaire=_STRING,
        designationPartenaire=_STRING,
        nomFichierFlux=_STRING,
        fichierCR=_STRING,
    ),
    "/cpro/transverses/v1/consulterCRDetaille": _answer(
        etatCourantDepotFlux=_STRING,
        dateDepotFlux=_STRING,
        dateHeureEtatCourantFlux=_STRING,
        codeInterfaceDepotFlux=_STRING,
        nomFichier=_STRING,
        listeErreurDP=_list_of(
            identifiantDestinataire=_STRING,
            identifiantFournisseur=_STRING,
            numeroDP=_STRING,
            libelleErreurDP=_STRING,
        ),
        listeErreurTechnique=_list_of(
            codeErreur=_STRING, libelleErreur=_STRING, natureErreur=_STRING
        ),
    ),
    "/cpro/transverses/v1/recuperer/typespj": _answer(
        listeTypePieceJointe=_list_of(
            idTypePieceJointe=_INTEGER,
            codeTypePieceJointe=_STRING,
            libelleTypePieceJointe=_STRING,
            typeObjet=_STRING,
        )
    ),
    "/cpro/transverses/v1/recuperer/motifs/refus/Facture/AValider": _answer(
        listeMotifRefusFactureAValider=_list_of(
            idMotif=_INTEGER, codeMotif=_STRING, libelleMotif=_STRING
        )
    ),
    "/cpro/transverses/v1/telecharger/annuaire/destinataire": _answer(fichierResultat=_STRING),
    "/cpro/transverses/v1/ajouter/fichier": _answer(pieceJointeId=_INTEGER),
    "/cpro/transverses/v1/recuperer/structures/actives/fournisseur": _STRUCTURES_ACTIVES,
    "/cpro/transverses/v1/recuperer/structures/actives/destinataire": _STRUCTURES_ACTIVES,
    "/cpro/transverses/v1/recuperer/coordbanc/valides": _answer(
        listeCoordonneeBancaire=_list_of(
            idCoordonneeBancaire=_INTEGER, nomCoordonneeBancaire=_STRING
        )
    ),
    "/cpro/transverses/v1/rechercher/destinataire": _answer(
        listeDestinataires=_list_of(
            idStructureCPP=_INTEGER,
            siret=_STRING,
            nomDestinataire=_STRING,
            adresseCodePostal=_STRING,
            adresseVille=_STRING,
        ),
        parametresRetour=_PAGING,
    ),
    "/cpro/transverses/v1/consulter/information/siret": _answer(
        siret=_STRING,
        siren=_STRING,
        raisonSociale=_STRING,
        estActif=_BOOLEAN,
        adresse=_STRING,
        nonDiffusibleInsee=_BOOLEAN,
    ),
    "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements": _answer(
        listeStructureRattachement=_list_of(
            idStructure=_INTEGER,
            identifiantStructure=_STRING,
            typeIdentifiantStructure=_STRING,
            designationStructure=_STRING,
            roleUtilisateur=_STRING,
            statutUtilisateur=_STRING,
            statutRattachementStructure=_STRING,
            idRattachementStructure=_INTEGER,
            listeServicesRattache=_list_of(
                idService=_INTEGER,
                codeService=_STRING,
                libelleService=_STRING,
                estActif=_BOOLEAN,
                statutService=_STRING,
                statutRattachementService=_STRING,
                idRattachementService=_INTEGER,
                dateDbtService={"type": ["string", "null"]},
                dateFinService={"type": ["string", "null"]},
            ),
        ),
        parametresRetour=_PAGING,
    ),
    "/cpro/engagementsJuridiques/v1/rechercher": _answer(
        listeEngagementJuridique=_list_of(
            idEngagementJuridique=_INTEGER,
            numeroEngagementJuridique=_STRING,
            libelleEtatCourantEJ=_STRING,
            libelleTypeEngagementJuridique=_STRING,
            dateCreationEJ=_STRING,
            montantTotalHt=_NUMBER,
            montantTotalTtc=_NUMBER,
            codeServiceExecutant=_STRING,
            libelleServiceExecutant=_STRING,
            codeServiceExecutantEmetteur=_STRING,
            libelleServiceExecutantEmetteur=_STRING,
            structureReceptrice=_STRING,
            statutStructureReceptrice=_STRING,
        ),
        parametresRetour=_PAGING,
    ),
}
"""Schemas of the operations without a published Swagger (reference notes §3.3–3.5)."""


def _strict(node: Any) -> Any:
    """A copy of a schema where every object with properties forbids other keys."""
    if isinstance(node, dict):
        strict = {key: _strict(value) for key, value in node.items()}
        if "properties" in strict and "additionalProperties" not in strict:
            strict["additionalProperties"] = False
        return strict
    if isinstance(node, list):
        return [_strict(item) for item in node]
    return node


class Contract:
    """Validators of the requests and answers of every operation, keyed by path."""

    def __init__(self) -> None:
        self.responses: dict[str, jsonschema.Draft4Validator] = {}
        self.requests: dict[str, jsonschema.Draft4Validator] = {}
        self.operations: dict[str, str] = {}
        for name, base in (("factures", "/cpro/factures"), ("structures", "/cpro/structures")):
            spec = swagger(name)
            strict_definitions = _strict(copy.deepcopy(spec["definitions"]))
            for path, methods in spec["paths"].items():
                operation = methods["post"]
                full = base + path
                self.operations[full] = operation["operationId"]
                ref = operation["responses"]["200"]["schema"]["$ref"]
                self.responses[full] = jsonschema.Draft4Validator(
                    {"definitions": strict_definitions, "$ref": ref}
                )
                for parameter in operation["parameters"]:
                    if parameter.get("in") == "body":
                        self.requests[full] = jsonschema.Draft4Validator(
                            {
                                "definitions": spec["definitions"],
                                "$ref": parameter["schema"]["$ref"],
                            }
                        )
        for path, schema in SUPPLEMENT.items():
            self.responses[path] = jsonschema.Draft4Validator(_strict(schema))
        self.refusal = jsonschema.Draft4Validator(
            _strict(
                {
                    "definitions": swagger("factures")["definitions"],
                    "$ref": "#/definitions/WsRetour",
                }
            )
        )

    def check_response(self, path: str, payload: Any) -> None:
        """Raise ``AssertionError`` naming the path when ``payload`` breaks the contract.

        A business refusal (``codeRetour != 0``) must be exactly a ``WsRetour``: ``codeRetour``
        and ``libelle``, nothing else.
        """
        validator = self.responses.get(path)
        assert validator is not None, f"no schema for {path}"
        if isinstance(payload, dict) and payload.get("codeRetour", 0) != 0:
            validator = self.refusal
        errors = sorted(validator.iter_errors(payload), key=lambda error: list(error.path))
        assert not errors, f"{path}: " + "; ".join(
            f"{'/'.join(map(str, error.path)) or '(root)'}: {error.message}" for error in errors[:5]
        )

    def check_request(self, path: str, payload: Any) -> None:
        """Check a request the tests send against the official schema (when there is one)."""
        validator = self.requests.get(path)
        if validator is None:
            return
        errors = list(validator.iter_errors(payload))
        assert not errors, f"request to {path}: " + "; ".join(error.message for error in errors[:5])


@cache
def contract() -> Contract:
    """The contract, built once per test session."""
    return Contract()
