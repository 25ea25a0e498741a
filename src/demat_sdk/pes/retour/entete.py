"""The header of a dépense or recette return (``EnTeteDepense``, ``EnTeteRecette``)."""

from __future__ import annotations

from dataclasses import dataclass

from demat_sdk.pes.retour.codes import NatureInformation, TypeRestitution

__all__ = ["EnTeteRetour"]


@dataclass(kw_only=True)
class EnTeteRetour:
    """``EnTeteDepense`` / ``EnTeteRecette``: the kind of return.

    Attributes:
        type_restitution: ``TypRestit`` — rejets (01), périodique (02), stock (03). The schema
            does not bind the element to that list; other values (a simulator's ``AA``) are
            kept as unknown codes.
        version: ``IdVer`` — version of the domain (2).
        nature_information: ``NatInf`` — flux détaillé (2) or stock détaillé (1).
    """

    type_restitution: TypeRestitution
    version: str
    nature_information: NatureInformation
