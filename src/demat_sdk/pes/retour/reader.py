"""Reading a PES_Retour (dépense, recette and client returns), streamed bordereau by bordereau.

The hardened streaming parser hands over one ``Bordereau`` (or ``Client``) at a time and frees
it once read, so a periodic return with every mandat of the period reads in memory bounded by
its biggest bordereau plus the model being built. Third-party files are read leniently (unknown
codes kept, the simulator's ``TypRestit V="AA"``), and strictly where the meaning would be lost:
a missing state, amount or identifier raises :class:`~demat_sdk.errors.PesReadError` with the
line and the element path.
"""

from __future__ import annotations

from datetime import date

from demat_sdk.pes import xmlsafety
from demat_sdk.pes._collector import collector_paused
from demat_sdk.pes._return_reading import (
    Node,
    as_bool,
    as_date,
    as_decimal,
    as_int,
    as_text,
    as_year,
    check_root,
    code,
    local_name,
    read_en_tete,
    read_enveloppe,
    require_headers,
    stream_blocks,
)
from demat_sdk.pes.retour.codes import (
    CategorieTiers,
    CessionOpposition,
    CodeActualite,
    CodeSuspensionPoursuites,
    EtapePiece,
    EtatLigneDepense,
    EtatLigneRecette,
    EtatPieceDepense,
    EtatPieceRecette,
    NatureIdentifiantTiers,
    NatureInformation,
    NatureJuridique,
    NaturePieceDepense,
    NaturePieceRecette,
    OrigineEmargementDepense,
    OrigineEmargementRecette,
    TypeAdresse,
    TypeBordereauDepense,
    TypeBordereauRecette,
    TypeConventionDepense,
    TypeConventionRecette,
    TypePieceDepense,
    TypePieceRecette,
    TypeRestitution,
)
from demat_sdk.pes.retour.depense import (
    BordereauDepenseRetour,
    DepenseRetour,
    LigneDepenseRetour,
    PaiementEmargement,
    PieceDepenseRetour,
)
from demat_sdk.pes.retour.entete import (
    CarteVisite,
    EnTetePESRetour,
    EnTeteRetour,
    EnveloppeRetour,
)
from demat_sdk.pes.retour.models import Client, ClientRetour, PesRetour, ResteARecouvrer
from demat_sdk.pes.retour.recette import (
    BordereauOrmcGlobal,
    BordereauRecetteRetour,
    CollectiviteBeneficiaire,
    Contentieux,
    EncaissementEmargement,
    EtapeRecouvrement,
    InfoOrmc,
    LigneRecetteRetour,
    PieceRecetteRetour,
    RattachementPiece,
    RecetteRetour,
    SuspensionPoursuites,
)
from demat_sdk.pes.retour.tiers import (
    AdresseTiers,
    CompteBancaire,
    LiensIdentifiants,
    LieuNaissance,
    Tiers,
)

__all__ = ["NAMESPACE_RETOUR", "read_retour"]

NAMESPACE_RETOUR = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour"
"""Namespace of the ``PES_Retour`` root."""

_ROOTS = {f"{{{NAMESPACE_RETOUR}}}PES_Retour": True}
_DEPENSE, _RECETTE, _CLIENT = "PES_DepenseRetour", "PES_RecetteRetour", "PES_ClientRetour"
_KNOWN = frozenset({"Enveloppe", "EnTetePES", _DEPENSE, _RECETTE, _CLIENT})
_BLOCKS = frozenset(
    {"Enveloppe", "EnTetePES", "EnTeteDepense", "EnTeteRecette", "EnTeteClient"}
    | {"Bordereau", "Client"}
)


@collector_paused()
def read_retour(
    source: xmlsafety.Source, *, max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES
) -> PesRetour:
    """Read a ``PES_Retour`` file (ISO-8859-1 or UTF-8).

    Args:
        source: path, bytes, or binary file object of the return.
        max_bytes: files above this size are refused before parsing (``None``: no limit).

    Returns:
        The return, with its dépense, recette and client parts (``None`` when absent) and, in
        ``autres_domaines``, the names of the parts this version does not read.

    Raises:
        PesReadError: not a ``PES_Retour``, not well-formed, hostile (DTD, entities), too big,
            or missing a value without which the return means nothing (the message gives the
            line and the element).

    Note:
        The cyclic garbage collector is paused while the file is read, as by
        :func:`demat_sdk.pes.read`, and restored at the end.
    """
    root: Node | None = None
    enveloppe: EnveloppeRetour | None = None
    en_tete: EnTetePESRetour | None = None
    headers: dict[str, EnTeteRetour] = {}
    client_header: tuple[date, str] | None = None
    bordereaux_depense: list[BordereauDepenseRetour] = []
    bordereaux_recette: list[BordereauRecetteRetour] = []
    clients: list[Client] = []
    for block in stream_blocks(source, blocks=_BLOCKS, max_depth=2, max_bytes=max_bytes):
        parent, name, node = block.parent, block.name, block.node
        if parent == "":
            root = node
            check_root(root, _ROOTS, what="PES_Retour")
        elif parent == "PES_Retour" and name == "Enveloppe":
            enveloppe = read_enveloppe(node, EnveloppeRetour, CarteVisite, CarteVisite)
        elif parent == "PES_Retour" and name == "EnTetePES":
            en_tete = read_en_tete(node, EnTetePESRetour)
        elif name in ("EnTeteDepense", "EnTeteRecette"):
            headers[parent] = _read_en_tete_retour(node)
        elif name == "EnTeteClient":
            client_header = (node.required("DateCalcul", as_date), node.required("IdVer", as_text))
        elif parent == _DEPENSE and name == "Bordereau":
            bordereaux_depense.append(_read_bordereau_depense(node))
        elif parent == _RECETTE and name == "Bordereau":
            bordereaux_recette.append(_read_bordereau_recette(node))
        elif parent == _CLIENT and name == "Client":
            clients.append(_read_client(node))
    root, checked_enveloppe, checked_en_tete = require_headers(root, enveloppe, en_tete)
    present = [local_name(child) for child in root.element if local_name(child)]
    retour = PesRetour(
        enveloppe=checked_enveloppe,
        en_tete=checked_en_tete,
        autres_domaines=[name for name in present if name not in _KNOWN],
    )
    if _DEPENSE in present:
        if _DEPENSE not in headers:
            raise root.error(f"{_DEPENSE}/EnTeteDepense is missing")
        retour.depense = DepenseRetour(en_tete=headers[_DEPENSE], bordereaux=bordereaux_depense)
    if _RECETTE in present:
        if _RECETTE not in headers:
            raise root.error(f"{_RECETTE}/EnTeteRecette is missing")
        retour.recette = RecetteRetour(en_tete=headers[_RECETTE], bordereaux=bordereaux_recette)
    if _CLIENT in present:
        if client_header is None:
            raise root.error(f"{_CLIENT}/EnTeteClient is missing")
        retour.client = ClientRetour(
            date_calcul=client_header[0], version=client_header[1], clients=clients
        )
    return retour


def _read_en_tete_retour(node: Node) -> EnTeteRetour:
    return EnTeteRetour(
        type_restitution=node.required("TypRestit", code(TypeRestitution)),
        version=node.required("IdVer", as_text),
        nature_information=node.required("NatInf", code(NatureInformation)),
    )


# --- tiers and links ---------------------------------------------------------------------


def _read_lieu(node: Node | None) -> LieuNaissance | None:
    if node is None:
        return None
    france = node.child("MetropoleDomCom")
    etranger = node.child("Etranger")
    return LieuNaissance(
        ne_en_france=node.required("NeEnFrance", as_bool),
        code_departement=france.value("CodeDeptDomCom", as_text) if france else None,
        code_commune=france.value("CodeCommune", as_text) if france else None,
        libelle_commune=france.value("LibelleCommune", as_text) if france else None,
        code_pays=etranger.value("CodePays", as_text) if etranger else None,
        libelle_pays=etranger.value("LibellePays", as_text) if etranger else None,
    )


def _read_adresse(node: Node | None) -> AdresseTiers | None:
    if node is None:
        return None
    return AdresseTiers(
        type_adresse=node.required("TypAdr", code(TypeAdresse)),
        adresse_1=node.value("Adr1", as_text),
        adresse_2=node.value("Adr2", as_text),
        adresse_3=node.value("Adr3", as_text),
        code_postal=node.required("CP", as_text),
        ville=node.required("Ville", as_text),
        non_resident=bool(node.value("CodRes", as_bool)),
        code_pays=node.value("CodPays", as_text),
        date_mise_a_jour=node.value("DteAdr", as_date),
        invalide=node.value("Valide", as_bool),
    )


def _read_compte(node: Node | None) -> CompteBancaire | None:
    if node is None:
        return None
    return CompteBancaire(
        bic=node.value("BIC", as_text),
        iban=node.required("IBAN", as_text),
        invalide=node.value("Valide", as_bool),
        libelle_banque=node.value("LibBanc", as_text),
        titulaire=node.required("TitCpte", as_text),
        date_mise_a_jour=node.value("DteBanc", as_date),
    )


def read_tiers(node: Node | None) -> Tiers | None:
    """Read a ``Tiers`` block (dépense or recette flavour)."""
    if node is None:
        return None
    info = node.require("InfoTiers")
    return Tiers(
        id_tiers=info.value("IdTiers", as_text),
        nature_identifiant=info.value("NatIdTiers", code(NatureIdentifiantTiers)),
        date_identifiant=info.value("DteIdTiers", as_date),
        reference=info.value("RefTiers", as_text),
        categorie=info.required("CatTiers", code(CategorieTiers)),
        nature_juridique=info.required("NatJur", code(NatureJuridique)),
        civilite=info.value("Civilite", as_text),
        nom=info.required("Nom", as_text),
        complement_nom=info.value("ComplNom", as_text),
        prenom=info.value("Prenom", as_text),
        date_naissance=info.value("DteNaissance", as_date),
        adresse_mel=info.value("AdrMel", as_text),
        lieu_naissance=_read_lieu(info.child("LieuNaissance")),
        adresse=_read_adresse(node.child("Adresse")),
        compte_bancaire=_read_compte(node.child("CpteBancaire")),
    )


def read_liens(
    node: Node | None,
    type_convention: type[TypeConventionDepense] | type[TypeConventionRecette],
) -> LiensIdentifiants | None:
    """Read a ``LiensIdent`` block; ``type_convention`` is the domain's code list."""
    if node is None:
        return None
    return LiensIdentifiants(
        id_convention=node.value("IdConv", as_text),
        type_convention=node.value("TypConv", code(type_convention)),
        objet_convention=node.value("ObjConv", as_text),
        id_marche=node.value("IdMarche", as_text),
        id_emprunt=node.value("IdEmpruntOrdo", as_text),
        numero_echeance_emprunt=node.value("NumEchEmprunt", as_int),
        date_echeance_emprunt=node.value("DteEchEmprunt", as_date),
        id_actif=node.value("IdActif", as_text),
        id_regie=node.value("IdRegie", as_text),
    )


# --- dépense -----------------------------------------------------------------------------


def _read_bordereau_depense(node: Node) -> BordereauDepenseRetour:
    bloc = node.require("BlocBordereau")
    return BordereauDepenseRetour(
        exercice=bloc.required("Exer", as_year),
        numero=bloc.required("IdBord", as_int),
        type_bordereau=bloc.required("TypBord", code(TypeBordereauDepense)),
        pieces=[_read_piece_depense(piece) for piece in node.children("Piece")],
    )


def _read_piece_depense(node: Node) -> PieceDepenseRetour:
    info = node.require("InfoPiece")
    lignes = node.children("LigneDePiece")
    if not lignes:
        raise node.error("LigneDePiece is missing")
    return PieceDepenseRetour(
        code_service=info.value("CodServ", as_text),
        numero=info.required("IdPce", as_int),
        type_piece=info.required("TypPce", code(TypePieceDepense)),
        nature_piece=info.required("NatPce", code(NaturePieceDepense)),
        objet=info.value("Obj", as_text),
        date_prise_en_charge=info.value("DtePcePec", as_date),
        etat=info.required("EtatPce", code(EtatPieceDepense)),
        observation=info.value("ObsEtat", as_text),
        commentaire=info.value("Commentaire", as_text),
        date_rejet=info.value("DtePceRej", as_date),
        date_mise_en_instance=info.value("DtePceInst", as_date),
        lignes=[_read_ligne_depense(ligne) for ligne in lignes],
    )


def _read_ligne_depense(node: Node) -> LigneDepenseRetour:
    bloc = node.require("BlocLignePiece")
    info = bloc.require("InfoLignePiece")
    paiement = bloc.child("InfoPaiement")
    return LigneDepenseRetour(
        numero=info.required("IdLigne", as_int),
        etat=info.required("EtatLigPce", code(EtatLigneDepense)),
        observation=info.value("ObsEtat", as_text),
        commentaire=info.value("Commentaire", as_text),
        libelle_virement_1=info.value("LibVir1", as_text),
        libelle_virement_2=info.value("LibVir2", as_text),
        compte_tiers=info.value("CpteTiers", as_text),
        montant_ht=info.required("MtHT", as_decimal),
        montant_tva=info.value("MtTVA", as_decimal),
        cession_opposition=info.value("CessOpp", code(CessionOpposition)),
        nombre_paiements=paiement.required("NbrPay", as_int) if paiement else None,
        montant_paye=paiement.required("MtPayTot", as_decimal) if paiement else None,
        liens=read_liens(bloc.child("LiensIdent"), TypeConventionDepense),
        tiers=read_tiers(node.child("Tiers")),
        paiements=[
            PaiementEmargement(
                origine=emargement.required("OrgEma", code(OrigineEmargementDepense)),
                date_paiement=emargement.required("DtePay", as_date),
                montant=emargement.required("MtPay", as_decimal),
            )
            for emargement in node.children("PaiementEmargement")
        ],
    )


# --- recette -----------------------------------------------------------------------------


def _read_bordereau_recette(node: Node) -> BordereauRecetteRetour:
    global_ormc = node.child("BordereauORMCGlobal")
    if global_ormc is not None:
        ormc = BordereauOrmcGlobal(
            exercice=global_ormc.required("Exer", as_year),
            numero=global_ormc.required("IdBord", as_int),
            montant_ttc=global_ormc.required("MtTTC", as_decimal),
            date_prise_en_charge=global_ormc.value("DtePec", as_date),
            date_rejet=global_ormc.value("DteRej", as_date),
            date_mise_en_instance=global_ormc.value("DteInst", as_date),
        )
        return BordereauRecetteRetour(exercice=ormc.exercice, numero=ormc.numero, ormc_global=ormc)
    bloc = node.child("BlocBordereau")
    if bloc is None:
        raise node.error("BlocBordereau (or BordereauORMCGlobal) is missing")
    return BordereauRecetteRetour(
        exercice=bloc.required("Exer", as_year),
        numero=bloc.required("IdBord", as_int),
        type_bordereau=bloc.required("TypBord", code(TypeBordereauRecette)),
        pieces=[_read_piece_recette(piece) for piece in node.children("Piece")],
    )


def _read_piece_recette(node: Node) -> PieceRecetteRetour:
    bloc = node.require("BlocPiece")
    lignes = node.children("LigneDePiece")
    if not lignes:
        raise node.error("LigneDePiece is missing")
    ormc = bloc.child("InfoORMC")
    return PieceRecetteRetour(
        code_service=bloc.value("CodServ", as_text),
        numero=bloc.required("IdPce", as_int),
        type_piece=bloc.required("TypPce", code(TypePieceRecette)),
        nature_piece=bloc.required("NatPce", code(NaturePieceRecette)),
        objet=bloc.value("Obj", as_text),
        date_prise_en_charge=bloc.value("DtePcePec", as_date),
        etat=bloc.required("EtatPce", code(EtatPieceRecette)),
        observation=bloc.value("ObsEtat", as_text),
        commentaire=bloc.value("Commentaire", as_text),
        date_rejet=bloc.value("DtePceRej", as_date),
        date_mise_en_instance=bloc.value("DtePceInst", as_date),
        ormc=InfoOrmc(
            numero_dette=ormc.value("NumDette", as_text),
            periode=ormc.value("Per", as_text),
            cle_1=ormc.value("Cle1", as_text),
            cle_2=ormc.value("Cle2", as_text),
        )
        if ormc
        else None,
        lignes=[_read_ligne_recette(ligne) for ligne in lignes],
    )


def _read_ligne_recette(node: Node) -> LigneRecetteRetour:
    bloc = node.require("BlocLignePiece")
    info = bloc.require("InfoLignePiece")
    beneficiaire = info.child("InfoCollBen")
    recouvrement = bloc.child("InfoRecouvrement")
    echeancier = bloc.child("InfoEcheancier")
    rattachement = bloc.child("RattachPiece")
    suspension = bloc.child("InfoSuspPour")
    contentieux = bloc.child("InfoContentieux")
    etape = bloc.child("InfoAmiableContentieux")
    return LigneRecetteRetour(
        numero=info.required("IdLigne", as_int),
        code_produit=info.value("CodProdLoc", as_text),
        finess_geographique=info.value("FinGeo", as_text),
        code_etablissement_geographique=info.value("CodeEtGeo", as_text),
        etat=info.required("EtatLigPce", code(EtatLigneRecette)),
        observation=info.value("ObsEtat", as_text),
        commentaire=info.value("Commentaire", as_text),
        compte_tiers=info.value("CpteTiers", as_text),
        montant_ht=info.required("MtHT", as_decimal),
        montant_tva=info.value("MtTVA", as_decimal),
        beneficiaire=CollectiviteBeneficiaire(
            id_collectivite=beneficiaire.required("IdCollBen", as_text),
            code_collectivite=beneficiaire.required("CodCollBen", as_text),
            code_budget=beneficiaire.value("CodBudBen", as_text),
        )
        if beneficiaire
        else None,
        nombre_recouvrements=recouvrement.required("NbrReco", as_int) if recouvrement else None,
        montant_recouvre=recouvrement.required("MtRecoTot", as_decimal) if recouvrement else None,
        date_dernier_paiement=echeancier.required("DteDerPai", as_date) if echeancier else None,
        paiements_restants=echeancier.required("NbrePaiRest", as_int) if echeancier else None,
        rattachement=RattachementPiece(
            nature_piece_origine=rattachement.required("NatPceOrig", as_text),
            exercice=rattachement.required("ExerRat", as_year),
            numero_piece_origine=rattachement.required("IdPceOrig", as_int),
            numero_ligne_origine=rattachement.value("IdLigneOrig", as_int),
            date_prise_en_charge=rattachement.required("DteRattach", as_date),
        )
        if rattachement
        else None,
        liens=read_liens(bloc.child("LiensIdent"), TypeConventionRecette),
        suspension=SuspensionPoursuites(
            code=suspension.required("CodeSuspPour", code(CodeSuspensionPoursuites)),
            date_suspension=suspension.required("DteSuspPour", as_date),
            date_reprise=suspension.value("DteRepPour", as_date),
        )
        if suspension
        else None,
        contentieux=Contentieux(
            montant_total=contentieux.value("MtCtxTot", as_decimal),
            reste_principal=contentieux.value("SldPrinc", as_decimal),
            reste_frais=contentieux.value("SldFrais", as_decimal),
        )
        if contentieux
        else None,
        etape_recouvrement=EtapeRecouvrement(
            etape=etape.required("EtapePce", code(EtapePiece)),
            date_etape=etape.required("DteEtapePce", as_date),
            id_acte=etape.value("IdAct", as_text),
            code_actualite=etape.value("CodActu", code(CodeActualite)),
            date_actualite=etape.value("DteActu", as_date),
            montant_frais=etape.value("MtFrais", as_decimal),
            date_envoi=etape.value("DteEnvoi", as_date),
        )
        if etape
        else None,
        tiers=read_tiers(node.child("Tiers")),
        encaissements=[
            EncaissementEmargement(
                origine=emargement.required("OrgEma", code(OrigineEmargementRecette)),
                date_recouvrement=emargement.required("DteReco", as_date),
                montant=emargement.required("MtReco", as_decimal),
            )
            for emargement in node.children("EncaissementEmargement")
        ],
    )


# --- client ------------------------------------------------------------------------------


def _read_client(node: Node) -> Client:
    return Client(
        reference_tiers=node.required("RefTiers", as_text),
        restes=[
            ResteARecouvrer(
                code_produit=reste.required("CodProdLoc", as_text),
                reste_principal=reste.required("Rar", as_decimal),
                reste_frais=reste.required("RarFrais", as_decimal),
            )
            for reste in node.children("ResteARecouvrer")
        ],
    )
