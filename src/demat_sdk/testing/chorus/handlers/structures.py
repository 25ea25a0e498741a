"""``/cpro/structures/v1``: the directory of structures and services."""

from __future__ import annotations

from typing import Any

from demat_sdk.chorus.enums import (
    RoleUtilisateur,
    StatutStructureRecherche,
    TypeIdentifiantStructure,
    TypeStructure,
)
from demat_sdk.testing.chorus.handlers.routing import Context, routes
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.directory import Address, ServiceRecord, StructureRecord
from demat_sdk.testing.chorus.wire import Body, Paging, day, envelope, page

__all__ = ["ROUTES", "adresse_postale"]


def adresse_postale(address: Address) -> dict[str, Any]:
    """An ``AdressePostale`` object."""
    data = {
        "adresse": address.adresse,
        "complementAdresse1": address.complement1,
        "complementAdresse2": address.complement2,
        "codePostal": address.code_postal,
        "ville": address.ville,
        "pays": address.libelle_pays,
        "telephone": address.telephone,
    }
    return {key: value for key, value in data.items() if value}


def _statut(structure: StructureRecord) -> str:
    return "ACTIVE" if structure.active else "INACTIVE"


def rechercher(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherStructure``: filters on the structure's data.

    ``restreindreStructuresPrivees`` leaves private structures out.
    """
    criteria = body.obj("structure")
    identifiant = criteria.text("identifiantStructure")
    kind = criteria.enum("typeIdentifiantStructure", TypeIdentifiantStructure)
    type_structure = criteria.enum("typeStructure", TypeStructure)
    statut = criteria.enum("statutStructure", StatutStructureRecherche)
    names = [
        (criteria.text(key) or "").casefold()
        for key in ("raisonSocialeStructure", "libelleStructure", "nomStructure")
    ]
    postal = criteria.text("adresseCodePostal")
    ville = (criteria.text("adresseVille") or "").casefold()
    pays = criteria.text("adresseCodePays")
    without_private = bool(body.boolean("restreindreStructuresPrivees"))

    def wanted(structure: StructureRecord) -> bool:
        checks = (
            identifiant is None or structure.identifiant == identifiant,
            kind is None or structure.type_identifiant is kind,
            type_structure is None or structure.type_structure is type_structure,
            statut is None or structure.active == (statut is StatutStructureRecherche.ACTIF),
            all(name in structure.designation.casefold() for name in names if name),
            postal is None or structure.address.code_postal == postal,
            not ville or ville in structure.address.ville.casefold(),
            pays is None or structure.address.code_pays == pays,
            not (without_private and not structure.is_public),
        )
        return all(checks)

    items = [
        {
            "idStructureCPP": structure.id_structure_cpp,
            "identifiantStructure": structure.identifiant,
            "designationStructure": structure.designation,
            "typeIdentifiantStructure": structure.type_identifiant.value,
            "statut": _statut(structure),
        }
        for structure in context.state.directory.structures.values()
        if wanted(structure)
    ]
    paging = Paging.read(body.obj("parametres"), default_column="IdentifiantStructure")
    rows, counters = page(items, paging, sort_keys={"Statut": "statut"})
    return envelope(listeStructures=rows, parametresRetour=counters)


def consulter(context: Context, body: Body) -> dict[str, Any]:
    """``consulterStructure``: general data and the routing parameters a supplier must follow."""
    structure = context.state.directory.structure(
        body.integer("idStructureCPP", required=True) or 0
    )
    info: dict[str, Any] = {
        "idStructureCPP": structure.id_structure_cpp,
        "identifiantStructure": structure.identifiant,
        "typeIdentifiantStructure": structure.type_identifiant.value,
        "libelleStructure": structure.designation,
        "raisonSocialeStructure": structure.designation,
        "structurePriveePublique": structure.type_structure.value,
        "estValideurDeleguee": False,
    }
    for key, value in (
        ("emailStructure", structure.email),
        ("numeroTVA", structure.numero_tva),
        ("numeroRcsStructure", structure.numero_rcs),
    ):
        if value:
            info[key] = value
    if context.account.rights.get(structure.id_structure_cpp):
        info["dateExpirationMotPasseCompteTech"] = day(context.account.password_expiry)
    return envelope(
        adressePostaleDuSiege=adresse_postale(structure.address),
        informationGenerales=info,
        parametres={
            "codeServiceDoitEtreRenseigne": structure.code_service_doit_etre_renseigne,
            "numeroEJDoitEtreRenseigne": structure.numero_ej_doit_etre_renseigne,
            "gestionNumeroEJOuCodeService": structure.gestion_numero_ej_ou_code_service,
            "statutMiseEnPaiementNestPasRemonte": (
                structure.statut_mise_en_paiement_nest_pas_remonte
            ),
            "connexionEDI": structure.connexion_edi,
            "recevoirDonneesViaEDI": structure.connexion_edi,
            "estMoaUniquement": False,
            "estValideurDelegue": False,
            "getaMoa": False,
            "nonDiffusibleInsee": False,
        },
    )


def _service_item(service: ServiceRecord) -> dict[str, Any]:
    return {
        "idService": service.id_service,
        "codeService": service.code_service,
        "libelleService": service.libelle_service,
        "estActif": service.actif,
        "statutService": "ACTIF" if service.actif else "INACTIF",
    }


def rechercher_services(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherServicesStructure``."""
    structure = context.state.directory.structure(body.integer("idStructure", required=True) or 0)
    items = [_service_item(service) for service in structure.services.values()]
    paging = Paging.read(
        body.obj("parametresRechercherServicesStructure"), default_column="CodeService"
    )
    rows, counters = page(items, paging, sort_keys={"EstActif": "estActif"})
    return envelope(listeServices=rows, parametresRetour=counters)


def consulter_service(context: Context, body: Body) -> dict[str, Any]:
    """``consulterServiceStructure``: ``numeroEngagement`` says whether an EJ is mandatory."""
    service = context.state.directory.service(
        body.integer("idStructure", required=True) or 0,
        body.integer("idService", required=True) or 0,
    )
    return envelope(
        informationsGenerales={
            "codeService": service.code_service,
            "nomService": service.libelle_service,
            "descriptionService": service.description,
        },
        parametres={
            key: value
            for key, value in {
                "dateCreation": day(service.date_debut),
                "dateDebutValidite": day(service.date_debut),
                "dateFinValidite": day(service.date_fin),
                "dateModification": day(service.date_debut),
                "miseEnPaiement": service.mise_en_paiement,
                "numeroEngagement": service.numero_engagement,
            }.items()
            if value is not None
        },
        adressePostale=adresse_postale(service.address),
    )


def lister_rattachements(context: Context, body: Body) -> dict[str, Any]:
    """``listerRattachementsStructureUtilisateur``: the account's attachments to the services."""
    state = context.state
    structure = _named_structure(context, body)
    if structure is None:
        raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, "idStructure")
    login = body.text("adresseEmailConnexionUtilisateur")
    account = state.gate.accounts.get(login) if login else context.account
    if account is None or not account.rights.get(structure.id_structure_cpp):
        raise RefusedError(Refusal.HABILITATION)
    items = [
        {
            "idService": service.id_service,
            "codeService": service.code_service,
            "nomService": service.libelle_service,
            "idRattachement": account.id_utilisateur * 100 + index,
            "statutRattachement": "VALIDEE",
            "dateDebut": day(account.created),
        }
        for index, service in enumerate(structure.services.values(), start=1)
    ]
    paging = Paging.read(
        body.obj("parametresListerRattachementsStructureUtilisateur"), default_column="CodeService"
    )
    rows, counters = page(items, paging)
    return envelope(
        idStructure=structure.id_structure_cpp,
        identifiantStructure=structure.identifiant,
        designationStructure=structure.designation,
        premierService=False,
        listeServices=rows,
        parametresRetour=counters,
    )


_ESPACES = {
    RoleUtilisateur.FOURNISSEUR: (1, "Factures émises"),
    RoleUtilisateur.DESTINATAIRE: (7, "Factures reçues"),
    RoleUtilisateur.VALIDEUR: (9, "Factures à valider"),
}


def _named_structure(context: Context, criteria: Body) -> StructureRecord | None:
    """The structure a request names by ``idStructure`` or ``identifiantStructure``, if any.

    Raises:
        RefusedError: the structure named does not exist.
    """
    directory = context.state.directory
    id_structure = criteria.integer("idStructure")
    if id_structure is not None:
        return directory.structure(id_structure)
    identifiant = criteria.text("identifiantStructure")
    if not identifiant:
        return None
    found = directory.find(identifiant)
    if found is None:
        raise RefusedError(Refusal.STRUCTURE_INCONNUE, identifiant)
    return found


def rechercher_espaces(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherEspaces``: the workspaces the account's roles open on a structure.

    The structure is named by its id or its identifier, or given by one of its services
    (``idService`` alone).
    """
    directory = context.state.directory
    id_service = body.integer("idService")
    structure = _named_structure(context, body.obj("structure"))
    if structure is None and id_service is not None:
        structure = next(
            (each for each in directory.structures.values() if id_service in each.services),
            None,
        )
        if structure is None:
            raise RefusedError(Refusal.SERVICE_INCONNU, str(id_service))
    if structure is None:
        raise RefusedError(Refusal.CHAMP_OBLIGATOIRE, "structure.idStructure")
    roles = context.account.rights.get(structure.id_structure_cpp, frozenset())
    services = [
        service
        for service in structure.services.values()
        if id_service is None or service.id_service == id_service
    ]
    items = [
        {
            "idEspaceFo": structure.id_structure_cpp * 10 + code,
            "codeEspace": code,
            "libelleEspace": libelle,
            "idService": service.id_service,
            "codeService": service.code_service,
            "libelleService": service.libelle_service,
            "etatCourant": "ACTIVE",
            "typeHabilitation": "MODIFICATION",
        }
        for role, (code, libelle) in _ESPACES.items()
        if role in roles
        for service in services
    ]
    paging = Paging.read(body.obj("parametresRechercherEspaces"), default_column="CodeService")
    rows, counters = page(items, paging)
    return envelope(listeEspace=rows, parametresRetour=counters)


ROUTES = routes(
    "/cpro/structures/v1",
    ("rechercherStructure", "/rechercher", rechercher),
    ("consulterStructureAvecTVAIntraCom", "/consulter", consulter),
    ("rechercherServicesStructure", "/rechercher/services", rechercher_services),
    ("consulterServiceStructure", "/consulter/service", consulter_service),
    (
        "listerRattachementsStructureUtilisateur",
        "/lister/rattachementsutilisateur",
        lister_rattachements,
    ),
    ("rechercherEspaces", "/rechercher/espaces", rechercher_espaces),
)
