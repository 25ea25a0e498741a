"""The two blocks every PES file opens with: ``Enveloppe`` and ``EnTetePES``.

An ACK copies them from the PES_Aller it answers (the ``NomFic`` is how a sender matches the ACK
to its file); a ``PES_ACQUIT_RETOUR`` has its own; a ``PES_Retour`` has a lighter variant
(``CodColl`` instead of ``CodCol``, every field optional in the enveloppe). One model reads all of
them; the writers emit the ``PES_Aller`` flavour (``cm:TEnveloppe``, ``cm:TEnTetePES``) that the
ACK and ``PES_ACQUIT_RETOUR`` schemas require.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree

from demat_sdk.pes.acquit._facets import Checks
from demat_sdk.pes.acquit._reading import Node, as_date, as_int, as_text
from demat_sdk.pes.acquit._writing import Encoding, leaf

__all__ = [
    "CarteVisite",
    "EnTetePES",
    "Enveloppe",
    "check_en_tete",
    "check_enveloppe",
    "read_en_tete",
    "read_enveloppe",
    "require_headers",
    "write_en_tete",
    "write_enveloppe",
]

_CODIQUE = re.compile(r"02[AB][0-9]{3,4}|[0-9]{6,7}")
_CODE_COLLECTIVITE = re.compile(r"[0-9]{3}")
_CODE_BUDGET = re.compile(r"[0-9A-Z][0-9]")


@dataclass(kw_only=True)
class CarteVisite:
    """Who sent or receives a file (``Emetteur``, ``Recepteur``).

    Attributes:
        sigle: ``Sigle`` — the software publisher for an ``Emetteur`` (≤ 32), ``HELIOS`` for
            the usual ``Recepteur``.
        adresse: ``Adresse`` — name and version of the application (≤ 38), or the receiver's
            address (``READRESSE``).
    """

    sigle: str | None = None
    adresse: str | None = None


@dataclass(kw_only=True)
class Enveloppe:
    """``Enveloppe``: the file's identity (``Parametres``) and its two parties.

    Attributes:
        version: ``Parametres/Version`` — version of the enveloppe (2).
        type_fichier: ``Parametres/TypFic`` — ``PESALR1`` for a PES_Aller, echoed by its ACK;
            ``PES2R_DEP`` for a dépense return…
        nom_fichier: ``Parametres/NomFic`` — the file name the sender chose: the key that ties
            an ACK to the PES_Aller it answers.
        emetteur: ``Emetteur`` — mandatory in ACK and ``PES_ACQUIT_RETOUR`` files.
        recepteur: ``Recepteur``.
    """

    version: int = 2
    type_fichier: str
    nom_fichier: str
    emetteur: CarteVisite | None = None
    recepteur: CarteVisite | None = None


@dataclass(kw_only=True)
class EnTetePES:
    """``EnTetePES``: the budget the file is about.

    Attributes:
        date_emission: ``DteStr`` — date the structure was issued.
        id_poste: ``IdPost`` — codique of the poste comptable (6 or 7 digits, or 02A/02B…).
        libelle_poste: ``LibellePoste`` — short name of the poste comptable.
        id_collectivite: ``IdColl`` — SIRET of the budget collectivité.
        finess_juridique: ``FinJur`` — FINESS juridique (mandatory for M21/M22 budgets).
        code_collectivite: ``CodCol`` (``CodColl`` in a PES_Retour) — code of the collectivité.
        code_budget: ``CodBud`` — code of the budget.
        libelle_collectivite_budget: ``LibelleColBud`` — name of the budget collectivité.
    """

    date_emission: date
    id_poste: str
    libelle_poste: str | None = None
    id_collectivite: str
    finess_juridique: str | None = None
    code_collectivite: str
    code_budget: str
    libelle_collectivite_budget: str | None = None


# --- reading -----------------------------------------------------------------------------


def _read_carte(node: Node | None) -> CarteVisite | None:
    if node is None:
        return None
    return CarteVisite(sigle=node.value("Sigle", as_text), adresse=node.value("Adresse", as_text))


def read_enveloppe(node: Node) -> Enveloppe:
    """Read an ``Enveloppe`` (``Parametres`` mandatory, both parties optional)."""
    parametres = node.require("Parametres")
    return Enveloppe(
        version=parametres.required("Version", as_int),
        type_fichier=parametres.required("TypFic", as_text),
        nom_fichier=parametres.required("NomFic", as_text),
        emetteur=_read_carte(node.child("Emetteur")),
        recepteur=_read_carte(node.child("Recepteur")),
    )


def read_en_tete(node: Node) -> EnTetePES:
    """Read an ``EnTetePES``, with ``CodCol`` (aller, ACK) or ``CodColl`` (retour)."""
    code_collectivite = node.value("CodCol", as_text)
    if code_collectivite is None:
        code_collectivite = node.value("CodColl", as_text)
    if code_collectivite is None:
        raise node.error("CodCol (or CodColl) is missing")
    return EnTetePES(
        date_emission=node.required("DteStr", as_date),
        id_poste=node.required("IdPost", as_text),
        libelle_poste=node.value("LibellePoste", as_text),
        id_collectivite=node.required("IdColl", as_text),
        finess_juridique=node.value("FinJur", as_text),
        code_collectivite=code_collectivite,
        code_budget=node.required("CodBud", as_text),
        libelle_collectivite_budget=node.value("LibelleColBud", as_text),
    )


def require_headers(
    root: Node | None, enveloppe: Enveloppe | None, en_tete: EnTetePES | None
) -> tuple[Node, Enveloppe, EnTetePES]:
    """The root and the two header blocks a streamed file must have had; a read error if not."""
    if root is None:  # pragma: no cover - the parser always yields the root
        raise AssertionError("no root element")
    if enveloppe is None:
        raise root.error("Enveloppe is missing")
    if en_tete is None:
        raise root.error("EnTetePES is missing")
    return root, enveloppe, en_tete


# --- checking ----------------------------------------------------------------------------


def check_enveloppe(checks: Checks, enveloppe: Enveloppe, where: str = "enveloppe") -> None:
    """The ``cm:TEnveloppe`` facets (the ``Emetteur`` is mandatory there)."""
    checks.number(f"{where} / version", enveloppe.version, 2, required=True)
    checks.texte(f"{where} / type_fichier", enveloppe.type_fichier, 32, required=True)
    checks.texte(f"{where} / nom_fichier", enveloppe.nom_fichier, 100, required=True)
    if enveloppe.emetteur is None:
        checks.add(f"{where} / emetteur", "is required (sigle and adresse)")
    else:
        checks.texte(f"{where} / emetteur / sigle", enveloppe.emetteur.sigle, 32, required=True)
        checks.texte(f"{where} / emetteur / adresse", enveloppe.emetteur.adresse, 38, required=True)
    if enveloppe.recepteur is not None:
        checks.texte(f"{where} / recepteur / sigle", enveloppe.recepteur.sigle, 32)
        checks.texte(f"{where} / recepteur / adresse", enveloppe.recepteur.adresse, 38)


def check_en_tete(checks: Checks, en_tete: EnTetePES, where: str = "en_tete") -> None:
    """The ``cm:TEnTetePES`` facets."""
    checks.pattern(
        f"{where} / id_poste",
        en_tete.id_poste,
        _CODIQUE,
        "must be a codique of 6 or 7 digits, or 02A/02B and 3 or 4 digits",
    )
    checks.texte(f"{where} / libelle_poste", en_tete.libelle_poste, 38)
    checks.digits(f"{where} / id_collectivite", en_tete.id_collectivite, 14)
    checks.alphanum_light(f"{where} / finess_juridique", en_tete.finess_juridique, 20)
    checks.pattern(
        f"{where} / code_collectivite",
        en_tete.code_collectivite,
        _CODE_COLLECTIVITE,
        "must be 3 digits",
    )
    if en_tete.code_collectivite == "000":
        checks.add(f"{where} / code_collectivite", "may not be 000")
    checks.pattern(
        f"{where} / code_budget",
        en_tete.code_budget,
        _CODE_BUDGET,
        "must be a digit or capital letter followed by a digit",
    )
    checks.texte(f"{where} / libelle_collectivite_budget", en_tete.libelle_collectivite_budget, 38)


# --- writing -----------------------------------------------------------------------------


def write_enveloppe(parent: Any, enveloppe: Enveloppe, encoding: Encoding) -> None:
    """Append a checked ``Enveloppe`` to ``parent``."""
    node = etree.SubElement(parent, "Enveloppe")
    parametres = etree.SubElement(node, "Parametres")
    leaf(parametres, "Version", enveloppe.version, encoding)
    leaf(parametres, "TypFic", enveloppe.type_fichier, encoding)
    leaf(parametres, "NomFic", enveloppe.nom_fichier, encoding)
    for tag, carte in (("Emetteur", enveloppe.emetteur), ("Recepteur", enveloppe.recepteur)):
        if carte is not None:
            element = etree.SubElement(node, tag)
            leaf(element, "Sigle", carte.sigle, encoding)
            leaf(element, "Adresse", carte.adresse, encoding)


def write_en_tete(parent: Any, en_tete: EnTetePES, encoding: Encoding) -> None:
    """Append a checked ``EnTetePES`` (aller flavour, ``CodCol``) to ``parent``."""
    node = etree.SubElement(parent, "EnTetePES")
    leaf(node, "DteStr", en_tete.date_emission, encoding)
    leaf(node, "IdPost", en_tete.id_poste, encoding)
    leaf(node, "LibellePoste", en_tete.libelle_poste, encoding)
    leaf(node, "IdColl", en_tete.id_collectivite, encoding)
    leaf(node, "FinJur", en_tete.finess_juridique, encoding)
    leaf(node, "CodCol", en_tete.code_collectivite, encoding)
    leaf(node, "CodBud", en_tete.code_budget, encoding)
    leaf(node, "LibelleColBud", en_tete.libelle_collectivite_budget, encoding)
