"""The official Swagger files as JSON Schemas, and instances built from their definitions.

``sample(api, definition)`` fills every property of a definition (and of the definitions it
refers to) with a value of the declared type: the Swagger's own ``example`` when it gives one, an
official code for enumerations and for the text fields that carry codes, each date shape the API
really writes, base64 for files. ``variant`` rotates the codes and date shapes chosen.
"""

from __future__ import annotations

import base64
import copy
from functools import cache
from typing import Any

from jsonschema import Draft4Validator

from demat_sdk.chorus.swagger import normalise

from tests_support import swagger

DATE_SHAPES = (
    "2016-03-18",
    "2016-05-24 15:02",
    "2018-02-16T15:10:25.536+01:00",
    "2026-04-03 09:15:42",
)
"""Every date shape Chorus Pro was seen writing in answers."""

REQUEST_DATE = "2016-02-05"
"""Requests send dates alone."""

FILE = b"%PDF-1.4 fichier de test\n"
FILE_KEYS = {"fichierFlux", "fichierFacture", "fichierResultat"}

# Text fields the Swagger leaves free although they carry official codes (or a fixed set).
TEXT_CODES: dict[str, tuple[str, ...]] = {
    "statut": ("MISE_A_DISPOSITION", "SUSPENDUE", "MANDATEE"),
    "statutFacture": ("DEPOSEE", "VALIDEE_1"),
    "codeStatutFacture": ("SERVICE_FAIT", "A_VALIDER_1"),
    "statutCourant": ("MISE_A_DISPOSITION", "COMPLETEE"),
    "etatCourant": ("MANDATEE", "REJETEE"),
    "typeDemandePaiement": ("FACTURE", "FACTURE_TRAVAUX"),
    "modeDepot": ("SAISIE_API", "EDI"),
    "typeFacture": ("FACTURE", "AVOIR"),
    "typeFactureTravaux": ("ETAT_ACOMPTE", "DECOMPTE_GENERAL"),
    "cadreFacturation": ("A1_FACTURE_FOURNISSEUR", "A9_FACTURE_SOUSTRAITANT"),
    "cadreFacturationPiecePrecedente": ("A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",),
    "cadreFacturationPieceSuivante": ("A5_ETAT_ACOMPTE_FOURNISSEUR",),
    "typeIdentifiantValideur1": ("SIRET", "HORS_UE"),
    "typeIdentifiantValideur2": ("SIRET",),
    "affactureurTypeIdentifiant": ("SIRET",),
    "typeIdentifiantMOE": ("SIRET",),
    "typeIdentifiantMOA": ("UE_HORS_FRANCE",),
    "dpOuDpArchive": ("DEMANDE_PAIEMENT", "DP_ARCHIVE"),
    "codeLangue": ("FR", "EN"),
    "format": ("PDF", "PIVOT"),
    "avecPiecesJointesComplementaires": ("OUI", "NON"),
}


@cache
def normalised(api: str) -> dict[str, Any]:
    """The Swagger file ``factures`` or ``structures`` with its known defects corrected."""
    return normalise(swagger(api))


def operations(api: str) -> list[tuple[str, str, str, str]]:
    """``(path, operationId, request definition, answer definition)`` of every operation."""
    document = normalised(api)
    found = []
    for path, item in document["paths"].items():
        operation = item["post"]
        body = next(p for p in operation["parameters"] if p["in"] == "body")
        found.append(
            (
                document["basePath"] + path,
                operation["operationId"],
                body["schema"]["$ref"].rsplit("/", 1)[1],
                operation["responses"]["200"]["schema"]["$ref"].rsplit("/", 1)[1],
            )
        )
    return found


@cache
def strict_validator(api: str, definition: str) -> Draft4Validator:
    """A validator of ``definition`` that also refuses keys the Swagger does not declare."""
    definitions = copy.deepcopy(normalised(api)["definitions"])
    for schema in definitions.values():
        if "properties" in schema or schema.get("type") == "object":
            schema["additionalProperties"] = False
    return Draft4Validator({"definitions": definitions, "$ref": f"#/definitions/{definition}"})


def sample(api: str, definition: str, *, request: bool, variant: int = 0) -> dict[str, Any]:
    """An instance of ``definition`` with every property filled."""
    definitions = normalised(api)["definitions"]
    counter = iter(range(1, 1_000_000))

    def value(key: str, schema: dict[str, Any], depth: int) -> Any:
        if "$ref" in schema:
            return build(schema["$ref"].rsplit("/", 1)[1], depth + 1)
        if "example" in schema:
            return schema["example"]
        kind = schema.get("type")
        if kind == "array":
            return [value(key, schema["items"], depth) for _ in range(2)]
        if "enum" in schema:
            return _pick(schema["enum"], variant)
        if key in TEXT_CODES and kind == "string":
            return _pick(TEXT_CODES[key], variant)
        if key in FILE_KEYS:
            return base64.b64encode(FILE).decode("ascii")
        if kind == "string" and schema.get("format") == "date-time":
            return REQUEST_DATE if request else _pick(DATE_SHAPES, variant + next(counter))
        if kind == "string":
            return f"{key}-{next(counter)}"
        if kind == "integer":
            return 100 + next(counter)
        if kind == "number":
            return 1000 + next(counter) + 0.25
        if kind == "boolean":
            return variant % 2 == 0
        raise AssertionError(f"{definition}.{key}: no sample for {schema}")

    def build(name: str, depth: int) -> dict[str, Any]:
        if depth > 8:
            raise AssertionError(f"{name}: the definitions refer to themselves")
        properties = definitions[name].get("properties", {})
        return {key: value(key, schema, depth) for key, schema in properties.items()}

    return build(definition, 0)


def _pick(choices: Any, variant: int) -> Any:
    return choices[variant % len(choices)]
