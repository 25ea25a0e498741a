"""A PES_Retour file: the comptable's asynchronous account of what became of the pièces sent.

Hélios sends returns apart from the acquittements, per budget: daily rejects and mises en
instance (``R``), periodic returns (``P``) with payments and collections, stocks (``S``). A
file holds a dépense part, a recette part and/or a client part (amounts left to recover per
debtor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from demat_sdk.pes.retour.codes import TypeRestitution
from demat_sdk.pes.retour.depense import DepenseRetour
from demat_sdk.pes.retour.entete import EnTetePESRetour, EnveloppeRetour
from demat_sdk.pes.retour.recette import RecetteRetour

__all__ = ["Client", "ClientRetour", "PesRetour", "ResteARecouvrer"]

_NOM_RETOUR = re.compile(r"PES2R_(?:DEP|RCE)_+([A-Z]{1,3})_", re.IGNORECASE)
_NATURE_RESTITUTION = {
    "R": TypeRestitution.REJET,
    "RO": TypeRestitution.REJET,
    "P": TypeRestitution.PERIODIQUE,
    "PO": TypeRestitution.PERIODIQUE,
    "S": TypeRestitution.STOCK,
    "SO": TypeRestitution.STOCK,
}


@dataclass(kw_only=True)
class ResteARecouvrer:
    """``ResteARecouvrer``: what a debtor still owes on one local product.

    Attributes:
        code_produit: ``CodProdLoc``.
        reste_principal: ``Rar`` — on the principal.
        reste_frais: ``RarFrais`` — on the costs.
    """

    code_produit: str
    reste_principal: Decimal
    reste_frais: Decimal


@dataclass(kw_only=True)
class Client:
    """``Client``: a debtor with amounts left to recover.

    Attributes:
        reference_tiers: ``RefTiers`` — the ordonnateur's reference of the debtor.
        restes: ``ResteARecouvrer``.
    """

    reference_tiers: str
    restes: list[ResteARecouvrer] = field(default_factory=list)


@dataclass(kw_only=True)
class ClientRetour:
    """``PES_ClientRetour``.

    Attributes:
        date_calcul: ``EnTeteClient/DateCalcul`` — when the amounts were computed.
        version: ``EnTeteClient/IdVer``.
        clients: ``Client``.
    """

    date_calcul: date
    version: str
    clients: list[Client] = field(default_factory=list)


@dataclass(kw_only=True)
class PesRetour:
    """A ``PES_Retour`` file.

    Attributes:
        enveloppe: ``Enveloppe`` — its ``nom_fichier`` (``NomFic``) is what a
            ``PES_ACQUIT_RETOUR`` quotes back.
        en_tete: ``EnTetePES`` (``CodColl`` is read into ``code_collectivite``).
        depense: ``PES_DepenseRetour``.
        recette: ``PES_RecetteRetour``.
        client: ``PES_ClientRetour``.
        autres_domaines: local names of the domains present but not read (``PES_AsapRetour``
            of schema versions after 5.17), so that nothing goes unnoticed.
    """

    enveloppe: EnveloppeRetour
    en_tete: EnTetePESRetour
    depense: DepenseRetour | None = None
    recette: RecetteRetour | None = None
    client: ClientRetour | None = None
    autres_domaines: list[str] = field(default_factory=list)

    @property
    def nom_fichier(self) -> str:
        """The ``NomFic`` of the return (the name Hélios gave the file)."""
        return self.enveloppe.nom_fichier

    @property
    def nature_restitution(self) -> str | None:
        """The ``NatureRestit`` part of a ``PES2R_…`` file name (``R``, ``P``, ``S``, ``RO``…)."""
        match = _NOM_RETOUR.match(self.nom_fichier)
        return match.group(1).upper() if match else None

    def type_restitution(self) -> TypeRestitution | None:
        """The kind of return, from the domain header or else from the file name.

        ``TypRestit`` is trusted when it is one of the official codes (01, 02, 03); otherwise
        the ``NatureRestit`` of a ``PES2R_…`` name tells it (R → rejets, P → périodique,
        S → stock). ``None`` when neither says.
        """
        for domaine in (self.depense, self.recette):
            if domaine is not None and domaine.en_tete.type_restitution.is_known:
                return domaine.en_tete.type_restitution
        nature = self.nature_restitution
        return _NATURE_RESTITUTION.get(nature) if nature else None
