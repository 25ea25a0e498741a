"""``/cpro/transverses/v1``: reference lists, flux reports, attachments, structures.

Also the health check, the recipient's possible statuses and the structures an account works
for.

No Swagger is published for this API; keys follow the public clients (reference notes §3.3).
"""

from __future__ import annotations

import base64
from typing import Any

from demat_sdk.chorus import lifecycle
from demat_sdk.chorus.enums import (
    CadreFacturation,
    RoleUtilisateur,
    StatutFacture,
    TypeObjetPieceJointe,
    TypeStructure,
)
from demat_sdk.testing.chorus import reference
from demat_sdk.testing.chorus.documents import directory_export, text_pdf
from demat_sdk.testing.chorus.handlers.factures import decode_base64
from demat_sdk.testing.chorus.handlers.routing import Context, routes
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.flux import FluxRecord
from demat_sdk.testing.chorus.wire import Body, Paging, envelope, money, page, timestamp

__all__ = ["ROUTES"]


def _english(body: Body) -> int:
    """Index of the label to use: 1 for English, 0 for French (the default)."""
    return 1 if (body.text("codeLangue") or "FR").upper() == "EN" else 0


def health_check(context: Context, body: Body) -> dict[str, Any]:
    """``GET /health-check``."""
    return {"body": "OK", "statusCode": "200 OK", "statusCodeValue": 200}


def recuperer_devises(context: Context, body: Body) -> dict[str, Any]:
    """``recupererDevises``."""
    english = _english(body)
    devises = [
        {"codeDevise": code, "libelleDevise": labels[english]}
        for code, labels in reference.DEVISES.items()
    ]
    return envelope(listeDevises=devises)


def recuperer_pays(context: Context, body: Body) -> dict[str, Any]:
    """``recupererPays``."""
    english = _english(body)
    pays = [
        {"codePays": code, "libellePays": labels[english]}
        for code, labels in reference.PAYS.items()
    ]
    return envelope(listePays=pays)


def recuperer_taux_tva(context: Context, body: Body) -> dict[str, Any]:
    """``recupererTauxTva``."""
    english = _english(body)
    taux = [
        {"codeTauxTva": code, "libelleTauxTva": labels[english], "valeurTauxTva": money(rate)}
        for code, (*labels, rate) in reference.TAUX_TVA.items()
    ]
    return envelope(listeTauxTva=taux)


def recuperer_motifs_exoneration_tva(context: Context, body: Body) -> dict[str, Any]:
    """``recupererMotifsExonerationTva``."""
    english = _english(body)
    motifs = [
        {"codeMotifExonerationTva": code, "libelleMotifExonerationTva": labels[english]}
        for code, labels in reference.MOTIFS_EXONERATION_TVA.items()
    ]
    return envelope(listeMotifsExonerationTva=motifs)


def recuperer_mode_reglements(context: Context, body: Body) -> dict[str, Any]:
    """``recupererModeReglements``."""
    return envelope(
        listeModePaiement=[{"modePaiement": mode} for mode in reference.MODES_REGLEMENT]
    )


def recuperer_mode_depot(context: Context, body: Body) -> dict[str, Any]:
    """``recupererModeDepot``."""
    return envelope(listeModeDepot=[{"modeDepot": mode} for mode in reference.MODES_DEPOT])


def recuperer_format_flux(context: Context, body: Body) -> dict[str, Any]:
    """``recupererFormatFlux``."""
    return envelope(listeFormatFlux=[{"formatFlux": fmt} for fmt in reference.FORMATS_FLUX])


def recuperer_cadre_facturation(context: Context, body: Body) -> dict[str, Any]:
    """``recupererCadreFacturation``."""
    cadres = reference.CADRES_FACTURATION.get(body.text("typeDemandePaiement") or "FACTURE", ())
    return envelope(listeCadreFacturation=[{"codeCadreFacturation": code} for code in cadres])


def recuperer_type_demande_paiement(context: Context, body: Body) -> dict[str, Any]:
    """``recupererTypeDemandePaiement``."""
    types = [{"typeDemandePaiement": kind} for kind in reference.TYPES_DEMANDE_PAIEMENT]
    return envelope(listeTypeDemandePaiement=types)


def recuperer_etats_traitement(context: Context, body: Body) -> dict[str, Any]:
    """``recupererEtatsPossiblesPourTraitement``, from the shared lifecycle table."""
    statut = body.enum("statutCourant", StatutFacture, required=True)
    assert statut is not None  # noqa: S101 - required
    possibles = lifecycle.etats_possibles_pour_traitement(statut)
    return envelope(
        listeStatutsPossiblesPourTraitement=[
            {"statutPossiblePourTraitement": target.value} for target in possibles
        ]
    )


def recuperer_etat_type_dp(context: Context, body: Body) -> dict[str, Any]:
    """``recupererEtatParTypeDemandePaiement``: the statuses an invoice may take."""
    kind = body.text("typeDemandePaiement") or "FACTURE"
    if kind not in reference.TYPES_DEMANDE_PAIEMENT:
        raise RefusedError(Refusal.VALEUR_INVALIDE, f"typeDemandePaiement ({kind})")
    statuts = sorted(
        {t.source for t in lifecycle.TRANSITIONS} | {t.target for t in lifecycle.TRANSITIONS},
        key=lambda statut: list(StatutFacture).index(statut),
    )
    return envelope(listeEtatDemandePaiement=[{"etatDemandePaiement": s.value} for s in statuts])


def recuperer_types_piece_jointe(context: Context, body: Body) -> dict[str, Any]:
    """``recupererTypesPieceJointe``: kinds of attachment, for one kind of object or all."""
    english = _english(body)
    type_objet = body.enum("typeObjet", TypeObjetPieceJointe)
    types = [
        {
            "idTypePieceJointe": identifier,
            "codeTypePieceJointe": code,
            "libelleTypePieceJointe": (french, english_label)[english],
            "typeObjet": objet,
        }
        for identifier, (code, french, english_label, objet) in reference.TYPES_PIECE_JOINTE.items()
        if type_objet is None or objet == type_objet.value
    ]
    return envelope(listeTypePieceJointe=types)


def recuperer_motifs_refus(context: Context, body: Body) -> dict[str, Any]:
    """``recupererMotifsRefusFactureAValider``: a validator's coded reasons, for A9 and A12."""
    cadre = body.enum("codeCadreFacturationAValider", CadreFacturation, required=True)
    assert cadre is not None  # noqa: S101 - required
    motifs = (
        [
            {"idMotif": identifier, "codeMotif": code, "libelleMotif": libelle}
            for identifier, (code, libelle) in reference.MOTIFS_REFUS.items()
        ]
        if cadre.value in reference.CADRES_AVEC_VALIDEUR
        else []
    )
    return envelope(listeMotifRefusFactureAValider=motifs)


# --- flux reports --------------------------------------------------------------------------


def _flux(context: Context, body: Body) -> FluxRecord:
    return context.state.flux.of_account(
        context.account, body.text("numeroFluxDepot", required=True)
    )


def consulter_cr(context: Context, body: Body) -> dict[str, Any]:
    """``consulterCR``: the flux state, and the report as a PDF."""
    flux = _flux(context, body)
    lines = [
        f"Flux : {flux.numero}",
        f"Fichier : {flux.nom_fichier}",
        f"Syntaxe : {flux.syntaxe.value}",
        f"État : {flux.etat.value}",
        *(f"{error.numero_dp or '-'} : {error.libelle}" for error in flux.erreurs_dp),
        *(f"{error.code} : {error.libelle}" for error in flux.erreurs_techniques),
    ]
    report = text_pdf("Compte rendu de traitement du flux", lines)
    return envelope(
        numeroFluxDepot=flux.numero,
        etatCourantFlux=flux.etat.value,
        dateDepotFlux=timestamp(flux.date_depot),
        dateHeureEtatCourantFlux=timestamp(flux.etat_at),
        codeInterfaceFlux=flux.code_interface,
        codeAppliPartenaire="CPP001",
        designationPartenaire="Chorus Pro",
        nomFichierFlux=flux.nom_fichier,
        fichierCR=base64.b64encode(report).decode(),
    )


def consulter_cr_detaille(context: Context, body: Body) -> dict[str, Any]:
    """``consulterCRDetaille``: the flux state, ``listeErreurDP`` and ``listeErreurTechnique``."""
    flux = _flux(context, body)
    return envelope(
        etatCourantDepotFlux=flux.etat.value,
        dateDepotFlux=timestamp(flux.date_depot),
        dateHeureEtatCourantFlux=timestamp(flux.etat_at),
        codeInterfaceDepotFlux=flux.code_interface,
        nomFichier=flux.nom_fichier_cr,
        listeErreurDP=[
            {
                "identifiantDestinataire": error.identifiant_destinataire,
                "identifiantFournisseur": error.identifiant_fournisseur,
                "numeroDP": error.numero_dp,
                "libelleErreurDP": error.libelle,
            }
            for error in flux.erreurs_dp
        ],
        listeErreurTechnique=[
            {"codeErreur": error.code, "libelleErreur": error.libelle, "natureErreur": error.nature}
            for error in flux.erreurs_techniques
        ],
    )


# --- attachments ---------------------------------------------------------------------------


def ajouter_fichier(context: Context, body: Body) -> dict[str, Any]:
    """``ajouterFichierDansSysteme``: store an attachment; above 10 MB, codeRetour 20003."""
    content = decode_base64(body, "pieceJointeFichier")
    stored = context.state.invoices.add_attachment(
        context.account,
        nom=body.text("pieceJointeNom", required=True) or "",
        type_mime=body.text("pieceJointeTypeMime", required=True) or "",
        extension=body.text("pieceJointeExtension", required=True) or "",
        content=content,
    )
    return envelope(pieceJointeId=stored.piece_jointe_id)


# --- structures of the account -------------------------------------------------------------


def _actives(context: Context, role: RoleUtilisateur) -> dict[str, Any]:
    directory = context.state.directory
    structures = [directory.structure(sid) for sid in context.account.structures_with(role)]
    return envelope(
        listeStructures=[
            {
                "idStructureCPP": structure.id_structure_cpp,
                "identifiant": structure.identifiant,
                "designationStructure": structure.designation,
            }
            for structure in structures
            if structure.active
        ]
    )


def structures_actives_fournisseur(context: Context, body: Body) -> dict[str, Any]:
    """``recupererStructuresActivesPourFournisseur``: where the account may issue invoices."""
    return _actives(context, RoleUtilisateur.FOURNISSEUR)


def structures_actives_destinataire(context: Context, body: Body) -> dict[str, Any]:
    """``recupererStructuresActivesPourDestinataire``: where the account receives invoices."""
    return _actives(context, RoleUtilisateur.DESTINATAIRE)


def coordonnees_bancaires(context: Context, body: Body) -> dict[str, Any]:
    """``recupererCoordonneesBancairesValides`` of a structure the account invoices for."""
    structure = context.structure_as(
        body.integer("idStructure", required=True), RoleUtilisateur.FOURNISSEUR
    )
    return envelope(
        listeCoordonneeBancaire=[
            {"idCoordonneeBancaire": bank.id_coordonnee_bancaire, "nomCoordonneeBancaire": bank.nom}
            for bank in structure.bank_accounts
        ]
    )


def rechercher_destinataire(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherDestinataire``: public structures by identifier or name / town / post code."""
    identifiant = body.text("identifiant")
    words = (body.text("nomVilleCodePostal") or "").casefold()
    kind = body.text("typeStructure")
    if kind is not None and kind not in TypeStructure.__members__:
        raise RefusedError(Refusal.VALEUR_INVALIDE, f"typeStructure ({kind})")
    items = [
        {
            "idStructureCPP": structure.id_structure_cpp,
            "siret": structure.identifiant,
            "nomDestinataire": structure.designation,
            "adresseCodePostal": structure.address.code_postal,
            "adresseVille": structure.address.ville,
        }
        for structure in context.state.directory.structures.values()
        if structure.is_public
        and structure.active
        and (identifiant is None or structure.identifiant.startswith(identifiant))
        and (
            not words
            or words
            in " ".join(
                (structure.designation, structure.address.ville, structure.address.code_postal)
            ).casefold()
        )
    ]
    paging = Paging.read(body.obj("parametresRecherche"), default_column="Siret")
    rows, counters = page(items, paging)
    return envelope(listeDestinataires=rows, parametresRetour=counters)


def telecharger_annuaire_destinataire(context: Context, body: Body) -> dict[str, Any]:
    """``telechargerAnnuaireDestinataire``: the public recipients, as Chorus Pro exports them."""
    export = directory_export(context.state.directory.structures.values())
    return envelope(fichierResultat=base64.b64encode(export).decode("ascii"))


def consulter_information_siret(context: Context, body: Body) -> dict[str, Any]:
    """``consulterInformationSIRET``: does not work in qualification, like the real sandbox."""
    if context.state.settings.qualification:
        raise RefusedError(Refusal.INDISPONIBLE_QUALIFICATION)
    siret = body.text("siretStructure", required=True) or ""
    structure = context.state.directory.find(siret)
    if structure is None:
        raise RefusedError(Refusal.STRUCTURE_INCONNUE, siret)
    return envelope(
        siret=structure.identifiant,
        siren=structure.identifiant[:9],
        raisonSociale=structure.designation,
        estActif=structure.active,
        adresse=" ".join(
            part
            for part in (
                structure.address.adresse,
                structure.address.code_postal,
                structure.address.ville,
            )
            if part
        ),
        nonDiffusibleInsee=False,
    )


_BASE = "/cpro/transverses/v1"

ROUTES = (
    *routes(_BASE, ("healthCheck", "/health-check", health_check), method="GET"),
    *routes(
        _BASE,
        ("recupererDevises", "/recuperer/devises", recuperer_devises),
        ("recupererPays", "/recuperer/pays", recuperer_pays),
        ("recupererTauxTva", "/recuperer/tauxtva", recuperer_taux_tva),
        (
            "recupererMotifsExonerationTva",
            "/recuperer/motifs/exonerationtva",
            recuperer_motifs_exoneration_tva,
        ),
        ("recupererModeReglements", "/recuperer/modereglements", recuperer_mode_reglements),
        ("recupererModeDepot", "/recuperer/modedepot", recuperer_mode_depot),
        ("recupererFormatFlux", "/recuperer/formatflux", recuperer_format_flux),
        ("recupererCadreFacturation", "/recuperer/cadrefacturation", recuperer_cadre_facturation),
        ("recupererTypeDemandePaiement", "/recuperer/typedp", recuperer_type_demande_paiement),
        (
            "recupererEtatsPossiblesPourTraitement",
            "/recuperer/etats/traitement",
            recuperer_etats_traitement,
        ),
        ("recupererEtatParTypeDemandePaiement", "/recuperer/etat/typedp", recuperer_etat_type_dp),
        ("recupererTypesPieceJointe", "/recuperer/typespj", recuperer_types_piece_jointe),
        (
            "recupererMotifsRefusFactureAValider",
            "/recuperer/motifs/refus/Facture/AValider",
            recuperer_motifs_refus,
        ),
        ("consulterCR", "/consulterCR", consulter_cr),
        ("consulterCRDetaille", "/consulterCRDetaille", consulter_cr_detaille),
        ("ajouterFichierDansSysteme", "/ajouter/fichier", ajouter_fichier),
        (
            "recupererStructuresActivesPourFournisseur",
            "/recuperer/structures/actives/fournisseur",
            structures_actives_fournisseur,
        ),
        (
            "recupererStructuresActivesPourDestinataire",
            "/recuperer/structures/actives/destinataire",
            structures_actives_destinataire,
        ),
        (
            "recupererCoordonneesBancairesValides",
            "/recuperer/coordbanc/valides",
            coordonnees_bancaires,
        ),
        ("rechercherDestinataire", "/rechercher/destinataire", rechercher_destinataire),
        (
            "telechargerAnnuaireDestinataire",
            "/telecharger/annuaire/destinataire",
            telecharger_annuaire_destinataire,
        ),
        ("consulterInformationSIRET", "/consulter/information/siret", consulter_information_siret),
    ),
)
