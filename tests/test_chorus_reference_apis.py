"""client.transverses (flux reports, files, directory), structures, engagements, utilisateurs."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from demat_sdk import ChorusPro, InvalidRequestError
from demat_sdk.chorus.enums import EtatFlux, StatutFacture, StatutStructure, TypeObjetPieceJointe

from conftest import Server, json_response

OK = {"codeRetour": 0, "libelle": "TRA_MSG_00.000"}


def last(server: Server) -> tuple[str, Any]:
    request = server.api_calls[-1]
    return request.url.path, json.loads(request.content)


# --- flux reports ------------------------------------------------------------------------------


def test_consulter_cr_detaille_reads_the_state_and_the_errors(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "etatCourantDepotFlux": "IN_INTEGRE_PARTIEL",
                "dateDepotFlux": "2018-02-16T15:10:25.536+01:00",
                "codeInterfaceDepotFlux": "FSO1110A",
                "nomFichier": "FSO1110A_CPP001_CPP0011110000000000001557",
                "listeErreurDP": [{"numeroDP": "F-9", "libelleErreurDP": "inconnu"}],
                "listeErreurTechnique": [{"codeErreur": "E1", "natureErreur": "XML"}],
            }
        )
    )
    cr = client.transverses.consulter_cr_detaille(numero_flux_depot="CPP0011110000000000001557")
    assert cr.etat_courant_depot_flux is EtatFlux.IN_INTEGRE_PARTIEL
    assert cr.etat_courant_depot_flux.is_terminal
    assert cr.liste_erreur_dp[0].libelle_erreur_dp == "inconnu"
    assert cr.liste_erreur_technique[0].code_erreur == "E1"
    assert last(server) == (
        "/cpro/transverses/v1/consulterCRDetaille",
        {"numeroFluxDepot": "CPP0011110000000000001557"},
    )


def test_consulter_cr_decodes_the_report(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {**OK, "etatCourantFlux": "IN_RECU", "fichierCR": base64.b64encode(b"%PDF cr").decode()}
        )
    )
    cr = client.transverses.consulter_cr(
        numero_flux_depot="CPP1", date_depot=date(2026, 1, 5), syntaxe_flux="IN_DP_E1_CII_16B"
    )
    assert cr.fichier_cr == b"%PDF cr"
    assert not cr.etat_courant_flux.is_terminal  # type: ignore[union-attr]
    assert last(server)[1] == {
        "numeroFluxDepot": "CPP1",
        "dateDepot": "2026-01-05",
        "syntaxeFlux": "IN_DP_E1_CII_16B",
    }
    with pytest.raises(InvalidRequestError, match="numero_flux_depot"):
        client.transverses.consulter_cr(numero_flux_depot=None)  # type: ignore[arg-type]


# --- attachments and the directory ---------------------------------------------------------------


def test_ajouter_fichier_sends_the_attachment_and_returns_its_id(
    client: ChorusPro, server: Server, tmp_path: Path
) -> None:
    server.script.append(json_response({**OK, "pieceJointeId": 28205}))
    path = tmp_path / "bon_de_livraison.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert client.transverses.ajouter_fichier(fichier=path) == 28205
    assert last(server) == (
        "/cpro/transverses/v1/ajouter/fichier",
        {
            "pieceJointeFichier": base64.b64encode(b"%PDF-1.7").decode(),
            "pieceJointeNom": "bon_de_livraison.pdf",
            "pieceJointeTypeMime": "application/pdf",
            "pieceJointeExtension": "PDF",
        },
    )
    server.script.append(json_response({**OK, "pieceJointeId": 28206}))
    identifiant = client.transverses.ajouter_fichier(
        fichier=b"a;b", nom_fichier="export.csv", type_mime="text/csv"
    )
    assert identifiant == 28206
    assert last(server)[1]["pieceJointeTypeMime"] == "text/csv"


@pytest.mark.parametrize(
    ("nom", "message"),
    [
        ("n" * 47 + ".pdf", "51 characters"),
        ("programme.exe", "extension Chorus Pro accepts"),
        ("sans_extension", "extension Chorus Pro accepts"),
        (".pdf", "extension Chorus Pro accepts"),
    ],
)
def test_ajouter_fichier_checks_the_name_as_chorus_pro_does(
    client: ChorusPro, server: Server, nom: str, message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message) as refused:
        client.transverses.ajouter_fichier(fichier=b"x", nom_fichier=nom)
    assert refused.value.field == "nom_fichier"
    assert refused.value.operation == "ajouterFichierDansSysteme"
    assert server.api_calls == []


def test_telecharger_annuaire_destinataire_returns_the_decoded_file(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(
        json_response({**OK, "fichierResultat": base64.b64encode(b"PK\x03\x04").decode()})
    )
    assert client.transverses.telecharger_annuaire_destinataire() == b"PK\x03\x04"
    assert last(server) == ("/cpro/transverses/v1/telecharger/annuaire/destinataire", {})


def test_rechercher_destinataire_pages_under_parametres_recherche(
    client: ChorusPro, server: Server
) -> None:
    server.script.extend(
        [
            json_response(
                {
                    **OK,
                    "listeDestinataires": [{"idStructureCPP": 7, "siret": 26750045200011}],
                    "parametresRetour": {"pageCourante": 1, "pages": 2},
                }
            ),
            json_response(
                {
                    **OK,
                    "listeDestinataires": [{"idStructureCPP": 8, "nomDestinataire": "CHU"}],
                    "parametresRetour": {"pageCourante": 2, "pages": 2},
                }
            ),
        ]
    )
    page = client.transverses.rechercher_destinataire(
        nom_ville_code_postal="75012", type_structure="PUBLIQUE", nb_resultats_par_page=1
    )
    trouves = list(page.auto_paging_iter())
    assert [d.id_structure_cpp for d in trouves] == [7, 8]
    assert trouves[0].siret == "26750045200011"
    assert last(server) == (
        "/cpro/transverses/v1/rechercher/destinataire",
        {
            "nomVilleCodePostal": "75012",
            "typeStructure": "PUBLIQUE",
            "parametresRecherche": {"pageResultatDemandee": 2, "nbResultatsParPage": 1},
        },
    )


# --- the account's structures, statuses, motifs -------------------------------------------------


def test_reference_lists_of_the_account(client: ChorusPro, server: Server) -> None:
    server.script.extend(
        [
            json_response(
                {**OK, "listeStructures": [{"idStructureCPP": 3, "identifiant": "12345678200010"}]}
            ),
            json_response({**OK, "listeStructures": []}),
            json_response(
                {
                    **OK,
                    "listeCoordonneeBancaire": [
                        {"idCoordonneeBancaire": 144050, "nomCoordonneeBancaire": "BP"}
                    ],
                }
            ),
            json_response(
                {
                    **OK,
                    "listeStatutsPossiblesPourTraitement": [
                        {"statutPossiblePourTraitement": "SUSPENDUE"},
                        {"statutPossiblePourTraitement": "MANDATEE"},
                    ],
                }
            ),
            json_response(
                {
                    **OK,
                    "listeTypePieceJointe": [{"codeTypePieceJointe": "01", "typeObjet": "FACTURE"}],
                }
            ),
            json_response(
                {**OK, "listeMotifRefusFactureAValider": [{"idMotif": 1, "codeMotif": "M1"}]}
            ),
        ]
    )
    transverses = client.transverses
    assert transverses.recuperer_structures_actives_pour_fournisseur()[0].id_structure_cpp == 3
    assert transverses.recuperer_structures_actives_pour_destinataire() == []
    comptes = transverses.recuperer_coordonnees_bancaires_valides(id_structure=3)
    assert comptes[0].id_coordonnee_bancaire == 144050
    assert last(server)[1] == {"idStructure": 3}
    statuts = transverses.recuperer_etats_possibles_pour_traitement(
        statut_courant="MISE_A_DISPOSITION"
    )
    assert statuts == [StatutFacture.SUSPENDUE, StatutFacture.MANDATEE]
    assert last(server)[1] == {"statutCourant": "MISE_A_DISPOSITION"}
    types = transverses.recuperer_types_piece_jointe(type_objet="FACTURE")
    assert types[0].type_objet is TypeObjetPieceJointe.FACTURE
    assert last(server)[1] == {"codeLangue": "FR", "typeObjet": "FACTURE"}
    motifs = transverses.recuperer_motifs_refus_facture_a_valider(
        code_cadre_facturation="A9_FACTURE_SOUSTRAITANT"
    )
    assert motifs[0].code_motif == "M1"
    assert last(server)[1] == {"codeCadreFacturationAValider": "A9_FACTURE_SOUSTRAITANT"}
    paths = [call.url.path.removeprefix("/cpro/transverses/v1/") for call in server.api_calls]
    assert paths == [
        "recuperer/structures/actives/fournisseur",
        "recuperer/structures/actives/destinataire",
        "recuperer/coordbanc/valides",
        "recuperer/etats/traitement",
        "recuperer/typespj",
        "recuperer/motifs/refus/Facture/AValider",
    ]


def test_unofficial_codes_are_refused_before_sending(client: ChorusPro, server: Server) -> None:
    with pytest.raises(
        InvalidRequestError, match="'PAYEE' is not an official StatutFacture"
    ) as refused:
        client.transverses.recuperer_etats_possibles_pour_traitement(statut_courant="PAYEE")
    assert refused.value.operation == "recupererEtatsPossiblesPourTraitement"
    with pytest.raises(InvalidRequestError):
        client.transverses.recuperer_types_piece_jointe(type_objet="INCONNU")
    assert server.api_calls == []


# --- structures --------------------------------------------------------------------------------


def test_rechercher_structures_nests_the_criteria(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "listeStructures": [
                    {
                        "idStructureCPP": 7,
                        "identifiantStructure": 26750045200011,
                        "statut": "ACTIVE",
                    }
                ],
                "parametresRetour": {"pageCourante": 1, "pages": 1, "total": 1},
            }
        )
    )
    page = client.structures.rechercher(
        identifiant_structure="26750045200011",
        type_identifiant_structure="SIRET",
        statut_structure="ACTIF",
    )
    assert page.items[0].statut is StatutStructure.ACTIVE
    assert page.items[0].identifiant_structure == "26750045200011"
    assert last(server) == (
        "/cpro/structures/v1/rechercher",
        {
            "structure": {
                "identifiantStructure": "26750045200011",
                "typeIdentifiantStructure": "SIRET",
                "statutStructure": "ACTIF",
            },
            "parametres": {"pageResultatDemandee": 1},
        },
    )


def test_consulter_structure_sends_id_structure_cpp_and_reads_its_rules(
    client: ChorusPro, server: Server
) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "informationGenerales": {
                    "idStructureCPP": 7,
                    "dateExpirationMotPasseCompteTech": "2027-03-01 00:00",
                },
                "parametres": {"codeServiceDoitEtreRenseigne": True, "getaMoa": False},
            }
        )
    )
    structure = client.structures.consulter(id_structure_cpp=7)
    assert last(server)[1] == {"idStructureCPP": 7}
    assert structure.parametres is not None
    assert structure.parametres.code_service_doit_etre_renseigne is True
    assert structure.parametres.a_moa is False
    assert structure.information_generales is not None
    assert structure.information_generales.date_expiration_mot_passe_compte_tech == date(2027, 3, 1)


def test_services_rattachements_espaces(client: ChorusPro, server: Server) -> None:
    client.structures.rechercher_services(
        id_structure=7, nb_resultats_par_page=100, tri_colonne="CodeService"
    )
    assert last(server) == (
        "/cpro/structures/v1/rechercher/services",
        {
            "idStructure": 7,
            "parametresRechercherServicesStructure": {
                "pageResultatDemandee": 1,
                "nbResultatsParPage": 100,
                "triColonne": "CodeService",
            },
        },
    )
    client.structures.consulter_service(id_structure=7, id_service=11, code_langue="EN")
    assert last(server)[1] == {"idStructure": 7, "idService": 11, "codeLangue": "EN"}
    client.structures.lister_rattachements(adresse_email_connexion_utilisateur="a@chu.fr")
    assert last(server)[1] == {
        "adresseEmailConnexionUtilisateur": "a@chu.fr",
        "parametresListerRattachementsStructureUtilisateur": {"pageResultatDemandee": 1},
    }
    client.structures.rechercher_espaces(
        id_service=11, identifiant_structure="1", type_identifiant_structure="SIRET"
    )
    assert last(server)[1] == {
        "idService": 11,
        "structure": {"identifiantStructure": "1", "typeIdentifiantStructure": "SIRET"},
        "parametresRechercherEspaces": {"pageResultatDemandee": 1},
    }
    with pytest.raises(InvalidRequestError, match="tri_colonne"):
        client.structures.rechercher_services(id_structure=7, tri_colonne="NomService")


# --- engagements, utilisateurs ------------------------------------------------------------------


def test_engagements_rechercher(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "listeEngagementJuridique": [
                    {
                        "numeroEngagementJuridique": "1300012345",
                        "libelleEtatCourantEJ": "COMMANDE",
                        "dateCreationEJ": "2016-02-05",
                        "montantTotalHt": 1000.5,
                    }
                ],
                "parametresRetour": {"pageCourante": 1, "pages": 3},
            }
        )
    )
    page = client.engagements.rechercher(
        numero_engagement_juridique="1300012345",
        structure_receptrice=26262962,
        etat_courant="COMMANDE",
    )
    assert page.items[0].libelle_etat_courant_ej == "COMMANDE"
    assert str(page.items[0].montant_total_ht) == "1000.5"
    assert not page.has_next_page()  # the paging keys of this search are not published
    assert last(server) == (
        "/cpro/engagementsJuridiques/v1/rechercher",
        {
            "numeroEngagementJuridique": "1300012345",
            "structureReceptriceEngagementJuridique": "26262962",
            "etatCourantEngagementJuridique": "COMMANDE",
        },
    )


def test_utilisateurs_rattachements(client: ChorusPro, server: Server) -> None:
    server.script.append(
        json_response(
            {
                **OK,
                "listeStructureRattachement": [
                    {
                        "idStructure": 3,
                        "statutRattachementStructure": "VALIDEE",
                        "listeServicesRattache": [
                            {
                                "idService": 11,
                                "dateDbtService": "2016-10-25 17:42",
                                "estActif": True,
                            }
                        ],
                    }
                ],
                "parametresRetour": {"pageCourante": 1, "pages": 1},
            }
        )
    )
    page = client.utilisateurs.rattachements(nb_resultats_par_page=50, tri_colonne="IdStructure")
    rattachement = page.items[0]
    assert rattachement.liste_services_rattache[0].date_dbt_service is not None
    assert rattachement.statut_rattachement_structure == "VALIDEE"
    assert last(server) == (
        "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
        {
            "parametresRecherche": {
                "pageResultatDemandee": 1,
                "nbResultatsParPage": 50,
                "triColonne": "IdStructure",
            }
        },
    )
