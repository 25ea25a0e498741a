"""Invoices as the API shows them, with the exact keys of the official Swagger.

The full invoice (``FactureCpp``, ``FactureCppEmise``), the items of each search, the history.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from demat_sdk.chorus.enums import DestinataireEtat, TypeDemandePaiement
from demat_sdk.testing.chorus import reference
from demat_sdk.testing.chorus.state.directory import StructureRecord
from demat_sdk.testing.chorus.state.invoices import InvoiceRecord, LinkedAttachment
from demat_sdk.testing.chorus.wire import Body, Paging, day, minute, money, page

__all__ = [
    "facture",
    "historique",
    "item_atraiter_fournisseur",
    "item_fournisseur",
    "item_recipiendaire",
    "item_valideur",
]


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the keys without a value, as the API omits them."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def _service(record: InvoiceRecord) -> tuple[str | None, str | None]:
    service = record.destinataire.services.get(record.id_service) if record.id_service else None
    return (service.code_service, service.libelle_service) if service else (None, None)


def _service_fournisseur(record: InvoiceRecord) -> tuple[str | None, str | None]:
    found = (
        record.fournisseur.services.get(record.id_service_fournisseur)
        if record.id_service_fournisseur
        else None
    )
    return (found.code_service, found.libelle_service) if found else (None, None)


def _bank(record: InvoiceRecord) -> dict[str, Any]:
    for account in record.fournisseur.bank_accounts:
        if account.id_coordonnee_bancaire == record.id_coordonnee_bancaire:
            return {
                "coordBancairesFournisseurId": account.id_coordonnee_bancaire,
                "coordBancairesFournisseurType": "IBAN",
                "coordBancairesFournisseurLibelle": account.nom,
                "coordBancairesFournisseurCodePays": account.iban[:2],
                "coordBancairesFournisseurCleIban": account.iban[2:4],
                "coordBancairesFournisseurCompteBancaire": account.iban[4:],
                "coordBancairesBicSwift": account.bic,
            }
    return {}


def _address(prefix: str, structure: StructureRecord) -> dict[str, Any]:
    address = structure.address
    return {
        f"{prefix}Detail": address.adresse,
        f"{prefix}Complement1": address.complement1,
        f"{prefix}CodePostal": address.code_postal,
        f"{prefix}Ville": address.ville,
        f"{prefix}CodePays": address.code_pays,
        f"{prefix}LibellePays": address.libelle_pays,
    }


def _cadre(record: InvoiceRecord) -> dict[str, Any]:
    valideur = record.valideur
    return _compact(
        {
            "codeCadreFacturation": record.cadre.value,
            "idValideur1": valideur.id_structure_cpp if valideur else None,
            "typeIdentifiantValideur1": valideur.type_identifiant.value if valideur else None,
            "codeValideur1": valideur.identifiant if valideur else None,
            "raisonSocialeValideur1": valideur.designation if valideur else None,
            "dateValidation1": day(record.date_validation),
        }
    )


def _references(record: InvoiceRecord) -> dict[str, Any]:
    devise = reference.DEVISES.get(record.devise)
    motif = reference.MOTIFS_EXONERATION_TVA.get(record.motif_exoneration_tva or "")
    return _compact(
        {
            "dateFacture": day(record.date_facture),
            "dateDepot": day(record.date_depot),
            "codeDeviseFacture": record.devise,
            "libelleDeviseFacture": devise[0] if devise else None,
            "typeFacture": record.type_facture.value,
            "typeTva": record.type_tva.value if record.type_tva else None,
            "motifExonerationTva": record.motif_exoneration_tva,
            "libelleMotifExonerationTva": motif[0] if motif else None,
            "numeroMarche": record.numero_marche,
            "numeroBonCommande": record.numero_bon_commande,
            "numeroFactureOrigine": record.numero_facture_origine,
            "modePaiement": record.mode_paiement.value if record.mode_paiement else None,
            "dateCreationFacture": day(record.date_depot),
            "tailleTotalePiecesJointes": record.taille,
            "numeroDpMandat": record.numero_dp_mandat,
        }
    )


def _montants(record: InvoiceRecord) -> dict[str, Any]:
    return {
        "montantHtTotal": money(record.montant_ht),
        "montantTVA": money(record.montant_tva),
        "montantTtcAvantRemiseGlobalTTC": money(record.montant_ttc + record.montant_remise),
        "montantRemiseGlobaleTTC": money(record.montant_remise),
        "montantTtcTotal": money(record.montant_ttc),
        "montantAPayer": money(record.montant_a_payer),
    }


def _lignes(record: InvoiceRecord, paging: Paging) -> dict[str, Any]:
    rows = []
    for line in record.lines:
        tva = (
            (line.montant_ht * line.taux_tva / 100).quantize(Decimal("0.01"))
            if line.taux_tva is not None
            else Decimal(0)
        )
        rows.append(
            _compact(
                {
                    "lignePosteNumero": int(line.numero) if line.numero.isdigit() else None,
                    "lignePosteReference": line.reference,
                    "lignePosteDenomination": line.denomination,
                    "lignePosteQuantite": money(line.quantite),
                    "lignePosteUniteLibelle": line.unite,
                    "lignePosteMontantUnitaireHT": money(line.prix_unitaire_ht),
                    "lignePosteTauxTva": line.taux_code or None,
                    "lignePosteTauxTvaManuel": (
                        money(line.taux_tva)
                        if not line.taux_code and line.taux_tva is not None
                        else None
                    ),
                    "lignePosteMontantHtApresRemise": money(line.montant_ht),
                    "lignePosteMontantTva": money(tva),
                    "lignePosteMontantTtcApresRemise": money(line.montant_ht + tva),
                }
            )
        )
    items, counters = page(rows, paging)
    return {"lignePoste": items, **{f"{key}LignesPoste": value for key, value in counters.items()}}


def _tva(record: InvoiceRecord, paging: Paging) -> dict[str, Any]:
    by_value = {rate: code for code, (_, _, rate) in reference.TAUX_TVA.items()}
    rows = []
    for line in record.vat:
        code = by_value.get(line.taux)
        known = reference.TAUX_TVA.get(code) if code else None
        rows.append(
            _compact(
                {
                    "ligneTvaTauxRefCode": code,
                    "ligneTvaTauxRefLibelle": known[0] if known else None,
                    "ligneTvaTauxRefValeur": money(line.taux) if code else None,
                    "ligneTvaTauxManuel": None if code else money(line.taux),
                    "ligneTvaMontantBaseHtParTaux": money(line.base_ht),
                    "ligneTvaMontantTvaParTaux": money(line.montant_tva),
                }
            )
        )
    items, counters = page(rows, paging)
    return {
        "ligneTva": items,
        **{f"{key}LignesRecapitulativesTVA": value for key, value in counters.items()},
    }


def _piece(link: LinkedAttachment) -> dict[str, Any]:
    return _compact(
        {
            "pieceJointeTypeCode": link.type_code,
            "pieceJointeTypeLibelle": reference.libelle_type_piece_jointe(link.type_code),
            "pieceJointeDesignation": link.designation,
            "pieceJointeNumeroLigneFacture": link.numero_ligne,
            "pieceJointeIdLiaison": link.id_liaison,
            "pieceJointeId": link.attachment.piece_jointe_id,
            "pieceJointeExtension": link.attachment.extension,
        }
    )


def _pieces(record: InvoiceRecord, paging: Paging) -> dict[str, Any]:
    items, counters = page([_piece(link) for link in record.pieces_jointes], paging)
    return {
        "pieceJointe": items,
        **{f"{key}ListePiecesJointe": value for key, value in counters.items()},
    }


def facture(record: InvoiceRecord, body: Body, *, emise: bool) -> dict[str, Any]:
    """The full invoice: ``FactureCppEmise`` for the supplier, ``FactureCpp`` otherwise.

    ``body`` is the request, for the paging of lines, VAT lines and attachments (keys differ
    per operation; the Swagger's ``getp…`` spellings are accepted too).
    """
    lignes = body.first_obj("rechercheLignePoste", "pLignesPoste", "getpLignesPoste")
    tva = body.first_obj(
        "rechercheligneTvaRecap", "rechercheLigneTvaRecap", "pLigneRecapTva", "getpLigneRecapTva"
    )
    pj = body.first_obj("recherchePj", "pListePiecesJointes", "getpListePiecesJointes")
    code_service, libelle_service = _service(record)
    code_service_f, libelle_service_f = _service_fournisseur(record)
    destinataire = _compact(
        {
            "idDestinataire": record.destinataire.id_structure_cpp,
            "codeDestinataire": record.destinataire.identifiant,
            "libelleDestinataire": record.destinataire.designation,
            "idServiceExecutant": record.id_service,
            "codeServiceExecutant": code_service,
            "libelleServiceExecutant": libelle_service,
            **_address("adresseDestinataire", record.destinataire),
        }
    )
    fournisseur = _compact(
        {
            "idFournisseur": record.fournisseur.id_structure_cpp,
            "typeIdentifiantFournisseur": record.fournisseur.type_identifiant.value,
            "codeFournisseur": record.fournisseur.identifiant,
            "designationFournisseur": record.fournisseur.designation,
            "idServiceFournisseur": record.id_service_fournisseur,
            "codeServiceFournisseur": code_service_f,
            "libelleServiceFournisseur": libelle_service_f,
            "numeroRcsFournisseur": record.fournisseur.numero_rcs,
            **_address("adresseFournisseur", record.fournisseur),
            **_bank(record),
        }
    )
    if emise:
        destinataire["designationDestinataire"] = record.destinataire.designation
        destinataire[
            "miseEnPaiementDestinataire"
        ] = not record.destinataire.statut_mise_en_paiement_nest_pas_remonte
        fournisseur["raisonSocialeFournisseur"] = record.fournisseur.designation
    else:
        destinataire["destinataireEtat"] = DestinataireEtat.NON.value
    result: dict[str, Any] = {
        "identifiantFactureCPP": record.id,
        "numeroFacture": record.numero,
        "statutFacture": record.statut.value,
        "modeDepot": record.mode_depot.value,
        "destinataire": destinataire,
        "fournisseur": fournisseur,
        "cadreDeFacturation": _cadre(record),
        "references": _references(record),
        "montantTotal": _montants(record),
        "lignesDePoste": _lignes(
            record,
            Paging.read(
                lignes,
                page="pageResultatDemandeeLignesPoste",
                per_page="nbResultatsParPageLignesPoste",
                sens="triSensListeLignesPoste",
                colonne="triColonneListeLignesPoste",
            ),
        ),
        "recapitulatifDeTva": _tva(
            record,
            Paging.read(
                tva,
                page="pageResultatDemandeeListeRecapitulatifTVA",
                per_page="nbResultatsParPageListeListeRecapitulatifTVA",
                sens="triSensListeRecapitulatifTVA",
                colonne="triColonneListeRecapitulatifTVA",
            ),
        ),
        "listeDesPiecesJointes": _pieces(
            record,
            Paging.read(
                pj,
                page="pageResultatDemandeeListePieceJointe",
                per_page="nbResultatsParPageListePieceJointe",
                sens="triSensListePiecesJointes",
                colonne="triColonneListePiecesJointes",
            ),
        ),
    }
    if emise:
        result["rejetTraite"] = record.rejet_traite
    if record.principale is not None:
        result["pieceJointePrincipale"] = {
            "idLiaisonPieceJointePrincipale": record.principale.id_liaison,
            "idPieceJointePrincipale": record.principale.attachment.piece_jointe_id,
        }
    if record.commentaire:
        result["commentaire"] = record.commentaire
    return result


def _common_item(record: InvoiceRecord) -> dict[str, Any]:
    code_service, libelle_service = _service(record)
    code_service_f, libelle_service_f = _service_fournisseur(record)
    return {
        "typeDemandePaiement": TypeDemandePaiement.FACTURE.value,
        "codeFournisseur": record.fournisseur.identifiant,
        "typeIdentifiantFournisseur": record.fournisseur.type_identifiant.value,
        "designationFournisseur": record.fournisseur.designation,
        "codeServiceFournisseur": code_service_f,
        "nomServiceFournisseur": libelle_service_f,
        "idDestinataire": record.destinataire.id_structure_cpp,
        "codeDestinataire": record.destinataire.identifiant,
        "designationDestinataire": record.destinataire.designation,
        "idServiceExecutant": record.id_service,
        "codeServiceExecutant": code_service,
        "nomServiceExecutant": libelle_service,
        "typeFacture": record.type_facture.value,
        "numeroFacture": record.numero,
        "dateFacture": day(record.date_facture),
        "dateDepot": day(record.date_depot),
        "montantHT": money(record.montant_ht),
        "montantTTC": money(record.montant_ttc),
        "montantAPayer": money(record.montant_a_payer),
        "devise": record.devise,
        "statut": record.statut.value,
        "numeroMarche": record.numero_marche,
        "numeroBonCommande": record.numero_bon_commande,
        "taille": record.taille,
    }


def item_fournisseur(record: InvoiceRecord) -> dict[str, Any]:
    """An item of ``rechercherFactureParFournisseur``."""
    valideur = record.valideur
    return _compact(
        {
            "identifiantFactureCPP": record.id,
            **_common_item(record),
            "numeroFluxDepot": record.numero_flux_depot,
            "numeroFactureOrigine": record.numero_facture_origine,
            "modeDepot": record.mode_depot.value,
            "typeIdentifiantValideur1": valideur.type_identifiant.value if valideur else None,
            "codeValideur1": valideur.identifiant if valideur else None,
            "raisonSocialeValideur1": valideur.designation if valideur else None,
            "dateValidation1": day(record.date_validation),
            "nomPrenomUtilisateurCreateur": f"{record.createur.prenom} {record.createur.nom}",
            "dateHeureEtatCourant": minute(record.last_change.at),
            "commentaireEtatCourant": record.last_change.commentaire,
            "rejetTraite": record.rejet_traite,
        }
    )


def item_atraiter_fournisseur(record: InvoiceRecord) -> dict[str, Any]:
    """An item of ``rechercherFactureATraiterParFournisseur``."""
    return _compact({"identifiantFactureCPP": record.id, **_common_item(record)})


def item_recipiendaire(record: InvoiceRecord) -> dict[str, Any]:
    """An item of ``rechercherFactureRecipiendaire`` and of the recipient's to-do list."""
    return _compact(
        {
            "idFacture": record.id,
            **_common_item(record),
            "factureTelechargeeParDestinataire": record.telechargee,
            "dateHeureEtatCourant": minute(record.last_change.at),
            "commentaireEtatCourant": record.last_change.commentaire,
        }
    )


def item_valideur(record: InvoiceRecord) -> dict[str, Any]:
    """An item of the validator's searches (amounts are integers in this schema)."""
    item = _common_item(record)
    valideur = record.valideur
    return _compact(
        {
            "idFacture": record.id,
            "typeDemandePaiement": item["typeDemandePaiement"],
            "idFournisseur": record.fournisseur.id_structure_cpp,
            "identifiantFournisseur": record.fournisseur.identifiant,
            "typeIdentifiantFournisseur": item["typeIdentifiantFournisseur"],
            "designationFournisseur": item["designationFournisseur"],
            "idDestinataire": item["idDestinataire"],
            "typeIdentifiantDestinataire": record.destinataire.type_identifiant.value,
            "identifiantDestinataire": record.destinataire.identifiant,
            "designationDestinataire": item["designationDestinataire"],
            "idServiceExecutant": item["idServiceExecutant"],
            "codeServiceExecutant": item["codeServiceExecutant"],
            "nomServiceExecutant": item["nomServiceExecutant"],
            "idValideur": valideur.id_structure_cpp if valideur else None,
            "typeIdentifiantValideur": valideur.type_identifiant.value if valideur else None,
            "identifiantValideur": valideur.identifiant if valideur else None,
            "designationValideur": valideur.designation if valideur else None,
            "typeFacture": item["typeFacture"],
            "numeroFacture": record.numero,
            "dateFacture": item["dateFacture"],
            "dateDepot": item["dateDepot"],
            "montantHT": int(record.montant_ht),
            "montantTTC": int(record.montant_ttc),
            "montantAPayer": int(record.montant_a_payer),
            "devise": record.devise,
            "statut": record.statut.value,
            "numeroMarche": record.numero_marche,
            "numeroEngagement": record.numero_bon_commande,
        }
    )


def _histo_page(
    rows: list[dict[str, Any]], body: Body, key: str, suffix: str, default_column: str
) -> tuple[list[Mapping[str, Any]], dict[str, int]]:
    """One list of the history, paged with the keys of ``key`` (``…ListeHistoStatut``…)."""
    paging = Paging.read(
        body.obj(key),
        page=f"pageResultatDemandee{suffix}",
        per_page=f"nbResultatsParPage{suffix}",
        sens=f"triSens{suffix}",
        colonne=f"triColonne{suffix}",
        default_column=default_column,
    )
    return page(rows, paging)


def historique(record: InvoiceRecord, body: Body) -> dict[str, Any]:
    """The answer of ``consulterHistoriqueFacture``."""
    statuts = [
        _compact(
            {
                "histoStatutId": change.id,
                "histoStatutCode": change.statut.value,
                "histoStatutDatePassage": minute(change.at),
                "histoStatutCommentaire": change.commentaire,
                "histoStatutUtilisateurPrenom": change.account.prenom if change.account else None,
                "histoStatutUtilisateurNom": change.account.nom if change.account else change.qui,
                "histoStatutUtilisateurEmail": change.account.login if change.account else None,
            }
        )
        for change in record.history
    ]
    evenements = [
        {
            "evenementId": event.id,
            "evenementLibelle": event.libelle,
            "evenementQui": event.qui,
            "evenementDateHeure": minute(event.at),
        }
        for event in record.events
    ]
    actions = [
        {
            "histoActionId": action.id,
            "histoActionCode": action.code.value,
            "histoActionDateHeure": minute(action.at),
            "histoActionUtilisateurPrenom": action.account.prenom,
            "histoActionUtilisateurNom": action.account.nom,
            "histoActionUtilisateurEmail": action.account.login,
        }
        for action in record.actions
    ]
    statuts_page, statuts_count = _histo_page(
        statuts, body, "paramRechercheHistoStatuts", "ListeHistoStatut", "HistoStatutId"
    )
    evenements_page, evenements_count = _histo_page(
        evenements,
        body,
        "paramRechercheHistoEvenementsComplementaires",
        "ListeHistoEvenement",
        "EvenementId",
    )
    actions_page, actions_count = _histo_page(
        actions, body, "paramRechercheHistoActionsUtilisateurs", "ListeHistoAction", "HistoActionId"
    )
    result: dict[str, Any] = {
        "idFacture": record.id,
        "numeroFacture": record.numero,
        "modeDepot": record.mode_depot.value,
        "statutCourantCode": record.statut.value,
        "historiquesDesStatuts": {
            "histoStatut": statuts_page,
            "pageCouranteHistoStatut": statuts_count["pageCourante"],
            "pagesHistoStatut": statuts_count["pages"],
            "nbResultatsParPageHistoStatut": statuts_count["nbResultatsParPage"],
            "totalHistoStatut": statuts_count["total"],
        },
        "historiquesDesEvenementsComplementaires": {
            "evenement": evenements_page,
            **{f"{key}Evenement": value for key, value in evenements_count.items()},
        },
        "historiquesDesActionsUtilisateurs": {
            "histoAction": actions_page,
            **{f"{key}HistoAction": value for key, value in actions_count.items()},
        },
    }
    if record.actions:
        last = record.actions[-1]
        result["derniereAction"] = {
            "derniereActionId": last.id,
            "derniereActionCode": last.code.value,
        }
    return result
