# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Models of the Structures API.

Search and consultation of structures and services, user attachments, workspaces.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, Field

from demat_sdk.chorus.enums import (
    CodeLangue,
    EtatEspace,
    StatutRattachement,
    StatutStructure,
    StatutStructureRecherche,
    TriSens,
    TypeHabilitation,
    TypeIdentifiantStructure,
    TypeStructure,
)
from demat_sdk.chorus.models.base import (
    ChorusModel,
    ChorusRequest,
    ChorusResponse,
    ParametresRetour,
)
from demat_sdk.chorus.models.fields import ChorusDate, ChorusDateTime, LenientList, official
from demat_sdk.chorus.tri import TriEspaces, TriRattachements, TriServices, TriStructures

__all__ = [
    "AdressePostale",
    "ConsulterServiceStructureParam",
    "ConsulterStructureAvecTVAIntraComParam",
    "InformationsGeneralesStructureCompleteTVAIntraCom",
    "ListerRattachementsStructureUtilisateurParam",
    "ParamListerRattachementsStructureUtilisateur",
    "ParamModifierServiceInfoGeneral",
    "ParamModifierStructure",
    "ParamParametre",
    "ParametresRechercherEspacesFo",
    "ParametresRechercherServicesStructure",
    "ParametresRechercherStructure",
    "ParametresStructureRechercherEspacesFo",
    "RechercherEspacesParam",
    "RechercherServicesStructureParam",
    "RechercherStructureInput",
    "RechercherStructureParam",
    "ServiceExpose",
    "ServiceOutputListerRattachementsStructureUtilisateur",
    "StructureAAfficher",
    "StructureDupliquee",
    "WsRetourConsulterServiceStructure",
    "WsRetourConsulterStructureTVAIntraCom",
    "WsRetourEspaceFoServiceSxp",
    "WsRetourListerRattachementsStructureUtilisateur",
    "WsRetourRechercherEspacesFo",
    "WsRetourRechercherServicesStructure",
    "WsRetourRechercherStructure",
]


class ParametresRechercherStructure(ChorusRequest):
    """Paging and sort of ``rechercherStructure``."""

    nb_resultats_par_page: int | None = None
    page_resultat_demandee: int | None = None
    tri_colonne: Annotated[TriStructures, official()] | None = None
    tri_sens: Annotated[TriSens, official()] | None = None


class RechercherStructureInput(ChorusRequest):
    """Criteria of a structure search."""

    adresse_code_pays: str | None = None
    adresse_code_postal: str | None = None
    adresse_ville: str | None = None
    est_moa: bool | None = Field(default=None, alias="estMOA")
    est_moa_uniquement: bool | None = Field(default=None, alias="estMOAUniquement")
    identifiant_structure: str | None = None
    libelle_structure: str | None = None
    nom_structure: str | None = None
    prenom_structure: str | None = None
    raison_sociale_structure: str | None = None
    statut_structure: Annotated[StatutStructureRecherche, official()] | None = None
    type_identifiant_structure: Annotated[TypeIdentifiantStructure, official()] | None = None
    type_structure: Annotated[TypeStructure, official()] | None = None


class RechercherStructureParam(ChorusRequest):
    """Request body of ``rechercherStructure``."""

    parametres: ParametresRechercherStructure | None = None
    restreindre_structures_privees: bool | None = None
    structure: RechercherStructureInput | None = None


class StructureAAfficher(ChorusModel):
    """A structure found."""

    designation_structure: str | None = None
    id_structure_cpp: int | None = Field(default=None, alias="idStructureCPP")
    identifiant_structure: str | None = None
    statut: StatutStructure | None = None
    type_identifiant_structure: TypeIdentifiantStructure | None = None


class WsRetourRechercherStructure(ChorusResponse):
    """Answer of ``rechercherStructure``."""

    liste_structures: LenientList[StructureAAfficher] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None


class ConsulterServiceStructureParam(ChorusRequest):
    """Request body of ``consulterServiceStructure``."""

    code_langue: Annotated[CodeLangue, official()] | None = None
    id_service: int | None = None
    id_structure: int | None = None


class AdressePostale(ChorusModel):
    """A postal address, with phone and fax."""

    adresse: str | None = None
    code_postal: str | None = None
    complement_adresse1: str | None = None
    complement_adresse2: str | None = None
    fax: str | None = None
    indicatif_fax: str | None = None
    indicatif_telephone: str | None = None
    pays: str | None = None
    telephone: str | None = None
    ville: str | None = None


class ParamModifierServiceInfoGeneral(ChorusModel):
    """General information of a service."""

    code_service: str | None = None
    description_service: str | None = None
    nom_service: str | None = None


class ParamParametre(ChorusModel):
    """Settings of a service: validity dates, EJ required, payment reported."""

    date_creation: ChorusDateTime | None = None
    date_debut_validite: ChorusDate | None = None
    date_fin_validite: ChorusDate | None = None
    date_modification: ChorusDateTime | None = None
    mise_en_paiement: bool | None = None
    numero_engagement: bool | None = None


class WsRetourConsulterServiceStructure(ChorusResponse):
    """Answer of ``consulterServiceStructure``."""

    adresse_postale: AdressePostale | None = None
    informations_generales: ParamModifierServiceInfoGeneral | None = None
    nb_resultats_par_page: int | None = None
    page_courante: int | None = None
    pages: int | None = None
    parametres: ParamParametre | None = None
    total: int | None = None


class ParamListerRattachementsStructureUtilisateur(ChorusRequest):
    """Paging and sort of the user attachments."""

    nb_resultats_par_page: int | None = None
    page_resultat_demandee: int | None = None
    tri_colonne: Annotated[TriRattachements, official()] | None = None
    tri_sens: Annotated[TriSens, official()] | None = None


class ListerRattachementsStructureUtilisateurParam(ChorusRequest):
    """Request body of ``listerRattachementsStructureUtilisateur``."""

    adresse_email_connexion_utilisateur: str | None = None
    id_structure: int | None = None
    id_utilisateur: int | None = None
    identifiant_structure: str | None = None
    parametres_lister_rattachements_structure_utilisateur: (
        ParamListerRattachementsStructureUtilisateur | None
    ) = None
    type_identifiant_structure: Annotated[TypeIdentifiantStructure, official()] | None = None


class ServiceOutputListerRattachementsStructureUtilisateur(ChorusModel):
    """A user's attachment to a service."""

    code_service: str | None = None
    commentaire: str | None = None
    date_debut: ChorusDateTime | None = None
    date_fin: ChorusDateTime | None = None
    id_rattachement: int | None = None
    id_service: int | None = None
    nom_service: str | None = None
    statut_rattachement: StatutRattachement | None = None


class WsRetourListerRattachementsStructureUtilisateur(ChorusResponse):
    """Answer of ``listerRattachementsStructureUtilisateur``."""

    designation_structure: str | None = None
    id_structure: int | None = None
    identifiant_structure: str | None = None
    liste_services: LenientList[ServiceOutputListerRattachementsStructureUtilisateur] = Field(
        default_factory=list
    )
    parametres_retour: ParametresRetour | None = None
    premier_service: bool | None = None


class ParametresRechercherServicesStructure(ChorusRequest):
    """Paging and sort of ``rechercherServicesStructure``."""

    nb_resultats_par_page: int | None = None
    page_resultat_demandee: int | None = None
    tri_colonne: Annotated[TriServices, official()] | None = None
    tri_sens: Annotated[TriSens, official()] | None = None


class RechercherServicesStructureParam(ChorusRequest):
    """Request body of ``rechercherServicesStructure``."""

    id_structure: int | None = None
    parametres_rechercher_services_structure: ParametresRechercherServicesStructure | None = None


class ServiceExpose(ChorusModel):
    """A service of a structure."""

    code_service: str | None = None
    est_actif: bool | None = None
    id_service: int | None = None
    libelle_service: str | None = None
    statut_service: str | None = None


class WsRetourRechercherServicesStructure(ChorusResponse):
    """Answer of ``rechercherServicesStructure``."""

    liste_services: LenientList[ServiceExpose] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None


class ParametresRechercherEspacesFo(ChorusRequest):
    """Paging and sort of ``rechercherEspaces``."""

    nb_resultats_par_page: int | None = None
    page_resultat_demandee: int | None = None
    tri_colonne: Annotated[TriEspaces, official()] | None = None
    tri_sens: Annotated[TriSens, official()] | None = None


class ParametresStructureRechercherEspacesFo(ChorusRequest):
    """The structure whose workspaces are searched."""

    id_structure: int | None = None
    identifiant_structure: str | None = None
    type_identifiant_structure: Annotated[TypeIdentifiantStructure, official()] | None = None


class RechercherEspacesParam(ChorusRequest):
    """Request body of ``rechercherEspaces``."""

    id_service: int | None = None
    parametres_rechercher_espaces: ParametresRechercherEspacesFo | None = None
    structure: ParametresStructureRechercherEspacesFo | None = None


class WsRetourEspaceFoServiceSxp(ChorusModel):
    """A workspace of a service."""

    code_espace: int | None = None
    code_service: str | None = None
    etat_courant: EtatEspace | None = None
    id_espace_fo: int | None = None
    id_service: int | None = None
    libelle_espace: str | None = None
    libelle_service: str | None = None
    type_habilitation: TypeHabilitation | None = None


class WsRetourRechercherEspacesFo(ChorusResponse):
    """Answer of ``rechercherEspaces``."""

    liste_espace: LenientList[WsRetourEspaceFoServiceSxp] = Field(default_factory=list)
    parametres_retour: ParametresRetour | None = None


class ConsulterStructureAvecTVAIntraComParam(ChorusRequest):
    """Request body of ``consulterStructureAvecTVAIntraCom``."""

    code_langue: Annotated[CodeLangue, official()] | None = None
    id_structure_cpp: int | None = Field(default=None, alias="idStructureCPP")


class StructureDupliquee(ChorusModel):
    """A structure this one was duplicated into."""

    structure_dupliquee: int | None = None


class InformationsGeneralesStructureCompleteTVAIntraCom(ChorusModel):
    """General information of a structure."""

    date_expiration_mot_passe_compte_tech: ChorusDate | None = None
    email_structure: str | None = None
    est_valideur_deleguee: bool | None = None
    id_structure_cpp: int | None = Field(default=None, alias="idStructureCPP")
    id_structure_origine: int | None = None
    identifiant_structure: str | None = None
    libelle_structure: str | None = None
    liste_structure_dupliquees: LenientList[StructureDupliquee] = Field(default_factory=list)
    nom_structure: str | None = None
    numero_rcs_structure: str | None = None
    numero_tva: str | None = Field(default=None, alias="numeroTVA")
    prenom_structure: str | None = None
    raison_sociale_structure: str | None = None
    structure_privee_publique: TypeStructure | None = None
    type_identifiant_structure: TypeIdentifiantStructure | None = None


class ParamModifierStructure(ChorusModel):
    """Settings of a structure: what an invoice addressed to it needs."""

    code_service_doit_etre_renseigne: bool | None = None
    connexion_edi: bool | None = Field(default=None, alias="connexionEDI")
    est_moa_uniquement: bool | None = None
    est_valideur_delegue: bool | None = None
    gestion_numero_ej_ou_code_service: bool | None = Field(
        default=None, alias="gestionNumeroEJOuCodeService"
    )
    a_moa: bool | None = Field(default=None, validation_alias=AliasChoices("aMoa", "getaMoa"))
    """The Swagger spells this key ``getaMoa``."""
    non_diffusible_insee: bool | None = None
    numero_ej_doit_etre_renseigne: bool | None = Field(
        default=None, alias="numeroEJDoitEtreRenseigne"
    )
    recevoir_donnees_via_edi: bool | None = Field(default=None, alias="recevoirDonneesViaEDI")
    statut_mise_en_paiement_nest_pas_remonte: bool | None = None


class WsRetourConsulterStructureTVAIntraCom(ChorusResponse):
    """Answer of ``consulterStructureAvecTVAIntraCom``."""

    adresse_postale_du_siege: AdressePostale | None = None
    information_generales: InformationsGeneralesStructureCompleteTVAIntraCom | None = None
    parametres: ParamModifierStructure | None = None
