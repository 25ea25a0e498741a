"""Reading PES_Retour files: dépense and recette states, reason codes, payments, recovery."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from demat_sdk.errors import PesReadError
from demat_sdk.pes.retour import (
    CategorieTiers,
    CodeActualite,
    CodeSuspensionPoursuites,
    EtapePiece,
    EtatLigneDepense,
    EtatLigneRecette,
    EtatPieceDepense,
    EtatPieceRecette,
    MotifDepense,
    MotifRecette,
    NatureIdentifiantTiers,
    NatureInformation,
    OrigineEmargementDepense,
    OrigineEmargementRecette,
    TypeBordereauDepense,
    TypeBordereauRecette,
    TypeConventionDepense,
    TypePieceDepense,
    TypeRestitution,
    parse_motifs,
    read_retour,
)

from return_path_support import DATA, RETOUR_XSD, SAMPLES, schema_errors

DEPENSE = DATA / "PES2R_DEP_P_123_00_038011_20250307_20250307_20250308182309.xml"
RECETTE = DATA / "PES2R_RCE_R_123_00_038011_20250310_20250310_20250311070000.xml"


@pytest.mark.parametrize("path", [DEPENSE, RECETTE, SAMPLES / "s2low_pes_retour.xml"])
def test_the_files_read_here_are_valid_returns(path: Path) -> None:
    assert schema_errors(RETOUR_XSD, path.read_bytes()) == []


def test_s2low_simulator_return() -> None:
    retour = read_retour(SAMPLES / "s2low_pes_retour.xml")
    assert retour.nom_fichier == "HELIOS_SIMU_RETOUR_1441716142_2099520055.xml"
    assert retour.enveloppe.emetteur is None
    assert retour.en_tete.code_collectivite == "221"  # CodColl in a return
    assert retour.en_tete.libelle_poste == "CORBARIEU "
    assert retour.recette is None
    assert retour.client is None
    assert retour.depense is not None
    en_tete = retour.depense.en_tete
    assert en_tete.type_restitution.code == "AA"
    assert not en_tete.type_restitution.is_known
    assert en_tete.nature_information is NatureInformation.FLUX_DETAILLE
    assert retour.type_restitution() is None  # neither TypRestit nor the name tells
    (bordereau,) = retour.depense.bordereaux
    assert (bordereau.exercice, bordereau.numero) == (2009, 1234567)
    assert bordereau.type_bordereau is TypeBordereauDepense.ORDINAIRE
    (piece,) = bordereau.pieces
    assert piece.numero == 832
    assert piece.etat is EtatPieceDepense.EN_INSTANCE
    assert piece.etat.libelle == "En instance"
    assert piece.type_piece is TypePieceDepense.MANDAT_ORDINAIRE
    assert piece.date_prise_en_charge == date(2008, 12, 12)
    (ligne,) = piece.lignes
    assert ligne.etat is EtatLigneDepense.PRIS_EN_CHARGE
    assert ligne.montant_ht == Decimal("39724.75")
    assert ligne.observation == "12"
    assert [motif.code for motif in ligne.motifs] == ["12"]
    assert not ligne.motifs[0].is_known  # 12 is not a dépense reason code in v5.17
    assert (ligne.libelle_virement_1, ligne.libelle_virement_2) == (
        "ECHEANCIER",
        "LE NUMERO N EST PAS PRECISE",
    )
    assert retour.depense.piece(2009, 832) is piece
    assert retour.depense.piece(2010, 832) is None


def test_periodic_depense_return_with_payments() -> None:
    retour = read_retour(DEPENSE)
    assert retour.nature_restitution == "P"
    assert retour.type_restitution() is TypeRestitution.PERIODIQUE
    assert retour.en_tete.finess_juridique == "380780080"
    assert retour.depense is not None
    paid, rejected = retour.depense.bordereaux[0].pieces
    assert paid.etat is EtatPieceDepense.SOLDE
    assert paid.objet == "Médicaments février"
    assert paid.code_service == "PHARMA"
    assert paid.montant_ht == Decimal("1000.00")
    assert paid.montant_paye == Decimal("1055.00")
    (ligne,) = paid.lignes
    assert ligne.etat is EtatLigneDepense.PEC_SANS_ANOMALIES
    assert (ligne.nombre_paiements, ligne.montant_paye) == (2, Decimal("1055.00"))
    assert [(p.origine, p.date_paiement, p.montant) for p in ligne.paiements] == [
        (OrigineEmargementDepense.PAIEMENT_REEL, date(2025, 3, 5), Decimal("1000.00")),
        (OrigineEmargementDepense.PAIEMENT_REEL, date(2025, 3, 6), Decimal("55.00")),
    ]
    assert ligne.paiements[0].origine.libelle == "Paiement réel"
    assert ligne.liens is not None
    assert ligne.liens.id_marche == "2024M00123"
    tiers = ligne.tiers
    assert tiers is not None
    assert (tiers.nom, tiers.id_tiers) == ("LABORATOIRE DÉMO", "55208131766522")
    assert tiers.nature_identifiant is NatureIdentifiantTiers.SIRET
    assert tiers.categorie is CategorieTiers.PERSONNE_MORALE_DROIT_PRIVE
    assert tiers.adresse is not None
    assert tiers.adresse.ville == "GRENOBLE"
    assert tiers.adresse.invalide is False
    assert not tiers.adresse.non_resident
    assert tiers.compte_bancaire is not None
    assert tiers.compte_bancaire.invalide is True  # Valide V="1" means "not valid"
    assert tiers.compte_bancaire.date_mise_a_jour == date(2024, 11, 2)

    assert rejected.rejetee
    assert rejected.motifs == [
        MotifDepense.ABSENCE_OU_INVALIDITE_PJ,
        MotifDepense.ABSENCE_SERVICE_FAIT,
    ]
    assert [motif.libelle for motif in rejected.motifs] == [
        "Absence totale ou invalidité des pièces justificatives",
        "Absence certification service fait et caractère exécutoire",
    ]
    assert rejected.commentaire == "Facture absente et service fait non certifié"
    assert rejected.date_rejet == date(2025, 3, 4)
    first, second = rejected.lignes
    assert first.rejetee
    assert first.motifs == [MotifDepense.ABSENCE_OU_INVALIDITE_PJ]
    assert second.etat is EtatLigneDepense.REJET_NON_FORCABLE
    assert second.rejetee
    assert second.motifs == []  # free text, kept as the observation
    assert second.observation == "Pièce illisible"


def test_regularisation_bordereau() -> None:
    retour = read_retour(DEPENSE)
    assert retour.depense is not None
    bordereau = retour.depense.bordereaux[1]
    assert bordereau.type_bordereau is TypeBordereauDepense.REGULARISATION
    (piece,) = bordereau.pieces
    assert piece.type_piece is TypePieceDepense.DEMANDE_EMISSION_MANDAT
    assert piece.etat is EtatPieceDepense.EN_INSTANCE
    assert piece.date_mise_en_instance == date(2025, 3, 7)
    (ligne,) = piece.lignes
    assert ligne.etat is EtatLigneDepense.MIS_EN_INSTANCE
    assert ligne.compte_tiers == "1641"
    assert ligne.liens is not None
    assert ligne.liens.type_convention is TypeConventionDepense.AUTORISATION_DE_PAIEMENT
    assert (ligne.liens.numero_echeance_emprunt, ligne.liens.date_echeance_emprunt) == (
        23,
        date(2025, 3, 1),
    )


def test_recette_return_with_recovery_and_client_part() -> None:
    retour = read_retour(RECETTE)
    assert retour.type_restitution() is TypeRestitution.REJET
    assert retour.depense is None
    assert retour.recette is not None
    assert retour.autres_domaines == []
    bordereau, ormc = retour.recette.bordereaux
    assert bordereau.type_bordereau is TypeBordereauRecette.ORDINAIRE
    titre, rejete = bordereau.pieces
    assert titre.etat is EtatPieceRecette.PRISE_EN_CHARGE
    assert titre.montant_recouvre == Decimal("300.00")
    (ligne,) = titre.lignes
    assert ligne.etat is EtatLigneRecette.NON_SOLDEE
    assert (ligne.code_produit, ligne.finess_geographique) == ("HOSP", "380000018")
    assert (ligne.nombre_recouvrements, ligne.montant_recouvre) == (1, Decimal("300.00"))
    assert (ligne.date_dernier_paiement, ligne.paiements_restants) == (date(2025, 3, 1), 3)
    assert ligne.suspension is not None
    assert ligne.suspension.code is CodeSuspensionPoursuites.DELAIS_ACCORDES
    assert ligne.contentieux is not None
    assert ligne.contentieux.reste_principal == Decimal("520.00")
    etape = ligne.etape_recouvrement
    assert etape is not None
    assert etape.etape is EtapePiece.MISE_EN_DEMEURE
    assert etape.code_actualite is CodeActualite.ACTE_ENVOYE
    assert etape.montant_frais == Decimal("30.00")
    (encaissement,) = ligne.encaissements
    assert encaissement.origine is OrigineEmargementRecette.TIPI
    assert encaissement.date_recouvrement == date(2025, 3, 1)
    tiers = ligne.tiers
    assert tiers is not None
    assert (tiers.nom, tiers.prenom, tiers.date_naissance) == (
        "DUPONT",
        "Hélène",
        date(1961, 7, 14),
    )
    assert tiers.adresse_mel == "helene.dupont@example.org"
    assert tiers.lieu_naissance is not None
    assert tiers.lieu_naissance.ne_en_france
    assert tiers.lieu_naissance.libelle_commune == "GRENOBLE"

    assert rejete.rejetee
    assert rejete.motifs == [
        MotifRecette.ABSENCE_INDICATION_DEBITEUR,
        MotifRecette.ABSENCE_OU_INVALIDITE_PJ,
    ]
    assert rejete.lignes[0].etat is EtatLigneRecette.REJETE

    assert ormc.type_bordereau is None
    assert ormc.pieces == []
    assert ormc.ormc_global is not None
    assert (ormc.exercice, ormc.numero) == (2025, 600000000012)
    assert ormc.ormc_global.montant_ttc == Decimal("15400.00")
    assert ormc.ormc_global.date_mise_en_instance == date(2025, 3, 9)
    assert retour.recette.piece(2025, 513) is rejete

    assert retour.client is not None
    assert retour.client.date_calcul == date(2025, 3, 10)
    (client,) = retour.client.clients
    assert client.reference_tiers == "P0004521"
    assert [(r.code_produit, r.reste_principal, r.reste_frais) for r in client.restes] == [
        ("HOSP", Decimal("520.00"), Decimal("30.00"))
    ]


@pytest.mark.parametrize(
    ("observation", "codes"),
    [
        ("01", ["01"]),
        ("1-5", ["01", "05"]),
        (" 01 - 05 ", ["01", "05"]),
        ("01;05,06/07 09", ["01", "05", "06", "07", "09"]),
        ("Pièce illisible", []),
        ("01 Pièce illisible", []),
        ("", []),
        (None, []),
    ],
)
def test_reason_codes(observation: str | None, codes: list[str]) -> None:
    assert [motif.code for motif in parse_motifs(observation, MotifDepense)] == codes


def test_later_domains_are_reported_not_lost() -> None:
    data = RECETTE.read_bytes().replace(
        b"</n:PES_Retour>",
        b'<PES_AsapRetour><EnTeteAsap><IdVer V="2"/></EnTeteAsap></PES_AsapRetour></n:PES_Retour>',
    )
    assert read_retour(data).autres_domaines == ["PES_AsapRetour"]


def test_latin1_and_utf8_read_the_same() -> None:
    latin1 = DEPENSE.read_bytes()
    utf8 = latin1.decode("iso-8859-1").replace("ISO-8859-1", "UTF-8").encode()
    assert read_retour(utf8) == read_retour(latin1)


# --- refused input ------------------------------------------------------------------------


def test_an_ack_is_not_a_return() -> None:
    with pytest.raises(PesReadError, match="not a PES_Retour: the root is 'PES_ACQUIT'"):
        read_retour(SAMPLES / "s2low_pes_acquit.xml")


def test_missing_state_names_the_piece() -> None:
    data = DEPENSE.read_bytes().replace(b'<EtatPce V="04"/>', b"")
    with pytest.raises(PesReadError, match="EtatPce is missing") as caught:
        read_retour(data)
    assert caught.value.element == ("PES_Retour/PES_DepenseRetour/Bordereau[1]/Piece[2]/InfoPiece")
    assert caught.value.line == data[: data.index(b'<IdPce V="3018"/>')].count(b"\n")


def test_a_bad_value_deep_in_a_repeated_line_is_located() -> None:
    data = DEPENSE.read_bytes().replace(b'<MtHT V="49.60"/>', b'<MtHT V="49,60"/>')
    with pytest.raises(PesReadError, match=r"MtHT: '49,60' is not a decimal number") as caught:
        read_retour(data)
    assert caught.value.element == (
        "PES_Retour/PES_DepenseRetour/Bordereau[1]/Piece[2]/LigneDePiece[2]"
        "/BlocLignePiece/InfoLignePiece/MtHT"
    )
    assert caught.value.line == data[: data.index(b'<MtHT V="49,60"/>')].count(b"\n") + 1
    data = DEPENSE.read_bytes().replace(b'<IdPce V="77"/>', b'<IdPce V=""/>')
    with pytest.raises(PesReadError, match="IdPce is empty") as caught:
        read_retour(data)
    assert caught.value.element == "PES_Retour/PES_DepenseRetour/Bordereau[2]/Piece/InfoPiece/IdPce"


def test_qualified_children_and_comments_read_the_same() -> None:
    plain = DEPENSE.read_bytes()
    start, end = plain.index(b"<Bordereau>"), plain.index(b"</PES_DepenseRetour>")
    body = plain[start:end].replace(b"<", b"<n:").replace(b"<n:/", b"</n:")
    body = body.replace(b"<n:IdPce", b"<!-- a comment among the leaves --><n:IdPce")
    assert read_retour(plain[:start] + body + plain[end:]) == read_retour(plain)


def test_bad_amount_and_bad_date() -> None:
    data = DEPENSE.read_bytes()
    with pytest.raises(PesReadError, match=r"MtHT: '1 000,00' is not a decimal number"):
        read_retour(data.replace(b'<MtHT V="1000.00"/>', b'<MtHT V="1 000,00"/>'))
    with pytest.raises(PesReadError, match=r"DtePay: '05/03/2025' is not a date"):
        read_retour(data.replace(b'<DtePay V="2025-03-05"/>', b'<DtePay V="05/03/2025"/>'))
    with pytest.raises(PesReadError, match=r"MtHT: 'NaN' is not a decimal number"):
        read_retour(data.replace(b'<MtHT V="1000.00"/>', b'<MtHT V="NaN"/>'))


def test_a_piece_without_line_and_a_domain_without_header() -> None:
    data = RECETTE.read_bytes()
    start = data.index(b"<LigneDePiece>", data.index(b'<IdPce V="513"/>'))
    end = data.index(b"</LigneDePiece>", start) + len(b"</LigneDePiece>")
    with pytest.raises(PesReadError, match="LigneDePiece is missing"):
        read_retour(data[:start] + data[end:])
    start = data.index(b"<EnTeteClient>")
    end = data.index(b"</EnTeteClient>") + len(b"</EnTeteClient>")
    with pytest.raises(PesReadError, match="PES_ClientRetour/EnTeteClient is missing"):
        read_retour(data[:start] + data[end:])


def test_hostile_return_is_refused() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<n:PES_Retour xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour">&b;</n:PES_Retour>"""
    with pytest.raises(PesReadError, match="DTD"):
        read_retour(bomb)
