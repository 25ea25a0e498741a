"""Generate the Chorus Pro models from the official Swagger files.

Writes, under ``src/demat_sdk/chorus``:

* ``models/factures_*.py``, ``models/facture.py``, ``models/structures.py``: one pydantic class per
  Swagger definition (request bodies extend ``ChorusRequest``, answers ``ChorusResponse``, their
  parts ``ChorusModel``), after the corrections of ``demat_sdk.chorus.swagger``;
* ``tri.py``: the sort columns (``triColonne…``) of every search, as enumerations;
* ``models/__init__.py``: every model name, generated and hand-written.

Usage (from the project root, ``../shared`` beside it)::

    python scripts/generate_chorus_models.py            # write the files, then ruff-format them
    python scripts/generate_chorus_models.py --check    # exit 1 if a committed file is stale

``tests/test_chorus_generated.py`` runs :func:`render` and compares it with the committed files.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import keyword
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.alias_generators import to_camel

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "demat_sdk" / "chorus"


def _load(name: str) -> Any:
    """Load a module of the package by its path.

    Importing ``demat_sdk`` would import the generated modules, which may be stale or missing.
    """
    spec = importlib.util.spec_from_file_location(f"_generator_{name}", PACKAGE / f"{name}.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


enums = _load("enums")
swagger = _load("swagger")
DEFAULT_SWAGGER_DIR = ROOT.parent / "shared" / "reference" / "chorus-pro" / "swagger"

HEADER = (
    "# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.\n"
    "# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.\n"
)

# --- where each operation's models go --------------------------------------------------------

# operationId -> (module of the request body's classes, module of the answer's classes)
MODULES: dict[str, tuple[str, str]] = {
    "deposerFluxFacture": ("factures_emission", "factures_emission"),
    "deposerPdfFacture": ("factures_emission", "factures_emission"),
    "soumettreFacture": ("factures_emission", "factures_emission"),
    "completerFacture": ("factures_emission", "factures_emission"),
    "recyclerFacture": ("factures_emission", "factures_emission"),
    "traiterFacturesRejetees": ("factures_emission", "factures_emission"),
    "corrigerValideurFacture": ("factures_emission", "factures_emission"),
    "consulterFactureParFournisseur": ("factures_consultation", "facture"),
    "consulterFactureParRecipiendaire": ("factures_consultation", "facture"),
    "consulterFactureParValideur": ("factures_consultation", "facture"),
    "consulterHistoriqueFacture": ("factures_consultation", "factures_consultation"),
    "rechercherFactureParFournisseur": ("factures_recherche", "factures_resultats"),
    "rechercherFactureRecipiendaire": ("factures_recherche", "factures_resultats"),
    "rechercherFactureParValideur": ("factures_recherche", "factures_resultats"),
    "rechercherFactureATraiterParValideur": ("factures_recherche", "factures_resultats"),
    "rechercherFactureATraiterParRecipiendaire": ("factures_recherche", "factures_resultats"),
    "rechercherFactureATraiterParFournisseur": ("factures_recherche", "factures_resultats"),
    "rechercherDemandePaiement": ("factures_recherche", "factures_resultats"),
    "traiterUneFactureRecue": ("factures_traitement", "factures_traitement"),
    "traiterFactureAValider": ("factures_traitement", "factures_traitement"),
    "telechargerGroupeFacture": ("factures_traitement", "factures_traitement"),
    "recupererStatutsFactureVisiblesParValideur": ("factures_traitement", "factures_traitement"),
    "rechercherStructure": ("structures", "structures"),
    "consulterStructureAvecTVAIntraCom": ("structures", "structures"),
    "rechercherServicesStructure": ("structures", "structures"),
    "consulterServiceStructure": ("structures", "structures"),
    "listerRattachementsStructureUtilisateur": ("structures", "structures"),
    "rechercherEspaces": ("structures", "structures"),
}

MODULE_DOCS: dict[str, str] = {
    "factures_emission": (
        "Models of the supplier's writes to the Factures API.\n\n"
        "Deposit of a flux or a PDF, submission of an invoice, completion, recycling,\n"
        "acknowledgement of rejections, correction of the validator."
    ),
    "factures_consultation": (
        "Models of the invoice consultations and of the invoice history.\n\n"
        "Requests of ``consulterFacture…`` with the paging of their sub-lists, and both sides of\n"
        "``consulterHistoriqueFacture``."
    ),
    "facture": (
        "The invoice as the ``consulterFacture…`` operations return it.\n\n"
        "``FactureCpp``: a received invoice, seen by its recipient; ``FactureCppEmise``: an\n"
        "issued invoice, seen by its supplier or its validator."
    ),
    "factures_recherche": "Request bodies of the invoice searches and their paging parameters.",
    "factures_resultats": "Answers of the invoice searches: pages of invoices or payment requests.",
    "factures_traitement": (
        "Models of the recipient's and the validator's actions on invoices.\n\n"
        "Status change of a received invoice, validation, download, statuses a validator sees."
    ),
    "structures": (
        "Models of the Structures API.\n\n"
        "Search and consultation of structures and services, user attachments, workspaces."
    ),
}

# Classes defined by hand and shared by every API group.
BASE_CLASSES = {"ParametresRetour"}

# --- documentation -----------------------------------------------------------------------------

DOCS: dict[str, str] = {
    "Affactureur": "The factor (affactureur) an invoice is assigned to.",
    "CadreDeFacturationOutput": "Billing frame of an invoice, with its validators, MOE and MOA.",
    "CritereDestinatairePojo": "A recipient (and some of its services) to search invoices for.",
    "CritereFournisseurPojo": "A supplier (and some of its services) to search invoices from.",
    "DerniereAction": "Last user action on an invoice.",
    "Destinataire": "Recipient of a received invoice, with its address.",
    "DestinataireFactureEmise": "Recipient of an issued invoice, with its address.",
    "FactureCpp": "A received invoice as its recipient sees it.",
    "FactureCppEmise": "An issued invoice as its supplier (or validator) sees it.",
    "FactureRechercheRecipiendaire": "An invoice found by a recipient's search.",
    "FactureRechercheValideur": "An invoice found by a validator's search.",
    "FactureRechercherATraiterFournisseur": "An invoice the supplier has to act on.",
    "Fournisseur": "Supplier of a received invoice: identity, address, bank account, factor.",
    "FournisseurFactureEmise": "Supplier of an issued invoice: identity, address, bank account.",
    "HistoriqueActionUtilisateur": "One user action in an invoice's history.",
    "HistoriqueEvenement": "One additional event in an invoice's history.",
    "HistoriqueStatus": "One status change in an invoice's history.",
    "HistoriquesActionsUtilisateurs": "A page of an invoice's user actions.",
    "HistoriquesEvenements": "A page of an invoice's additional events.",
    "HistoriquesStatus": "A page of an invoice's status changes.",
    "IdFactureInput": "One invoice to download, by its Chorus Pro id.",
    "LignePoste": "An invoice line (ligne de poste) with its computed amounts.",
    "LignePosteSoumettreInput": "An invoice line (ligne de poste) of a submitted invoice.",
    "LigneTva": "A VAT summary line (one per rate).",
    "LigneTvaSoumettreInput": "A VAT summary line of a submitted invoice (one per rate).",
    "LignesPostes": "A page of an invoice's lines.",
    "LignesTva": "A page of an invoice's VAT summary lines.",
    "MontantTotal": "Totals of an invoice.",
    "ParamRechercheDemandeRecipiendaire": "Paging and sort of ``rechercherFactureRecipiendaire``.",
    "ParamRechercheFactureATraiterParFournisseur": (
        "Paging and sort of ``rechercherFactureATraiterParFournisseur``."
    ),
    "ParamRechercheHistoActionsUtilisateurs": "Paging and sort of the history's user actions.",
    "ParamRechercheHistoEvenementsComplementaires": "Paging and sort of the history's events.",
    "ParamRechercheHistoStatuts": "Paging and sort of the history's status changes.",
    "ParamRechercheLigneRecapTva": "Paging and sort of an invoice's VAT summary lines.",
    "ParamRechercheLignesPoste": "Paging and sort of an invoice's lines.",
    "ParamRechercheListePiecesJointes": "Paging and sort of an invoice's attachments.",
    "ParametreRechercheFactureATraiterParRecipiendaire": (
        "Paging and sort of ``rechercherFactureATraiterParRecipiendaire``."
    ),
    "ParametresRechercherFactureATraiterParValideur": (
        "Paging and sort of ``rechercherFactureATraiterParValideur``."
    ),
    "ParametresRechercherFactureParFournisseur": (
        "Paging and sort of ``rechercherFactureParFournisseur``."
    ),
    "ParametresRechercherFactureParValideur": (
        "Paging and sort of ``rechercherFactureParValideur``."
    ),
    "PieceJointe": "An attachment of an invoice.",
    "PieceJointeComplementaire": "An additional attachment given when completing an invoice.",
    "PieceJointeComplementaireSoumettreInput": "An additional attachment of a submitted invoice.",
    "PieceJointePrincipale": "The main attachment of an invoice (its PDF).",
    "PiecePrecedente": "The previous document of an issued works invoice.",
    "PiecePrecedenteConsulterFactureRecipiendaireOutput": (
        "The previous document of a received works invoice."
    ),
    "PieceSuivante": "The next document of an issued works invoice.",
    "PieceSuivanteConsulterFactureRecipiendaireOutput": (
        "The next document of a received works invoice."
    ),
    "PiecesJointes": "A page of an invoice's attachments.",
    "RechercherDemandePaiementOutputListeDemandePaiement": "A payment request found.",
    "RechercherDemandePaiementStructureDestinataireInput": "Recipient criterion of a search.",
    "RechercherDemandePaiementStructureFournisseurInput": "Supplier criterion of a search.",
    "RechercherDemandePaiementStructureMoaInput": "Project owner (MOA) criterion of a search.",
    "RechercherDemandePaiementStructureMoeInput": "Project manager (MOE) criterion of a search.",
    "RechercherDemandePaiementStructureValideurInput": "Validator criterion of a search.",
    "RecupererStatutsFactureVisiblesParValideurOutput": "A status a validator may see.",
    "References": "References of an invoice: dates, currency, kind, VAT, order, payment.",
    "RetourRechercherFactureParFournisseur": "An invoice found by a supplier's search.",
    "SoumettreFactureCadreDeFacturation": "Billing frame of a submitted invoice.",
    "SoumettreFactureDestinataire": "Recipient of an invoice: SIRET and service code.",
    "SoumettreFactureFournisseur": "Supplier of a submitted invoice, its service and bank account.",
    "SoumettreFactureMontantTotal": "Totals of a submitted invoice.",
    "SoumettreFacturePieceJointePrincipale": "The main attachment (PDF) of a submitted invoice.",
    "SoumettreFactureReferences": "References of a submitted invoice: currency, kind, VAT, order.",
    "TraiterFacturesRejeteesListeDemandePaiement": "A rejected invoice to acknowledge.",
    "AdressePostale": "A postal address, with phone and fax.",
    "InformationsGeneralesStructureCompleteTVAIntraCom": "General information of a structure.",
    "ParamListerRattachementsStructureUtilisateur": "Paging and sort of the user attachments.",
    "ParamModifierServiceInfoGeneral": "General information of a service.",
    "ParamModifierStructure": "Settings of a structure: what an invoice addressed to it needs.",
    "ParamParametre": "Settings of a service: validity dates, EJ required, payment reported.",
    "ParametresRechercherEspacesFo": "Paging and sort of ``rechercherEspaces``.",
    "ParametresRechercherServicesStructure": "Paging and sort of ``rechercherServicesStructure``.",
    "ParametresRechercherStructure": "Paging and sort of ``rechercherStructure``.",
    "ParametresStructureRechercherEspacesFo": "The structure whose workspaces are searched.",
    "RechercherStructureInput": "Criteria of a structure search.",
    "ServiceExpose": "A service of a structure.",
    "ServiceOutputListerRattachementsStructureUtilisateur": "A user's attachment to a service.",
    "StructureAAfficher": "A structure found.",
    "StructureDupliquee": "A structure this one was duplicated into.",
    "WsRetourEspaceFoServiceSxp": "A workspace of a service.",
}

# Sort-column enumerations: parameters definition -> (enum name, docstring).
TRI: dict[str, tuple[str, str]] = {
    "ParametresRechercherFactureParFournisseur": (
        "TriFacturesFournisseur",
        "Sort columns of ``rechercherFactureParFournisseur``.",
    ),
    "ParamRechercheDemandeRecipiendaire": (
        "TriFacturesRecipiendaire",
        "Sort columns of ``rechercherFactureRecipiendaire``.",
    ),
    "ParametresRechercherFactureParValideur": (
        "TriFacturesValideur",
        "Sort columns of ``rechercherFactureParValideur``.",
    ),
    "ParametresRechercherFactureATraiterParValideur": (
        "TriFacturesATraiterValideur",
        "Sort columns of ``rechercherFactureATraiterParValideur``.",
    ),
    "ParamRechercheFactureATraiterParFournisseur": (
        "TriFacturesATraiterFournisseur",
        "Sort columns of ``rechercherFactureATraiterParFournisseur``.",
    ),
    "ParametreRechercheFactureATraiterParRecipiendaire": (
        "TriFacturesATraiterRecipiendaire",
        "Sort columns of ``rechercherFactureATraiterParRecipiendaire``.",
    ),
    "ParamRechercheLignesPoste": ("TriLignesPoste", "Sort columns of an invoice's lines."),
    "ParamRechercheListePiecesJointes": (
        "TriPiecesJointes",
        "Sort columns of an invoice's attachments.",
    ),
    "ParamRechercheLigneRecapTva": (
        "TriRecapitulatifTva",
        "Sort columns of an invoice's VAT summary lines.",
    ),
    "ParamRechercheHistoStatuts": ("TriHistoStatuts", "Sort columns of the status history."),
    "ParamRechercheHistoEvenementsComplementaires": (
        "TriHistoEvenements",
        "Sort columns of the history's additional events.",
    ),
    "ParamRechercheHistoActionsUtilisateurs": (
        "TriHistoActions",
        "Sort columns of the history's user actions.",
    ),
    "ParametresRechercherStructure": ("TriStructures", "Sort columns of ``rechercherStructure``."),
    "ParametresRechercherServicesStructure": (
        "TriServices",
        "Sort columns of ``rechercherServicesStructure``.",
    ),
    "ParamListerRattachementsStructureUtilisateur": (
        "TriRattachements",
        "Sort columns of ``listerRattachementsStructureUtilisateur``.",
    ),
    "ParametresRechercherEspacesFo": ("TriEspaces", "Sort columns of ``rechercherEspaces``."),
}

# --- typing rules ------------------------------------------------------------------------------

# Text properties the Swagger leaves without an enumeration although they carry official codes:
# (definition or "*", key) -> enumeration of demat_sdk.chorus.enums.
ENUM_FOR_TEXT: dict[tuple[str, str], str] = {
    ("*", "statut"): "StatutFacture",
    ("*", "statutFacture"): "StatutFacture",
    ("*", "codeStatutFacture"): "StatutFacture",
    ("*", "statutCourant"): "StatutFacture",
    ("RechercherDemandePaiementOutputListeDemandePaiement", "etatCourant"): "StatutFacture",
    ("*", "typeDemandePaiement"): "TypeDemandePaiement",
    ("*", "modeDepot"): "ModeDepot",
    ("*", "typeFacture"): "TypeFacture",
    ("*", "typeFactureTravaux"): "TypeFactureTravaux",
    ("*", "cadreFacturation"): "CadreFacturation",
    ("*", "cadreFacturationPiecePrecedente"): "CadreFacturation",
    ("*", "cadreFacturationPieceSuivante"): "CadreFacturation",
    ("*", "typeIdentifiantValideur1"): "TypeIdentifiantStructure",
    ("*", "typeIdentifiantValideur2"): "TypeIdentifiantStructure",
    ("*", "affactureurTypeIdentifiant"): "TypeIdentifiantStructure",
    ("*", "typeIdentifiantMOE"): "TypeIdentifiantStructure",
    ("*", "typeIdentifiantMOA"): "TypeIdentifiantStructure",
    ("*", "dpOuDpArchive"): "DpOuDpArchive",
    ("*", "codeLangue"): "CodeLangue",
    ("TelechargerGroupeFactureParam", "format"): "FormatTelechargement",
}

# Text properties typed as a literal.
LITERAL_FOR_TEXT: dict[tuple[str, str], tuple[str, ...]] = {
    ("TelechargerGroupeFactureParam", "avecPiecesJointesComplementaires"): ("OUI", "NON"),
}

# Keys holding a file in base64.
FILE_KEYS = {"fichierFlux", "fichierFacture", "fichierResultat"}

# date-time properties that are dates: read as ``date`` (requests send every date as a date).
DATE_ONLY_KEYS = {
    "dateFacture",
    "dateEcheancePaiement",
    "dateFournisseur",
    "dateDebutValidite",
    "dateFinValidite",
    "dateExpirationMotPasseCompteTech",
}

# --- reading the Swagger -------------------------------------------------------------------------


@dataclass
class Operation:
    api: str
    operation_id: str
    request: str
    response: str


@dataclass
class ClassSpec:
    name: str
    definition: dict[str, Any]
    module: str
    role: str  # "request" | "response"
    operations_request: list[str] = field(default_factory=list)
    operations_response: list[str] = field(default_factory=list)


def _ref(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    return ref.removeprefix("#/definitions/") if ref else None


def load(swagger_dir: Path) -> tuple[list[Operation], dict[str, ClassSpec]]:
    operations: list[Operation] = []
    classes: dict[str, ClassSpec] = {}
    for api in ("factures", "structures"):
        document = swagger.normalise(
            json.loads((swagger_dir / f"{api}.json").read_text(encoding="utf-8"))
        )
        definitions = document["definitions"]
        for item in document["paths"].values():
            operation = item["post"]
            body = next(p for p in operation["parameters"] if p["in"] == "body")
            op = Operation(
                api=api,
                operation_id=operation["operationId"],
                request=_ref(body["schema"]) or "",
                response=_ref(operation["responses"]["200"]["schema"]) or "",
            )
            operations.append(op)
            request_module, response_module = MODULES[op.operation_id]
            for top, module, role in (
                (op.request, request_module, "request"),
                (op.response, response_module, "response"),
            ):
                for name in _closure(definitions, top):
                    if name in BASE_CLASSES:
                        continue
                    spec = classes.setdefault(
                        name, ClassSpec(name, definitions[name], module, role)
                    )
                    if (spec.module, spec.role) != (module, role):
                        raise SystemExit(f"{name} is used by two modules or roles")
                    if name == top:
                        target = (
                            spec.operations_request
                            if role == "request"
                            else spec.operations_response
                        )
                        target.append(op.operation_id)
    return operations, classes


def _closure(definitions: dict[str, Any], top: str) -> list[str]:
    """Definitions reachable from ``top``, dependencies first."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for schema in definitions[name].get("properties", {}).values():
            child = _ref(schema)
            if child is not None:
                visit(child)
        order.append(name)

    visit(top)
    return order


# --- Python names and types ----------------------------------------------------------------------


def snake(key: str) -> str:
    """``identifiantFactureCPP`` -> ``identifiant_facture_cpp``."""
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", key)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return text.lower()


def _enum_classes() -> dict[str, Any]:
    return {
        name: getattr(enums, name)
        for name in enums.__all__
        if name != "ChorusEnum" and isinstance(getattr(enums, name), type)
    }


ENUMS = _enum_classes()


def _enum_for_values(values: list[str]) -> str:
    wanted = set(values)
    candidates = [
        (len(members), name)
        for name, enum in ENUMS.items()
        if wanted <= (members := {member.value for member in enum})
    ]
    if not candidates:
        raise SystemExit(f"no enumeration of demat_sdk.chorus.enums holds {sorted(wanted)}")
    candidates.sort()
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        raise SystemExit(f"two enumerations fit {sorted(wanted)}: {candidates[:2]}")
    return candidates[0][1]


@dataclass
class Imports:
    modules: dict[str, set[str]] = field(default_factory=dict)

    def add(self, module: str, name: str) -> str:
        self.modules.setdefault(module, set()).add(name)
        return name


@dataclass
class FieldSpec:
    name: str
    annotation: str
    default: str
    note: str | None = None


def _enum_annotation(enum_name: str, values: list[str] | None, role: str, imports: Imports) -> str:
    imports.add("demat_sdk.chorus.enums", enum_name)
    if role == "response":
        return enum_name
    imports.add("typing", "Annotated")
    imports.add("demat_sdk.chorus.models.fields", "official")
    enum = ENUMS[enum_name]
    allowed = ""
    if values is not None and set(values) != {member.value for member in enum}:
        kept = [f"{enum_name}.{member.name}" for member in enum if member.value in set(values)]
        dropped = [f"{enum_name}.{m.name}" for m in enum if m.value not in set(values)]
        if len(dropped) < len(kept):
            allowed = f"excluding=[{', '.join(dropped)}]"
        else:
            allowed = ", ".join(kept)
    return f"Annotated[{enum_name}, official({allowed})]"


def _scalar(definition: str, key: str, schema: dict[str, Any], role: str, imports: Imports) -> str:
    kind = schema.get("type")
    tri = TRI.get(definition)
    if "enum" in schema and key.startswith("triColonne") and tri is not None:
        imports.add("demat_sdk.chorus.tri", tri[0])
        if role == "response":
            return tri[0]
        imports.add("typing", "Annotated")
        imports.add("demat_sdk.chorus.models.fields", "official")
        return f"Annotated[{tri[0]}, official()]"
    if "enum" in schema:
        return _enum_annotation(_enum_for_values(schema["enum"]), schema["enum"], role, imports)
    text_enum = ENUM_FOR_TEXT.get((definition, key)) or ENUM_FOR_TEXT.get(("*", key))
    if kind == "string" and text_enum is not None:
        return _enum_annotation(text_enum, None, role, imports)
    literal = LITERAL_FOR_TEXT.get((definition, key))
    if literal is not None:
        imports.add("typing", "Literal")
        return "Literal[" + ", ".join(json.dumps(value) for value in literal) + "]"
    if kind == "string" and key in FILE_KEYS:
        return imports.add("demat_sdk.chorus.models.fields", "FichierBase64")
    if kind == "string" and schema.get("format") == "date-time":
        if role == "request":
            imports.add("datetime", "date")
            return "date"
        name = "ChorusDate" if key in DATE_ONLY_KEYS else "ChorusDateTime"
        return imports.add("demat_sdk.chorus.models.fields", name)
    if kind == "string":
        return "str"
    if kind == "integer":
        return "int"
    if kind == "boolean":
        return "bool"
    if kind == "number":
        if role == "request":
            return imports.add("demat_sdk.chorus.models.fields", "JsonDecimal")
        imports.add("decimal", "Decimal")
        return "Decimal"
    raise SystemExit(f"{definition}.{key}: unsupported schema {schema}")


def field_spec(
    spec: ClassSpec,
    key: str,
    schema: dict[str, Any],
    classes: dict[str, ClassSpec],
    imports: Imports,
) -> FieldSpec:
    definition = spec.name
    name = snake(key)
    if keyword.iskeyword(name) or hasattr(BaseModel, name):
        raise SystemExit(f"{definition}.{key}: {name!r} cannot be a field name")
    child = _ref(schema)
    if child is not None:
        if child in BASE_CLASSES:
            imports.add("demat_sdk.chorus.models.base", child)
        elif classes[child].module != spec.module:
            imports.add(f"demat_sdk.chorus.models.{classes[child].module}", child)
        item = child
    else:
        item = _scalar(definition, key, schema.get("items", schema), spec.role, imports)
    is_list = schema.get("type") == "array"
    keywords: list[str] = []
    if is_list and spec.role == "response":
        imports.add("demat_sdk.chorus.models.fields", "LenientList")
        annotation = f"LenientList[{item}]"
        keywords.append("default_factory=list")
    else:
        annotation = f"list[{item}] | None" if is_list else f"{item} | None"
        keywords.append("default=None")
    if to_camel(name) != key:
        keywords.append(f"alias={json.dumps(key)}")
    alternatives = swagger.ALTERNATIVE_KEYS.get((definition, key), ())
    if alternatives and spec.role == "response":
        imports.add("pydantic", "AliasChoices")
        choices = ", ".join(json.dumps(k) for k in (key, *alternatives))
        keywords.append(f"validation_alias=AliasChoices({choices})")
    if key in FILE_KEYS:
        keywords.append("repr=False")
    if keywords == ["default=None"]:
        default = "None"
    else:
        imports.add("pydantic", "Field")
        default = f"Field({', '.join(keywords)})"
    return FieldSpec(name, annotation, default, _note(definition, key))


def _note(definition: str, key: str) -> str | None:
    for (where, old), new in swagger.RENAMED_PROPERTIES.items():
        if where == definition and new == key:
            return f"The Swagger spells this key ``{old}``."
    if (definition, key) in swagger.ARRAY_PROPERTIES:
        return "An array: the Swagger declares a single object, the API uses an array."
    if (definition, key) in swagger.NUMBER_PROPERTIES:
        return "A decimal amount: the Swagger declares an integer."
    return None


def docstring(spec: ClassSpec) -> str:
    if spec.operations_request:
        return f"Request body of ``{spec.operations_request[0]}``."
    if spec.operations_response:
        names = " and ".join(f"``{name}``" for name in spec.operations_response)
        return f"Answer of {names}."
    if spec.name not in DOCS:
        raise SystemExit(f"no docstring for {spec.name}: add it to DOCS")
    return DOCS[spec.name]


# --- rendering -----------------------------------------------------------------------------------


def _render_imports(imports: Imports) -> list[str]:
    sections: list[list[str]] = [[], [], []]
    for module in sorted(imports.modules):
        names = sorted(imports.modules[module], key=_isort_key)
        if module.startswith("demat_sdk"):
            section = sections[2]
        elif module == "pydantic":
            section = sections[1]
        else:
            section = sections[0]
        line = f"from {module} import {', '.join(names)}"
        if len(line) <= 100:
            section.append(line)
        else:
            section.append(
                f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"
            )
    sections[0].insert(0, "from __future__ import annotations\n")
    blocks = ["\n".join(lines) for lines in sections if lines]
    return blocks


def _isort_key(name: str) -> tuple[int, str, str]:
    """Order of ruff's isort: constants, classes, others; case-insensitive inside each."""
    if name.isupper():
        return (0, name.lower(), name)
    if name[:1].isupper():
        return (1, name.lower(), name)
    return (2, name.lower(), name)


def _all_block(names: list[str]) -> str:
    ordered = sorted(names)
    return "__all__ = [\n" + "".join(f'    "{name}",\n' for name in ordered) + "]"


def render_module(module: str, specs: list[ClassSpec], classes: dict[str, ClassSpec]) -> str:
    imports = Imports()
    bodies: list[str] = []
    for spec in specs:
        if spec.role == "request":
            base = "ChorusRequest"
        elif spec.operations_response:
            base = "ChorusResponse"
        else:
            base = "ChorusModel"
        imports.add("demat_sdk.chorus.models.base", base)
        lines = [f"class {spec.name}({base}):", f'    """{docstring(spec)}"""']
        properties = spec.definition.get("properties", {})
        fields = [
            field_spec(spec, key, schema, classes, imports)
            for key, schema in properties.items()
            if not (base == "ChorusResponse" and key in {"codeRetour", "libelle"})
        ]
        if fields:
            lines.append("")
        for spec_field in fields:
            lines.append(f"    {spec_field.name}: {spec_field.annotation} = {spec_field.default}")
            if spec_field.note:
                lines.append(f'    """{spec_field.note}"""')
        bodies.append("\n".join(lines))
    parts = [
        HEADER + _module_docstring(MODULE_DOCS[module]),
        *_render_imports(imports),
        _all_block([spec.name for spec in specs]),
        *bodies,
    ]
    return _join(parts)


def _module_docstring(text: str) -> str:
    return f'"""{text}\n"""' if "\n" in text else f'"""{text}"""'


def _join(parts: list[str]) -> str:
    text = ""
    for index, part in enumerate(parts):
        if index:
            separator = "\n\n\n" if part.startswith("class ") else "\n\n"
            text += separator
        text += part
    return text + "\n"


def render_tri(swagger_dir: Path) -> str:
    found: dict[str, tuple[str, str, list[str]]] = {}
    for api in ("factures", "structures"):
        document = swagger.normalise(
            json.loads((swagger_dir / f"{api}.json").read_text(encoding="utf-8"))
        )
        for name, definition in document["definitions"].items():
            for key, schema in definition.get("properties", {}).items():
                if key.startswith("triColonne") and "enum" in schema:
                    enum_name, doc = TRI[name]
                    found[enum_name] = (doc, key, schema["enum"])
    bodies = []
    for enum_name in sorted(found):
        doc, key, values = found[enum_name]
        lines = [f"class {enum_name}(ChorusEnum):", f'    """{doc[:-1]} (``{key}``)."""', ""]
        lines += [
            f'    {value} = "{value}"' + ("" if value[:1].isupper() else "  # noqa: N815")
            for value in values
        ]
        bodies.append("\n".join(lines))
    parts = [
        HEADER
        + '"""Sort columns of the Chorus Pro searches (``triColonne``), one enum per search.\n\n'
        + "Member names are the official values (``TriFacturesFournisseur.DateDepot``); pass them\n"
        + 'with a ``TriSens`` (``Ascendant``, ``Descendant``).\n"""',
        "from __future__ import annotations",
        "from demat_sdk.chorus.enums import ChorusEnum",
        _all_block(list(found)),
        *bodies,
    ]
    return _join(parts)


HAND_WRITTEN_MODELS = ("base", "engagements", "transverses", "utilisateurs")


def _declared_names(path: Path) -> list[str]:
    """The ``__all__`` of a module, read without importing it."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    raise SystemExit(f"{path} has no __all__")


def render_init(generated: dict[str, list[str]]) -> str:
    modules: dict[str, list[str]] = {}
    for name in HAND_WRITTEN_MODELS:  # the models, not the helpers of base.py
        declared = _declared_names(PACKAGE / "models" / f"{name}.py")
        modules[name] = [model for model in declared if model[:1].isupper()]
    modules.update(generated)
    owner: dict[str, str] = {}
    for module, names in modules.items():
        for name in names:
            if name in owner:
                raise SystemExit(f"{name} is defined in {owner[name]} and {module}")
            owner[name] = module
    lines = []
    for module in sorted(modules):
        names = sorted(modules[module], key=_isort_key)
        lines.append(
            f"from demat_sdk.chorus.models.{module} import (\n"
            + "".join(f"    {n},\n" for n in names)
            + ")"
        )
    parts = [
        HEADER
        + '"""Pydantic models of the Chorus Pro API, by API group.\n\n'
        + "Every model is importable from here (``from demat_sdk.chorus.models import\n"
        + "SoumettreFactureParam``); :mod:`demat_sdk.chorus.models.fields` holds their field\n"
        + "types.\n"
        + '"""',
        "\n".join(lines),
        _all_block(list(owner)),
    ]
    return _join(parts)


def render(swagger_dir: Path = DEFAULT_SWAGGER_DIR) -> dict[Path, str]:
    """Every generated file: path -> content (before ruff format)."""
    _operations, classes = load(swagger_dir)
    by_module: dict[str, list[ClassSpec]] = {}
    for spec in classes.values():
        by_module.setdefault(spec.module, []).append(spec)
    files: dict[Path, str] = {}
    for module, specs in by_module.items():
        files[PACKAGE / "models" / f"{module}.py"] = render_module(module, specs, classes)
    files[PACKAGE / "tri.py"] = render_tri(swagger_dir)
    generated = {module: [spec.name for spec in specs] for module, specs in by_module.items()}
    files[PACKAGE / "models" / "__init__.py"] = render_init(generated)
    return files


def same_code(left: str, right: str) -> bool:
    """Whether two sources are the same program (formatting aside)."""
    return ast.dump(ast.parse(left)) == ast.dump(ast.parse(right))


def _stale(files: dict[Path, str]) -> Iterator[Path]:
    for path, text in files.items():
        if not path.exists() or not same_code(path.read_text(encoding="utf-8"), text):
            yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swagger-dir", type=Path, default=DEFAULT_SWAGGER_DIR)
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    files = render(args.swagger_dir)
    stale = list(_stale(files))
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if Path(ruff).exists():
        subprocess.run([ruff, "format", "--quiet", *map(str, files)], check=True)
    print(f"wrote {len(files)} files ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
