"""What the emulated Hélios knows of the ordonnateurs it serves: its référentiel.

The real Hélios checks a flux against parameters the comptable keeps (the DGFiP annexes listing
them are not public): the codiques of the postes comptables (``IdPost``), the budgets (``IdColl``
SIRET, ``CodCol``, ``CodBud``) with their nomenclature and whether they carry a ``FinJur``, the
ordonnateur's service codes (``CodServ``), and the bordereau / pièce type / pièce nature triplets
each domain accepts. :class:`Referentiel` holds them; :meth:`Referentiel.seeded` is the one that
matches :meth:`demat_sdk.testing.FakeChorusPro.seeded`: the CHU DE VALMONT (main budget M21, a
long-stay budget M21, an EHPAD budget M22) and the Département du Haut-Vallon (M57), each on its
own poste comptable. Build your own for other set-ups; every field is plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from demat_sdk.pes.enums import Nomenclature

__all__ = ["HOSPITAL_NOMENCLATURES", "Budget", "Referentiel", "Triplet"]

Domaine = Literal["depense", "recette"]

HOSPITAL_NOMENCLATURES = frozenset({Nomenclature.M21, Nomenclature.M22})
"""Nomenclatures of health and medico-social budgets: ``FinJur`` required, ``Fonction`` refused."""


@dataclass(frozen=True)
class Budget:
    """A budget Hélios keeps for an ordonnateur.

    Attributes:
        siret: ``IdColl``, the budget's SIRET.
        code_collectivite: ``CodCol``.
        code_budget: ``CodBud``.
        nomenclature: its instruction budgétaire et comptable (M21, M22, M14, M57…).
        poste: ``IdPost``, the codique of the poste comptable keeping it.
        libelle: its name.
        finess_juridique: the FINESS juridique (``FinJur``) of a health budget.
        actif: an inactive budget refuses every flux (``ERREUR_CODE_COLLECTIVITE_BUDGET``).
    """

    siret: str
    code_collectivite: str
    code_budget: str
    nomenclature: Nomenclature
    poste: str
    libelle: str = ""
    finess_juridique: str | None = None
    actif: bool = True

    @property
    def hospitalier(self) -> bool:
        """Whether the budget follows M21 or M22 (``FinJur`` required, ``Fonction`` refused)."""
        return self.nomenclature in HOSPITAL_NOMENCLATURES

    @property
    def key(self) -> tuple[str, str, str]:
        """``(IdColl, CodCol, CodBud)``: how a flux names the budget."""
        return (self.siret, self.code_collectivite, self.code_budget)


@dataclass(frozen=True)
class Triplet:
    """A bordereau type, pièce type and pièce nature Hélios accepts together in a domain.

    Attributes:
        domaine: ``"depense"`` (mandats) or ``"recette"`` (titres).
        type_bordereau: ``TypBord`` code (``"01"`` ordinaire…).
        type_piece: ``TypPce`` code (``"01"`` mandat or titre ordinaire…).
        nature_piece: ``NatPce`` code (``"01"`` fonctionnement…).
    """

    domaine: Domaine
    type_bordereau: str
    type_piece: str
    nature_piece: str


def _triplets(domaine: Domaine, rows: Iterable[tuple[str, str, str]]) -> frozenset[Triplet]:
    return frozenset(Triplet(domaine, *row) for row in rows)


_SEEDED_TRIPLETS = _triplets(
    "depense",
    [
        ("01", "01", nature)  # ordinary mandats: fonctionnement, investissement, inventaire…
        for nature in ("01", "02", "03", "04", "05", "07", "08")
    ]
    + [("01", "05", "01"), ("02", "02", "06"), ("04", "05", "01")],
) | _triplets(
    "recette",
    [("01", "01", nature) for nature in ("01", "02", "03", "04", "05", "07", "08")]
    + [("02", "02", "06"), ("06", "01", "01")],
)


@dataclass(frozen=True)
class Referentiel:
    """The parameters the emulated Hélios checks a flux against.

    Attributes:
        budgets: the budgets known, each with its poste comptable.
        triplets: the (domain, TypBord, TypPce, NatPce) combinations accepted; by default the
            usual ones: ordinary bordereaux (01) of ordinary pièces (01) of natures 01 to 05,
            07 and 08, annulation bordereaux (02 / 02 / 06), and a few others.
        codes_service: the ordonnateur's service codes (``CodServ``) known; empty means any.
    """

    budgets: tuple[Budget, ...]
    triplets: frozenset[Triplet] = _SEEDED_TRIPLETS
    codes_service: frozenset[str] = field(default_factory=frozenset)

    @property
    def postes(self) -> frozenset[str]:
        """The codiques (``IdPost``) of the postes comptables known."""
        return frozenset(budget.poste for budget in self.budgets)

    @property
    def sirets(self) -> frozenset[str]:
        """The SIRET (``IdColl``) of every budget known."""
        return frozenset(budget.siret for budget in self.budgets)

    def budget(self, siret: str, code_collectivite: str, code_budget: str) -> Budget | None:
        """The budget a flux names by ``IdColl``, ``CodCol`` and ``CodBud``, if known."""
        for budget in self.budgets:
            if budget.key == (siret, code_collectivite, code_budget):
                return budget
        return None

    def accepts(self, triplet: Triplet) -> bool:
        """Whether the triplet is allowed."""
        return triplet in self.triplets

    @classmethod
    def seeded(cls) -> Referentiel:
        """The référentiel matching ``FakeChorusPro.seeded()``'s CHU and département.

        * CHU DE VALMONT (SIRET 26130001600019, poste ``013045``, ``CodCol`` 130, FINESS
          juridique 130000037): budget 00 (principal, M21), 01 (USLD, M21), 02 (EHPAD, M22);
          service codes ``PHARMA``, ``ADMIN``, ``FACTU``;
        * Département du Haut-Vallon (SIRET 22740004100017, poste ``074000``, ``CodCol`` 074):
          budget 00 (M57).
        """
        valmont, finess, poste = "26130001600019", "130000037", "013045"
        return cls(
            budgets=(
                Budget(valmont, "130", "00", Nomenclature.M21, poste, "CHU VALMONT H", finess),
                Budget(valmont, "130", "01", Nomenclature.M21, poste, "CHU VALMONT USLD", finess),
                Budget(valmont, "130", "02", Nomenclature.M22, poste, "CHU VALMONT EHPAD", finess),
                Budget(
                    "22740004100017", "074", "00", Nomenclature.M57, "074000", "DEPT HAUT-VALLON"
                ),
            ),
            codes_service=frozenset({"PHARMA", "ADMIN", "FACTU"}),
        )
