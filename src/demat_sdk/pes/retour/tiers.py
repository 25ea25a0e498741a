"""The tiers of a PES_Retour line (creditor of a mandat, debtor of a titre) and its links.

In a return the comptable sends the tiers as Hélios knows it: its référentiel entry when the
pièce was attached to one (national identifier, name, address, bank account, with the dates the
comptable updated them), or else what the ordonnateur sent. Both dépense and recette lines use
these models; the recette tiers adds a birth date, birthplace and e-mail address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demat_sdk.pes.retour.codes import (
    CategorieTiers,
    NatureIdentifiantTiers,
    NatureJuridique,
    TypeAdresse,
    TypeConventionDepense,
    TypeConventionRecette,
)

__all__ = [
    "AdresseTiers",
    "CompteBancaire",
    "LiensIdentifiants",
    "LieuNaissance",
    "Tiers",
]


@dataclass(kw_only=True)
class LieuNaissance:
    """``LieuNaissance`` of a natural person (recette).

    Attributes:
        ne_en_france: ``NeEnFrance`` — born in France (``True``) or abroad.
        code_departement: ``MetropoleDomCom/CodeDeptDomCom`` — INSEE code of the département
            or COM of birth.
        code_commune: ``MetropoleDomCom/CodeCommune`` — INSEE code of the commune of birth.
        libelle_commune: ``MetropoleDomCom/LibelleCommune`` — commune of birth.
        code_pays: ``Etranger/CodePays`` — INSEE code of the country of birth.
        libelle_pays: ``Etranger/LibellePays`` — country of birth.
    """

    ne_en_france: bool
    code_departement: str | None = None
    code_commune: str | None = None
    libelle_commune: str | None = None
    code_pays: str | None = None
    libelle_pays: str | None = None


@dataclass(kw_only=True)
class AdresseTiers:
    """``Adresse`` of a tiers (absent when La Poste's référentiel provides it).

    Attributes:
        type_adresse: ``TypAdr`` — principal, secondary or unspecified.
        adresse_1: ``Adr1`` — complement of distribution.
        adresse_2: ``Adr2`` — number and street.
        adresse_3: ``Adr3`` — lieu-dit or complement.
        code_postal: ``CP``.
        ville: ``Ville``.
        non_resident: ``CodRes`` — ``True`` when the tiers does not reside in France.
        code_pays: ``CodPays`` — INSEE country code of a non-resident.
        date_mise_a_jour: ``DteAdr`` — when the comptable updated the address.
        invalide: ``Valide`` — beware the tag: ``1`` means the address is **not** valid (NPAI,
            undelivered mail), so ``True`` here means invalid.
    """

    type_adresse: TypeAdresse
    adresse_1: str | None = None
    adresse_2: str | None = None
    adresse_3: str | None = None
    code_postal: str
    ville: str
    non_resident: bool = False
    code_pays: str | None = None
    date_mise_a_jour: date | None = None
    invalide: bool | None = None


@dataclass(kw_only=True)
class CompteBancaire:
    """``CpteBancaire``: the tiers' default bank account in Hélios.

    Attributes:
        bic: ``BIC``.
        iban: ``IBAN``.
        invalide: ``Valide`` — ``1`` means the account is **not** valid (inactive or expired),
            so ``True`` here means invalid.
        libelle_banque: ``LibBanc`` — name of the bank.
        titulaire: ``TitCpte`` — account holder as on the RIB.
        date_mise_a_jour: ``DteBanc`` — when the comptable updated the account.
    """

    bic: str | None = None
    iban: str
    invalide: bool | None = None
    libelle_banque: str | None = None
    titulaire: str
    date_mise_a_jour: date | None = None


@dataclass(kw_only=True)
class Tiers:
    """``Tiers`` (``InfoTiers``, ``Adresse``, ``CpteBancaire``) of a line.

    Attributes:
        id_tiers: ``IdTiers`` — national identifier (SIRET, SIREN, FINESS, NFP…).
        nature_identifiant: ``NatIdTiers`` — kind of that identifier.
        date_identifiant: ``DteIdTiers`` — when the comptable updated it.
        reference: ``RefTiers`` — the ordonnateur's own reference of the tiers.
        categorie: ``CatTiers`` — natural person, private or public legal person.
        nature_juridique: ``NatJur``.
        civilite: ``Civilite``.
        nom: ``Nom`` — name or company name.
        complement_nom: ``ComplNom``.
        prenom: ``Prenom``.
        date_naissance: ``DteNaissance`` — debtor's birth date (recette).
        adresse_mel: ``AdrMel`` — e-mail address (recette).
        lieu_naissance: ``LieuNaissance`` (recette).
        adresse: ``Adresse``.
        compte_bancaire: ``CpteBancaire``.
    """

    id_tiers: str | None = None
    nature_identifiant: NatureIdentifiantTiers | None = None
    date_identifiant: date | None = None
    reference: str | None = None
    categorie: CategorieTiers
    nature_juridique: NatureJuridique
    civilite: str | None = None
    nom: str
    complement_nom: str | None = None
    prenom: str | None = None
    date_naissance: date | None = None
    adresse_mel: str | None = None
    lieu_naissance: LieuNaissance | None = None
    adresse: AdresseTiers | None = None
    compte_bancaire: CompteBancaire | None = None


@dataclass(kw_only=True)
class LiensIdentifiants:
    """``LiensIdent``: the other records a line is tied to (convention, marché, emprunt…).

    Attributes:
        id_convention: ``IdConv``.
        type_convention: ``TypConv`` (codes differ between dépense and recette).
        objet_convention: ``ObjConv``.
        id_marche: ``IdMarche`` — the marché the line is paid on.
        id_emprunt: ``IdEmpruntOrdo`` — the ordonnateur's loan number.
        numero_echeance_emprunt: ``NumEchEmprunt`` — loan instalment paid before mandatement
            (dépense).
        date_echeance_emprunt: ``DteEchEmprunt`` — its due date (dépense).
        id_actif: ``IdActif`` — inventory number.
        id_regie: ``IdRegie`` — régie number.
    """

    id_convention: str | None = None
    type_convention: TypeConventionDepense | TypeConventionRecette | None = None
    objet_convention: str | None = None
    id_marche: str | None = None
    id_emprunt: str | None = None
    numero_echeance_emprunt: int | None = None
    date_echeance_emprunt: date | None = None
    id_actif: str | None = None
    id_regie: str | None = None
