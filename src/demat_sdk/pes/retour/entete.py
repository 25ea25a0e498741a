"""The headers of a PES_Retour: ``Enveloppe``, ``EnTetePES`` and the domain's ``EnTete…``.

The ``Enveloppe`` and ``EnTetePES`` of a PES_Retour are XSD types of their own
(``RETOUR/Class_Enveloppe_Retour.xsd``, ``RETOUR/Class_EntetePES_Retour.xsd``): both parties are
optional, the collectivité code is ``CodColl`` (``Base_Alphanum3``) and ``IdColl`` a number,
where the ``PES_Aller`` ones (shared by the ACK files) want an ``Emetteur`` and a ``CodCol``.
They are kept distinct from :class:`~demat_sdk.pes.Enveloppe` and
:class:`~demat_sdk.pes.EnTetePES` but share their field names, and one reader fills both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demat_sdk.pes.retour.codes import NatureInformation, TypeRestitution

__all__ = ["CarteVisite", "EnTetePESRetour", "EnTeteRetour", "EnveloppeRetour"]


@dataclass(kw_only=True)
class CarteVisite:
    """Who sent or receives a return (``Emetteur``, ``Recepteur``; ``TCarteVisite``).

    Attributes:
        sigle: ``Sigle`` — short name of the party.
        adresse: ``Adresse`` — its address or application.
    """

    sigle: str | None = None
    adresse: str | None = None


@dataclass(kw_only=True)
class EnveloppeRetour:
    """``Enveloppe`` of a PES_Retour: the file's identity and its two optional parties.

    Attributes:
        version: ``Parametres/Version``.
        type_fichier: ``Parametres/TypFic`` — ``PES2R_DEP``, ``PES2R_RCE``…
        nom_fichier: ``Parametres/NomFic`` — the name Hélios gave the return, which a
            ``PES_ACQUIT_RETOUR`` quotes back.
        emetteur: ``Emetteur``.
        recepteur: ``Recepteur``.
    """

    version: int
    type_fichier: str
    nom_fichier: str
    emetteur: CarteVisite | None = None
    recepteur: CarteVisite | None = None


@dataclass(kw_only=True)
class EnTetePESRetour:
    """``EnTetePES`` of a PES_Retour: the budget the return is about.

    Attributes:
        date_emission: ``DteStr`` — date of the extraction.
        code_poste: ``IdPost`` — codique of the poste comptable.
        libelle_poste: ``LibellePoste``.
        siret: ``IdColl`` — SIRET of the budget collectivité.
        finess_juridique: ``FinJur``.
        code_collectivite: ``CodColl`` — code of the collectivité.
        code_budget: ``CodBud`` — code of the budget.
        libelle_budget: ``LibelleColBud``.
    """

    date_emission: date
    code_poste: str
    libelle_poste: str | None = None
    siret: str
    finess_juridique: str | None = None
    code_collectivite: str
    code_budget: str
    libelle_budget: str | None = None


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
