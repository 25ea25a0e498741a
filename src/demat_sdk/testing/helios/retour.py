"""The ``PES_Retour`` files the emulated Hélios writes for the mandats and titres it took in.

One file per budget and domain, "flux détaillé" (``NatInf`` 2) of type périodique (``P``),
named as the ``NomFic`` annotation of the schema says::

    PES2R_DEP_P_<CodColl>_<CodBud>_<Codique>_<situation>_<traitement>_<horodatage>.xml
    PES2R_RCE_P_…   (recette; dates AAAAMMJJ, horodatage AAAAMMJJhhmmss)

Every pièce is *prise en charge* (``EtatPce`` 02, dated). A dépense line is *pris en charge*
(``EtatLigPce`` 01) and, when the mandats are declared paid, carries a payment
(``PaiementEmargement``, ``OrgEma`` 01) and its ``InfoPaiement``; a recette line is *non soldée*
(``EtatLigPce`` 04). The file is valid against ``RETOUR/Rev0/PES_Retour.xsd`` (v5.17) and
reads back with :func:`demat_sdk.pes.retour.read_retour`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from lxml import etree

from demat_sdk.testing.helios.referentiel import Budget, Domaine

__all__ = ["RETOUR_NAMESPACE", "IntegratedBordereau", "retour_file"]

RETOUR_NAMESPACE = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour"
"""Namespace of the ``PES_Retour`` root."""


@dataclass(frozen=True)
class IntegratedBordereau:
    """A bordereau Hélios accepted, as it waits for the next PES_Retour.

    Attributes:
        budget: the budget it belongs to.
        domaine: ``"depense"`` or ``"recette"``.
        bordereau: the bordereau as sent (a ``BordereauDepense`` or ``BordereauRecette``).
        integrated_at: when Hélios took it in.
    """

    budget: Budget
    domaine: Domaine
    bordereau: Any
    integrated_at: datetime


def _v(parent: etree._Element, tag: str, value: object) -> None:
    etree.SubElement(parent, tag, V=str(value))


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def retour_file(
    budget: Budget,
    domaine: Domaine,
    bordereaux: list[IntegratedBordereau],
    now: datetime,
    *,
    paid: bool = False,
) -> tuple[str, bytes]:
    """The name and bytes of the PES_Retour of ``bordereaux`` (same budget, same domain).

    Args:
        budget: the budget.
        domaine: the domain of every bordereau given.
        bordereaux: what Hélios integrated since its last return (at least one).
        now: the time of the return.
        paid: for dépense, record each line as paid in full on ``now``'s date.
    """
    prefix = "PES2R_DEP" if domaine == "depense" else "PES2R_RCE"
    day = f"{now:%Y%m%d}"
    name = (
        f"{prefix}_P_{budget.code_collectivite}_{budget.code_budget}_{budget.poste}_"
        f"{day}_{day}_{now:%Y%m%d%H%M%S}.xml"
    )
    root = etree.Element(f"{{{RETOUR_NAMESPACE}}}PES_Retour", nsmap={"n": RETOUR_NAMESPACE})
    enveloppe = etree.SubElement(root, "Enveloppe")
    parametres = etree.SubElement(enveloppe, "Parametres")
    _v(parametres, "Version", 2)
    _v(parametres, "TypFic", prefix)
    _v(parametres, "NomFic", name)
    en_tete = etree.SubElement(root, "EnTetePES")
    _v(en_tete, "DteStr", now.date().isoformat())
    _v(en_tete, "IdPost", budget.poste)
    _v(en_tete, "IdColl", budget.siret)
    if budget.finess_juridique:
        _v(en_tete, "FinJur", budget.finess_juridique)
    _v(en_tete, "CodColl", budget.code_collectivite)
    _v(en_tete, "CodBud", budget.code_budget)
    if budget.libelle:
        _v(en_tete, "LibelleColBud", budget.libelle[:38])
    if domaine == "depense":
        container = etree.SubElement(root, "PES_DepenseRetour")
        head = etree.SubElement(container, "EnTeteDepense")
    else:
        container = etree.SubElement(root, "PES_RecetteRetour")
        head = etree.SubElement(container, "EnTeteRecette")
    _v(head, "TypRestit", "02")
    _v(head, "IdVer", 2)
    _v(head, "NatInf", 2)
    for integrated in bordereaux:
        _bordereau(container, domaine, integrated, now, paid)
    data = cast(bytes, etree.tostring(root, xml_declaration=True, encoding="ISO-8859-1"))
    return name, data


def _bordereau(
    container: etree._Element,
    domaine: Domaine,
    integrated: IntegratedBordereau,
    now: datetime,
    paid: bool,
) -> None:
    bordereau = integrated.bordereau
    node = etree.SubElement(container, "Bordereau")
    bloc = etree.SubElement(node, "BlocBordereau")
    _v(bloc, "Exer", bordereau.exercice)
    _v(bloc, "IdBord", bordereau.numero)
    _v(bloc, "TypBord", bordereau.type.value)
    pieces = bordereau.mandats if domaine == "depense" else bordereau.titres
    for piece in pieces:
        piece_node = etree.SubElement(node, "Piece")
        info = etree.SubElement(piece_node, "InfoPiece" if domaine == "depense" else "BlocPiece")
        if piece.code_service:
            _v(info, "CodServ", piece.code_service)
        _v(info, "IdPce", piece.numero)
        _v(info, "TypPce", piece.type.value)
        _v(info, "NatPce", piece.nature.value)
        if piece.objet:
            _v(info, "Obj", piece.objet[: 100 if domaine == "depense" else 160])
        _v(info, "DtePcePec", integrated.integrated_at.date().isoformat())
        _v(info, "EtatPce", "02")
        for index, ligne in enumerate(piece.lignes, 1):
            ligne_node = etree.SubElement(piece_node, "LigneDePiece")
            bloc_ligne = etree.SubElement(ligne_node, "BlocLignePiece")
            info_ligne = etree.SubElement(bloc_ligne, "InfoLignePiece")
            _v(info_ligne, "IdLigne", ligne.numero or index)
            _v(info_ligne, "EtatLigPce", "01" if domaine == "depense" else "04")
            _v(info_ligne, "MtHT", _amount(ligne.montant_ht))
            if ligne.montant_tva is not None:
                _v(info_ligne, "MtTVA", _amount(ligne.montant_tva))
            if domaine == "depense" and paid:
                total = ligne.montant_ht + (ligne.montant_tva or Decimal(0))
                paiement = etree.SubElement(bloc_ligne, "InfoPaiement")
                _v(paiement, "NbrPay", 1)
                _v(paiement, "MtPayTot", _amount(total))
                emargement = etree.SubElement(ligne_node, "PaiementEmargement")
                _v(emargement, "OrgEma", "01")
                _v(emargement, "DtePay", now.date().isoformat())
                _v(emargement, "MtPay", _amount(total))
