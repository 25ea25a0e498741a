"""The known defects of the official Chorus Pro Swagger files, and their normalisation.

The Factures and Structures Swagger files (Swagger 2.0, published by the AIFE) are the contract of
the SDK's models. A few of their definitions do not describe what the API really takes or sends:

* Java getters leaked into property names: ``getpLignesPoste`` for ``pLignesPoste``,
  ``getnbResultatsMaximum`` for ``nbResultatsMaximum``, ``getaMoa`` for ``aMoa``;
* a typo, ``numeroPieceSuiante`` (``numeroPieceSuivante`` elsewhere);
* ``pieceJointePrincipale`` declared as one object where clients send (and read) an array;
* money typed as an integer (``FactureRechercheValideur.montantHT``…);
* generic paging fields of the server's framework (``champsDeTri``, ``ordreTriGenerique``,
  ``taillePageGenerique``, ``indexPageGenerique``) and their empty ``TriColonne`` type, which no
  client sends;
* misspelt or cryptic definition names (``PieceJointeComplentaireSoumettreInput``, ``PJointe``).

Dates are typed ``date-time`` although the API sends and takes several shapes (``2016-03-18``,
``2016-05-24 15:02``, ISO 8601 with an offset): the models read all of them and send dates as
``YYYY-MM-DD``, so a date-time *format* is never checked against the Swagger.

This module states those defects once. :func:`normalise` applies them to a Swagger document; the
model generator (``scripts/generate_chorus_models.py``) and the contract tests use it, and so can
anything else that checks JSON against the Swagger files.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ALTERNATIVE_KEYS",
    "ARRAY_PROPERTIES",
    "DROPPED_DEFINITIONS",
    "DROPPED_PROPERTIES",
    "NUMBER_PROPERTIES",
    "RENAMED_DEFINITIONS",
    "RENAMED_PROPERTIES",
    "normalise",
]

RENAMED_DEFINITIONS: Mapping[str, str] = {
    "PieceJointeComplentaireSoumettreInput": "PieceJointeComplementaireSoumettreInput",
    "PiecejointePrincipale": "PieceJointePrincipale",
    "PJointe": "PieceJointe",
}
"""Definition names corrected (old name → name used by the SDK)."""

RENAMED_PROPERTIES: Mapping[tuple[str, str], str] = {
    ("ConsulterFactureParFournisseurParam", "getpLigneRecapTva"): "pLigneRecapTva",
    ("ConsulterFactureParFournisseurParam", "getpListePiecesJointes"): "pListePiecesJointes",
    ("ConsulterFactureParFournisseurParam", "getpLignesPoste"): "pLignesPoste",
    ("ParametreRechercheFactureATraiterParRecipiendaire", "getnbResultatsMaximum"): (
        "nbResultatsMaximum"
    ),
    ("PieceSuivante", "numeroPieceSuiante"): "numeroPieceSuivante",
    ("ParamModifierStructure", "getaMoa"): "aMoa",
}
"""Property keys corrected, by (definition, Swagger key) → key the SDK sends and reads."""

ALTERNATIVE_KEYS: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("PieceSuivante", "numeroPieceSuivante"): ("numeroPieceSuiante",),
    ("ParamModifierStructure", "aMoa"): ("getaMoa",),
}
"""Keys also accepted when reading an answer (the Swagger spelling may be what the server sends)."""

DROPPED_PROPERTIES = frozenset(
    {"champsDeTri", "ordreTriGenerique", "taillePageGenerique", "indexPageGenerique"}
)
"""Generic paging fields of the server's framework: never sent, ignored if received."""

DROPPED_DEFINITIONS = frozenset({"TriColonne"})
"""Definitions only the dropped properties use."""

ARRAY_PROPERTIES = frozenset(
    {
        ("SoumettreFactureParam", "pieceJointePrincipale"),
        ("FactureCpp", "pieceJointePrincipale"),
        ("FactureCppEmise", "pieceJointePrincipale"),
    }
)
"""Properties declared as one object that travel as an array of such objects."""

NUMBER_PROPERTIES = frozenset(
    {
        ("FactureRechercheValideur", "montantHT"),
        ("FactureRechercheValideur", "montantTTC"),
        ("FactureRechercheValideur", "montantAPayer"),
    }
)
"""Amounts declared as integers: they are decimal numbers."""


def normalise(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a Swagger 2.0 document with the known defects corrected.

    Definitions are renamed (and every ``$ref`` to them), properties renamed or dropped, the
    one-object-for-an-array properties turned into arrays, integer amounts into numbers.
    """
    result: dict[str, Any] = copy.deepcopy(dict(document))
    definitions: dict[str, Any] = {}
    for name, definition in result.get("definitions", {}).items():
        if name in DROPPED_DEFINITIONS:
            continue
        definitions[RENAMED_DEFINITIONS.get(name, name)] = _fix_definition(name, definition)
    result["definitions"] = definitions
    fixed: dict[str, Any] = _rename_refs(result)
    return fixed


def _fix_definition(name: str, definition: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key, schema in definition.get("properties", {}).items():
        if key in DROPPED_PROPERTIES:
            continue
        if (name, key) in ARRAY_PROPERTIES:
            schema = {"type": "array", "items": schema}
        if (name, key) in NUMBER_PROPERTIES:
            schema = {"type": "number"}
        properties[RENAMED_PROPERTIES.get((name, key), key)] = schema
    fixed = dict(definition)
    if "properties" in definition:
        fixed["properties"] = properties
    if "required" in definition:
        fixed["required"] = [
            RENAMED_PROPERTIES.get((name, key), key)
            for key in definition["required"]
            if key not in DROPPED_PROPERTIES
        ]
    return fixed


def _rename_refs(node: Any) -> Any:
    if isinstance(node, dict):
        renamed = {key: _rename_refs(value) for key, value in node.items()}
        ref = renamed.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            target = ref.removeprefix("#/definitions/")
            renamed["$ref"] = "#/definitions/" + RENAMED_DEFINITIONS.get(target, target)
        return renamed
    if isinstance(node, list):
        return [_rename_refs(item) for item in node]
    return node
