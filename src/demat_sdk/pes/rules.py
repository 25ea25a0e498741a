"""The model rules: what a flux must respect for Hélios to accept it, checked before writing.

Two layers, both always on:

* the **facets** of every field (length, pattern, digits, bounds, required elements, choices),
  checked by the functions :mod:`demat_sdk.pes._compiler` generates from the schema;
* the **business rules** below, across fields: totals and counts, numbering, ``FinJur`` and
  ``Fonction`` against the budget's nomenclature, SIRET/IBAN/BIC checksums, ``ModRegl``
  against the bank account, every ``PJRef`` resolving to a PJ (or declared as sent
  separately), ``TypePJ`` coherent with the domain, the ASAP sent through Chorus Pro
  (``Edition`` 02).

Every problem names its object: ``depense / bordereau 12 / mandat 345 / ligne 2 / montant_ht``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any

from demat_sdk.identifiers import is_valid_bic, is_valid_iban, siret_problem
from demat_sdk.pes._compiler import checker
from demat_sdk.pes.enums import (
    Edition,
    ModeReglementDepense,
    NatureIdentifiantTiers,
    Nomenclature,
    Support,
    TypePJ,
)
from demat_sdk.pes.latin1 import UnmappableCharacterError, to_latin1
from demat_sdk.pes.models.common import CompteBancaire, PJRef
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.simpletypes import Texte

__all__ = [
    "TYPES_PJ_BY_DOMAIN",
    "TextPolicy",
    "Truncation",
    "business_problems",
    "check",
    "check_model",
    "truncation_of",
]

TYPES_PJ_BY_DOMAIN: dict[str, frozenset[TypePJ]] = {
    "depense": frozenset(
        {TypePJ.DEPENSE, TypePJ.ETAT_DE_PAYE, TypePJ.ETAT_AIDE_SOCIALE, TypePJ.PES_FACTURE}
    ),
    "recette": frozenset(
        {
            TypePJ.RECETTE,
            TypePJ.PES_FACTURE,
            TypePJ.FACTURE_ORMC_CPP,
            TypePJ.COMPLEMENT_ASAP_CPP,
            TypePJ.FACTURE_ASAP_ORMC_ENSU,
            TypePJ.COMPLEMENT_ASAP_ENSU,
        }
    ),
    "budget": frozenset(
        {TypePJ.DOCUMENT_BUDGETAIRE, TypePJ.CFU_ETAT_ORDONNATEUR, TypePJ.CFU_ETATS_ANNEXES}
    ),
    "marche": frozenset({TypePJ.PIECE_CONTRACTUELLE_MARCHE}),
}
"""The types of PJ each domain accepts (``RefCompta/Domaine`` ↔ ``TypePJ`` in the XSD)."""

_DOMAIN_OF_CODE = {"01": "depense", "02": "recette", "04": "budget", "06": "marche"}

_MODES_NEEDING_ACCOUNT = frozenset(
    {ModeReglementDepense.VIREMENT, ModeReglementDepense.VIREMENT_GROS_MONTANT}
)
_MODES_FORBIDDING_ACCOUNT = frozenset(
    {
        ModeReglementDepense.NUMERAIRE,
        ModeReglementDepense.CHEQUE,
        ModeReglementDepense.VIREMENT_APPLI_EXTERNE,
        ModeReglementDepense.OPERATION_BUDGET_RATTACHE,
        ModeReglementDepense.OPERATION_ORDRE,
        ModeReglementDepense.AVIS_DE_REGLEMENT,
        ModeReglementDepense.VIREMENT_INTERNE,
    }
)


# Texts written exactly as they are under a policy: no Latin-1 mapping, nothing to escape.
_WRITTEN_AS_IS_LATIN1 = re.compile("[ !#-%'-;=?-~\xa0-\xac\xae-\xff]*").fullmatch
_WRITTEN_AS_IS_UTF8 = re.compile('[^\x00-\x1f\x7f-\x9f&<>"\ud800-\udfff\ufffe\uffff]*').fullmatch


@dataclasses.dataclass(frozen=True)
class Truncation:
    """A text shortened to its facet length because the write was asked to truncate.

    Attributes:
        location: the field (``"depense / bordereau 12 / mandat 345 / objet"``).
        original: the text as given.
        written: the text as written.
    """

    location: str
    original: str
    written: str


class _Truncated(str):
    """A message from the text policy saying a text will be truncated, not a problem."""

    original: str
    written: str


class TextPolicy:
    """How texts are prepared for the file: Latin-1 mapping, truncation; and their check.

    Args:
        latin1: map the characters outside Latin-1 (:mod:`demat_sdk.pes.latin1`).
        truncate: shorten texts longer than their facet instead of refusing them.
        business_rules: also check the values computed from the content (totals, counts).
    """

    def __init__(self, *, latin1: bool, truncate: bool, business_rules: bool = True) -> None:
        self.latin1 = latin1
        self.truncate = truncate
        self.business_rules = business_rules
        self.written_as_is: Callable[[str], object] = (
            _WRITTEN_AS_IS_LATIN1 if latin1 else _WRITTEN_AS_IS_UTF8
        )
        """Whether a text is written exactly as it is (a match): no mapping, nothing to escape.

        Such a text needs no other check of its characters; the generated checker and writer
        take their fast path on it."""

    def prepare(self, text: str, max_length: int | None) -> str:
        """The text as it will be written (before XML escaping)."""
        if self.latin1 and not text.isascii():
            text = to_latin1(text)
        if self.truncate and max_length is not None and len(text) > max_length:
            text = text[:max_length]
        return text

    def __call__(self, value: object, simple_type: Texte) -> str | None:
        """The problem of a text field, checked as it will be written."""
        if type(value) is not str:
            return simple_type.problem(value)
        if value.isascii() and not self.truncate:
            return simple_type.problem(value)
        try:
            mapped = to_latin1(value) if self.latin1 else value
        except UnmappableCharacterError as exc:
            return str(exc)
        limit = simple_type.max_length
        if self.truncate and limit is not None and len(mapped) > limit:
            written = mapped[:limit]
            problem = simple_type.problem(written)
            if problem is not None:
                return problem
            note = _Truncated(f"truncated to {limit} characters")
            note.original = value
            note.written = written
            return note
        return simple_type.problem(mapped)


def check(
    pes: PesAller,
    *,
    policy: TextPolicy | None = None,
    truncations: list[Truncation] | None = None,
    business_rules: bool = True,
) -> list[Problem]:
    """Every problem of a flux: facets, required elements, choices, then business rules.

    Args:
        pes: the flux.
        policy: how texts will be written (default: ISO-8859-1 mapping, no truncation).
        truncations: receives the texts the policy truncates.
        business_rules: also apply the rules across fields (off: only what the XSD checks).
    """
    policy = policy or TextPolicy(latin1=True, truncate=False, business_rules=business_rules)
    problems: list[Problem] = []

    def report(where: tuple[str, ...], attr: str, message: str) -> None:
        location = " / ".join((*where, attr))
        truncation = truncation_of(location, message)
        if truncation is not None:
            if truncations is not None:
                truncations.append(truncation)
            return
        problems.append(Problem(location, message))

    if type(pes) is not PesAller:
        return [Problem("", f"expected a PesAller, got {type(pes).__name__}")]
    checker(PesAller)(pes, report, (), 0, policy)
    if business_rules:
        _Rules(pes, problems).run()
    return problems


def business_problems(pes: PesAller) -> list[Problem]:
    """The problems of the rules across fields alone (totals, SIRET, PJ references…)."""
    problems: list[Problem] = []
    _Rules(pes, problems).run()
    return problems


def truncation_of(location: str, message: str) -> Truncation | None:
    """The truncation a text policy's note announces, or ``None`` for a real problem."""
    if isinstance(message, _Truncated):
        return Truncation(location, message.original, message.written)
    return None


class _Rules:
    """The business rules, across fields and objects."""

    def __init__(self, pes: PesAller, problems: list[Problem]) -> None:
        self.pes = pes
        self.problems = problems
        en_tete = pes.en_tete
        nomenclature = getattr(en_tete, "nomenclature", None)
        self.nomenclature: Nomenclature | None = nomenclature
        if nomenclature is not None:
            self.hospital = nomenclature.hospitaliere
        else:
            self.hospital = bool(getattr(en_tete, "finess_juridique", None))
        pj_container = pes.pj
        self.pjs = {
            pj.id_unique: pj
            for pj in (pj_container.pieces_justificatives if pj_container else [])
            if isinstance(getattr(pj, "id_unique", None), str)
        }
        self.referenced: set[str] = set()
        self.ibans: dict[str, bool] = {}

    def add(self, where: Iterable[str], message: str) -> None:
        self.problems.append(Problem(" / ".join(where), message))

    def run(self) -> None:
        self.en_tete()
        if self.pes.depense is not None and isinstance(self.pes.depense.bordereaux, list):
            self.bordereaux(self.pes.depense.bordereaux, "depense")
        if self.pes.recette is not None and isinstance(self.pes.recette.bordereaux, list):
            self.bordereaux(self.pes.recette.bordereaux, "recette")
        self.pieces_justificatives()
        if (
            self.pes.depense is None
            and self.pes.recette is None
            and self.pes.pj is None
            and self.pes.marche is None
            and self.pes.facture is None
        ):
            self.add((), "the flux is empty (no bordereau, PJ, marché nor facture)")

    # --- en-tête --------------------------------------------------------------------------

    def en_tete(self) -> None:
        en_tete = self.pes.en_tete
        if en_tete is None or not hasattr(en_tete, "siret"):
            return
        where = ("en_tete",)
        if isinstance(en_tete.siret, str) and en_tete.siret:
            problem = siret_problem(en_tete.siret)
            if problem:
                self.add((*where, "siret"), f"IdColl must be the budget's SIRET: {problem}")
        if self.nomenclature is not None:
            if self.hospital and not en_tete.finess_juridique:
                self.add(
                    (*where, "finess_juridique"),
                    f"FinJur is required for a {self.nomenclature.value} budget",
                )
            if not self.hospital and en_tete.finess_juridique:
                self.add(
                    (*where, "finess_juridique"),
                    f"FinJur is forbidden for a {self.nomenclature.value} budget "
                    "(only M21 and M22 carry it)",
                )

    # --- bordereaux -----------------------------------------------------------------------

    def bordereaux(self, bordereaux: list[Any], domain: str) -> None:
        seen: set[tuple[Any, Any, Any]] = set()
        container = self.pes.depense if domain == "depense" else self.pes.recette
        dematerialise = bool(getattr(container, "dematerialise", False))
        for index, bordereau in enumerate(bordereaux, 1):
            where = (domain, f"bordereau {getattr(bordereau, 'numero', None) or index}")
            key = (bordereau.exercice, getattr(bordereau.type, "value", None), bordereau.numero)
            if key in seen:
                self.add(where, "the same bordereau (exercice, type, numero) occurs twice")
            seen.add(key)
            if dematerialise and bordereau.montant_cumul_annuel is None:
                self.add(
                    (*where, "montant_cumul_annuel"),
                    "MtCumulAnnuel is required when InfoDematerialisee is 1",
                )
            pieces = bordereau.mandats if domain == "depense" else bordereau.titres
            if not isinstance(pieces, list):
                continue
            numbers: set[Any] = set()
            for piece_index, piece in enumerate(pieces, 1):
                word = "mandat" if domain == "depense" else "titre"
                piece_where = (*where, f"{word} {getattr(piece, 'numero', None) or piece_index}")
                if piece.numero in numbers:
                    self.add(piece_where, f"two {word}s of the bordereau have this number")
                numbers.add(piece.numero)
                self.piece(piece, piece_where, domain)

    def piece(self, piece: Any, where: tuple[str, ...], domain: str) -> None:
        self.pj_refs(piece.pj_refs, where, domain)
        lines = piece.lignes if isinstance(piece.lignes, list) else []
        given = [line.numero for line in lines if line.numero is not None]
        if given and len(given) != len(lines):
            self.add(where, "number every line (IdLigne) or none (they are then numbered 1..n)")
        elif len(set(given)) != len(given):
            self.add(where, "two lines have the same number (IdLigne)")
        if domain == "recette":
            self.titre(piece, where)
        for index, line in enumerate(lines, 1):
            line_where = (*where, f"ligne {line.numero or index}")
            self.pj_refs(line.pj_refs, line_where, domain)
            if self.hospital and line.fonction:
                self.add(
                    (*line_where, "fonction"),
                    "Fonction is forbidden on an M21/M22 budget "
                    "(Hélios: 1971 - Compte fonction présent à tort)",
                )
            if domain == "depense":
                self.ligne_mandat(line, line_where)
            else:
                for tiers_index, tiers in enumerate(line.tiers, 1):
                    self.compte(tiers.compte_bancaire, (*line_where, f"tiers[{tiers_index}]"))

    def ligne_mandat(self, line: Any, where: tuple[str, ...]) -> None:
        tiers = line.tiers
        account = getattr(tiers, "compte_bancaire", None)
        mode = line.mode_reglement
        if mode in _MODES_NEEDING_ACCOUNT and account is None:
            self.add(
                (*where, "mode_reglement"),
                f"ModRegl {mode.value} ({mode.libelle}) needs the creditor's bank account "
                "(Tiers/CpteBancaire)",
            )
        if mode in _MODES_FORBIDDING_ACCOUNT and account is not None:
            self.add(
                (*where, "mode_reglement"),
                f"ModRegl {mode.value} ({mode.libelle}) forbids a bank account on the line's tiers",
            )
        if tiers is not None:
            self.compte(account, (*where, "tiers"))
        if line.montant_tva and not line.montant_ht and line.montant_ht != 0:
            self.add((*where, "montant_ht"), "MtHT is required")

    def compte(self, account: CompteBancaire | None, where: tuple[str, ...]) -> None:
        if account is None:
            return
        where = (*where, "compte_bancaire")
        iban = account.iban
        if isinstance(iban, str):
            valid = self.ibans.get(iban)
            if valid is None:
                valid = self.ibans[iban] = is_valid_iban(iban)
            if not valid:
                self.add((*where, "iban"), f"IBAN {iban} is not valid (checksum or length)")
        if isinstance(account.bic, str) and not is_valid_bic(account.bic):
            self.add((*where, "bic"), f"BIC {account.bic} is not valid")

    def titre(self, titre: Any, where: tuple[str, ...]) -> None:
        hospital_fields = [
            name for name in ("debut_facturation", "fin_facturation") if getattr(titre, name)
        ]
        if any(line.assure is not None for line in titre.lignes):
            hospital_fields.append("assure")
        if hospital_fields and self.nomenclature is not None and not self.hospital:
            self.add(
                where,
                f"{', '.join(hospital_fields)}: hospital fields, forbidden on a "
                f"{self.nomenclature.value} budget",
            )
        if titre.edition == Edition.ASAP_CPP:
            self.asap_cpp(titre, where)

    def asap_cpp(self, titre: Any, where: tuple[str, ...]) -> None:
        """Edition 02: a titre to a public debtor, its ASAP deposited in Chorus Pro."""
        if not titre.numero_facture:
            self.add(
                (*where, "numero_facture"), "NumeroFacture is required with Edition 02 (ASAP CPP)"
            )
        refs = [ref for ref in titre.pj_refs if isinstance(ref, PJRef)]
        asap = [
            ref
            for ref in refs
            if ref.type == TypePJ.PES_FACTURE
            or getattr(self.pjs.get(ref.id_unique), "type", None) == TypePJ.PES_FACTURE
        ]
        if not asap:
            self.add(
                (*where, "pj_refs"),
                "Edition 02 (ASAP CPP) needs a PJRef to the ASAP, a PJ of TypePJ 006 (PES Facture)",
            )
        debtors = [tiers for line in titre.lignes for tiers in line.tiers]
        if len({(t.identifiant, t.nom) for t in debtors}) > 1:
            self.add(where, "Edition 02 (ASAP CPP): the titre must have a single debtor")
        for tiers in debtors[:1]:
            if tiers.nature_identifiant != NatureIdentifiantTiers.SIRET or not tiers.identifiant:
                self.add(
                    (*where, "tiers", "identifiant"),
                    "Edition 02 (ASAP CPP): the debtor is identified by its SIRET "
                    "(NatIdTiers 01 and IdTiers)",
                )
            elif siret_problem(tiers.identifiant):
                self.add(
                    (*where, "tiers", "identifiant"),
                    f"Edition 02 (ASAP CPP): {siret_problem(tiers.identifiant)}",
                )

    # --- PJ -------------------------------------------------------------------------------

    def pj_refs(self, refs: Any, where: tuple[str, ...], domain: str) -> None:
        if not isinstance(refs, list):
            return
        for ref in refs:
            if not isinstance(ref, PJRef):
                continue
            ref_where = (*where, f"PJRef {ref.id_unique}")
            self.referenced.add(ref.id_unique)
            if ref.type is not None and ref.type not in TYPES_PJ_BY_DOMAIN[domain]:
                self.add(ref_where, f"TypePJ {ref.type.value} does not belong to the {domain}")
            pj = self.pjs.get(ref.id_unique)
            if ref.support != Support.ELECTRONIQUE:
                if pj is not None:
                    self.add(
                        ref_where,
                        "a PJRef on paper or CD (Support 02/03) cannot point to a PJ of the flux",
                    )
                continue
            if pj is None:
                if not ref.envoi_separe:
                    self.add(
                        ref_where,
                        "no PJ of the flux has this IdUnique; add the PJ, or mark the "
                        "reference envoi_separe=True if it travels in another flux",
                    )
                continue
            if ref.type is not None and pj.type is not None and ref.type != pj.type:
                self.add(
                    ref_where, f"TypePJ {ref.type.value} differs from the PJ's ({pj.type.value})"
                )
            if pj.type is not None and pj.type not in TYPES_PJ_BY_DOMAIN[domain]:
                self.add(
                    ref_where,
                    f"the PJ is of TypePJ {pj.type.value} ({pj.type.libelle}), not a {domain} type",
                )

    def pieces_justificatives(self) -> None:
        if self.pes.pj is None or not isinstance(self.pes.pj.pieces_justificatives, list):
            return
        seen: set[str] = set()
        for index, pj in enumerate(self.pes.pj.pieces_justificatives, 1):
            where = ("pj", f"PJ {getattr(pj, 'id_unique', None) or index}")
            if pj.id_unique in seen:
                self.add(where, "two PJ have this IdUnique")
            seen.add(pj.id_unique)
            for ref in pj.references_comptables:
                domain = _DOMAIN_OF_CODE.get(getattr(ref.domaine, "value", ""))
                if domain and pj.type is not None and pj.type not in TYPES_PJ_BY_DOMAIN[domain]:
                    self.add(
                        (*where, "references_comptables"),
                        f"TypePJ {pj.type.value} ({pj.type.libelle}) does not fit the domain "
                        f"{ref.domaine.value} ({ref.domaine.libelle})",
                    )
            if not pj.references_comptables and pj.id_unique not in self.referenced:
                self.add(
                    where,
                    "the PJ is referenced by no pièce and has no RefCompta: Hélios cannot "
                    "attach it",
                )


def check_model(model: object, *, latin1: bool) -> list[Problem]:
    """The facet, cardinality and choice problems of any PES model (an ACK, a block…).

    The rules across fields of a ``PES_Aller`` are :func:`check`'s; this is what every model
    owes its XSD type, texts checked as they will be written (``latin1``: mapped to ISO-8859-1).
    """
    problems: list[Problem] = []

    def report(where: tuple[str, ...], attr: str, message: str) -> None:
        problems.append(Problem(" / ".join((*where, attr)), message))

    policy = TextPolicy(latin1=latin1, truncate=False)
    checker(type(model))(model, report, (), 0, policy)
    return problems
