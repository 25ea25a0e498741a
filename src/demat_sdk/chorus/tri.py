# Generated from the official Chorus Pro Swagger files by scripts/generate_chorus_models.py.
# Do not edit: change the generator (or demat_sdk/chorus/swagger.py) and run it again.
"""Sort columns of the Chorus Pro searches (``triColonne``), one enum per search.

Member names are the official values (``TriFacturesFournisseur.DateDepot``); pass them
with a ``TriSens`` (``Ascendant``, ``Descendant``).
"""

from __future__ import annotations

from demat_sdk.chorus.enums import ChorusEnum

__all__ = [
    "TriEspaces",
    "TriFacturesATraiterFournisseur",
    "TriFacturesATraiterRecipiendaire",
    "TriFacturesATraiterValideur",
    "TriFacturesFournisseur",
    "TriFacturesRecipiendaire",
    "TriFacturesValideur",
    "TriHistoActions",
    "TriHistoEvenements",
    "TriHistoStatuts",
    "TriLignesPoste",
    "TriPiecesJointes",
    "TriRattachements",
    "TriRecapitulatifTva",
    "TriServices",
    "TriStructures",
]


class TriEspaces(ChorusEnum):
    """Sort columns of ``rechercherEspaces`` (``triColonne``)."""

    CodeService = "CodeService"
    LibelleService = "LibelleService"
    idEspaceFo = "idEspaceFo"  # noqa: N815
    CodeEspace = "CodeEspace"
    LibelleEspace = "LibelleEspace"
    etatCourant = "etatCourant"  # noqa: N815
    TypeHabilitation = "TypeHabilitation"
    IdService = "IdService"


class TriFacturesATraiterFournisseur(ChorusEnum):
    """Sort columns of ``rechercherFactureATraiterParFournisseur`` (``triColonne``)."""

    TypeDemandePaiement = "TypeDemandePaiement"
    CodeFournisseur = "CodeFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    DesignationFournisseur = "DesignationFournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    CodeDestinataire = "CodeDestinataire"
    DesignationDestinataire = "DesignationDestinataire"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    TypeFacture = "TypeFacture"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroBonCommande = "NumeroBonCommande"


class TriFacturesATraiterRecipiendaire(ChorusEnum):
    """Sort columns of ``rechercherFactureATraiterParRecipiendaire`` (``triColonne``)."""

    TypeDemandePaiement = "TypeDemandePaiement"
    CodeFournisseur = "CodeFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    DesignationFournisseur = "DesignationFournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    CodeDestinataire = "CodeDestinataire"
    DesignationDestinataire = "DesignationDestinataire"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    TypeFacture = "TypeFacture"
    TypeFactureTravaux = "TypeFactureTravaux"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroBonCommande = "NumeroBonCommande"
    FactureTelechargeeParDestinataire = "FactureTelechargeeParDestinataire"


class TriFacturesATraiterValideur(ChorusEnum):
    """Sort columns of ``rechercherFactureATraiterParValideur`` (``triColonne``)."""

    IdFacture = "IdFacture"
    TypeDemandePaiement = "TypeDemandePaiement"
    IdFournisseur = "IdFournisseur"
    IdentifiantFournisseur = "IdentifiantFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    DesignationFournisseur = "DesignationFournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    IdMoe = "IdMoe"
    TypeIdentifiantMoe = "TypeIdentifiantMoe"
    IdentifiantMoe = "IdentifiantMoe"
    DesignationMoe = "DesignationMoe"
    IdServiceMoe = "IdServiceMoe"
    CodeServiceMoe = "CodeServiceMoe"
    NomServiceMoe = "NomServiceMoe"
    IdMoa = "IdMoa"
    TypeIdentifiantMoa = "TypeIdentifiantMoa"
    IdentifiantMoa = "IdentifiantMoa"
    DesignationMoa = "DesignationMoa"
    IdServiceMoa = "IdServiceMoa"
    CodeServiceMoa = "CodeServiceMoa"
    NomServiceMoa = "NomServiceMoa"
    IdDestinataire = "IdDestinataire"
    TypeIdentifiantDestinataire = "TypeIdentifiantDestinataire"
    IdentifiantDestinataire = "IdentifiantDestinataire"
    DesignationDestinataire = "DesignationDestinataire"
    IdServiceExecutant = "IdServiceExecutant"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    IdValideur = "IdValideur"
    TypeIdentifiantValideur = "TypeIdentifiantValideur"
    IdentifiantValideur = "IdentifiantValideur"
    DesignationValideur = "DesignationValideur"
    TypeFacture = "TypeFacture"
    TypeFactureTravaux = "TypeFactureTravaux"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroEngagement = "NumeroEngagement"


class TriFacturesFournisseur(ChorusEnum):
    """Sort columns of ``rechercherFactureParFournisseur`` (``triColonne``)."""

    TypeDemandePaiement = "TypeDemandePaiement"
    CodeFournisseur = "CodeFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    DesignationFournisseur = "DesignationFournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    CodeDestinataire = "CodeDestinataire"
    DesignationDestinataire = "DesignationDestinataire"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    TypeFacture = "TypeFacture"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroBonCommande = "NumeroBonCommande"
    NumeroFluxDepot = "NumeroFluxDepot"
    TypeIdentifiantValideur1 = "TypeIdentifiantValideur1"
    CodeValideur1 = "CodeValideur1"
    RaisonSocialeValideur1 = "RaisonSocialeValideur1"
    NomValideur1 = "NomValideur1"
    PrenomValideur1 = "PrenomValideur1"
    DateValidation1 = "DateValidation1"
    TypeIdentifiantValideur2 = "TypeIdentifiantValideur2"
    CodeValideur2 = "CodeValideur2"
    RaisonSocialeValideur2 = "RaisonSocialeValideur2"
    NomValideur2 = "NomValideur2"
    PrenomValideur2 = "PrenomValideur2"
    DateValidation2 = "DateValidation2"
    NumeroFactureOrigine = "NumeroFactureOrigine"
    ModeDepot = "ModeDepot"
    CoordBancairesFournisseurCleIban = "CoordBancairesFournisseurCleIban"
    CoordBancairesFournisseurCleRib = "CoordBancairesFournisseurCleRib"
    CoordBancairesFournisseurCodeBanque = "CoordBancairesFournisseurCodeBanque"
    CoordBancairesFournisseurCodePays = "CoordBancairesFournisseurCodePays"
    CoordBancairesFournisseurCompteBancaire = "CoordBancairesFournisseurCompteBancaire"
    CoordBancairesFournisseurNomCb = "CoordBancairesFournisseurNomCb"
    AffactureurCode = "AffactureurCode"
    AffactureurTypeIdentifiant = "AffactureurTypeIdentifiant"
    AffactureurRaisonSociale = "AffactureurRaisonSociale"
    NomPrenomUtilisateurCreateur = "NomPrenomUtilisateurCreateur"


class TriFacturesRecipiendaire(ChorusEnum):
    """Sort columns of ``rechercherFactureRecipiendaire`` (``triColonne``)."""

    TypeDemandePaiement = "TypeDemandePaiement"
    CodeFournisseur = "CodeFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    Fournisseur = "Fournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    CodeDestinataire = "CodeDestinataire"
    Destinataire = "Destinataire"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    TypeFacture = "TypeFacture"
    TypeFactureTravaux = "TypeFactureTravaux"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroBonCommande = "NumeroBonCommande"
    FactureTelechargeeParDestinataire = "FactureTelechargeeParDestinataire"


class TriFacturesValideur(ChorusEnum):
    """Sort columns of ``rechercherFactureParValideur`` (``triColonne``)."""

    IdFacture = "IdFacture"
    TypeDemandePaiement = "TypeDemandePaiement"
    IdFournisseur = "IdFournisseur"
    IdentifiantFournisseur = "IdentifiantFournisseur"
    TypeIdentifiantFournisseur = "TypeIdentifiantFournisseur"
    DesignationFournisseur = "DesignationFournisseur"
    CodeServiceFournisseur = "CodeServiceFournisseur"
    NomServiceFournisseur = "NomServiceFournisseur"
    IdMoe = "IdMoe"
    TypeIdentifiantMoe = "TypeIdentifiantMoe"
    IdentifiantMoe = "IdentifiantMoe"
    DesignationMoe = "DesignationMoe"
    IdServiceMoe = "IdServiceMoe"
    CodeServiceMoe = "CodeServiceMoe"
    NomServiceMoe = "NomServiceMoe"
    IdMoa = "IdMoa"
    IdentifiantMoa = "IdentifiantMoa"
    DesignationMoa = "DesignationMoa"
    IdServiceMoa = "IdServiceMoa"
    CodeServiceMoa = "CodeServiceMoa"
    NomServiceMoa = "NomServiceMoa"
    IdDestinataire = "IdDestinataire"
    IdentifiantDestinataire = "IdentifiantDestinataire"
    DesignationDestinataire = "DesignationDestinataire"
    IdServiceExecutant = "IdServiceExecutant"
    CodeServiceExecutant = "CodeServiceExecutant"
    NomServiceExecutant = "NomServiceExecutant"
    TypeFacture = "TypeFacture"
    TypeFactureTravaux = "TypeFactureTravaux"
    NumeroFacture = "NumeroFacture"
    DateFacture = "DateFacture"
    DateDepot = "DateDepot"
    MontantHT = "MontantHT"
    MontantTTC = "MontantTTC"
    MontantAPayer = "MontantAPayer"
    Devise = "Devise"
    Statut = "Statut"
    NumeroMarche = "NumeroMarche"
    NumeroEngagement = "NumeroEngagement"


class TriHistoActions(ChorusEnum):
    """Sort columns of the history's user actions (``triColonneListeHistoAction``)."""

    HistoActionDateHeure = "HistoActionDateHeure"
    HistoActionCode = "HistoActionCode"
    HistoAction = "HistoAction"
    HistoActionUtilisateurPrenom = "HistoActionUtilisateurPrenom"
    HistoActionUtilisateurNom = "HistoActionUtilisateurNom"
    HistoActionUtilisateurEmail = "HistoActionUtilisateurEmail"
    HistoActionUtilisateurTelephone = "HistoActionUtilisateurTelephone"


class TriHistoEvenements(ChorusEnum):
    """Sort columns of the history's additional events (``triColonneListeHistoEvenement``)."""

    EvenementLibelle = "EvenementLibelle"
    EvenementQui = "EvenementQui"
    EvenementDateHeure = "EvenementDateHeure"


class TriHistoStatuts(ChorusEnum):
    """Sort columns of the status history (``triColonneListeHistoStatut``)."""

    HistoStatutCode = "HistoStatutCode"
    HistoStatutDatePassage = "HistoStatutDatePassage"
    HistoStatutCommentaire = "HistoStatutCommentaire"
    HistoStatutUtilisateurPrenom = "HistoStatutUtilisateurPrenom"
    HistoStatutUtilisateurNom = "HistoStatutUtilisateurNom"
    HistoStatutUtilisateurEmail = "HistoStatutUtilisateurEmail"
    HistoStatutUtilisateurTelephone = "HistoStatutUtilisateurTelephone"


class TriLignesPoste(ChorusEnum):
    """Sort columns of an invoice's lines (``triColonneListeLignesPoste``)."""

    LignePosteNumero = "LignePosteNumero"
    LignePosteReference = "LignePosteReference"
    LignePosteDenomination = "LignePosteDenomination"
    LignePosteQuantite = "LignePosteQuantite"
    LignePosteUniteCode = "LignePosteUniteCode"
    LignePosteUniteLibelle = "LignePosteUniteLibelle"
    LignePosteMontantUnitaireHT = "LignePosteMontantUnitaireHT"
    LignePosteMontantRemiseHT = "LignePosteMontantRemiseHT"
    LignePosteTauxTva = "LignePosteTauxTva"
    LignePosteTauxTvaManuel = "LignePosteTauxTvaManuel"
    LignePosteMontantHtApresRemise = "LignePosteMontantHtApresRemise"
    LignePosteMontantTva = "LignePosteMontantTva"
    LignePosteMontantTtcApresRemise = "LignePosteMontantTtcApresRemise"


class TriPiecesJointes(ChorusEnum):
    """Sort columns of an invoice's attachments (``triColonneListePiecesJointes``)."""

    PieceJointeTypeCode = "PieceJointeTypeCode"
    PieceJointeTypeLibelle = "PieceJointeTypeLibelle"
    PieceJointeDesignation = "PieceJointeDesignation"
    PieceJointeNumeroLigneFacture = "PieceJointeNumeroLigneFacture"
    PieceJointeExtension = "PieceJointeExtension"


class TriRattachements(ChorusEnum):
    """Sort columns of ``listerRattachementsStructureUtilisateur`` (``triColonne``)."""

    CodeService = "CodeService"
    NomService = "NomService"
    StatutRattachement = "StatutRattachement"


class TriRecapitulatifTva(ChorusEnum):
    """Sort columns of an invoice's VAT summary lines (``triColonneListeRecapitulatifTVA``)."""

    LigneTvaMontantTvaParTaux = "LigneTvaMontantTvaParTaux"
    LigneTvaTauxRefCode = "LigneTvaTauxRefCode"
    LigneTvaTauxRefLibelle = "LigneTvaTauxRefLibelle"
    LigneTvaTauxRefValeur = "LigneTvaTauxRefValeur"
    LigneTvaTauxManuel = "LigneTvaTauxManuel"
    LigneTvaMontantBaseHtParTaux = "LigneTvaMontantBaseHtParTaux"


class TriServices(ChorusEnum):
    """Sort columns of ``rechercherServicesStructure`` (``triColonne``)."""

    CodeService = "CodeService"
    LibelleService = "LibelleService"
    DateDbtService = "DateDbtService"
    DateFinService = "DateFinService"
    EstActif = "EstActif"


class TriStructures(ChorusEnum):
    """Sort columns of ``rechercherStructure`` (``triColonne``)."""

    IdentifiantStructure = "IdentifiantStructure"
    DesignationStructure = "DesignationStructure"
    TypeIdentifiantStructure = "TypeIdentifiantStructure"
    Statut = "Statut"
