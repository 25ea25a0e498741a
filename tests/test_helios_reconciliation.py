"""Reconciling an acquittement with the PES_Aller it answers, on the reference examples."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from demat_sdk import pes
from demat_sdk.errors import ReconciliationError
from demat_sdk.helios import (
    EtatReconciliation,
    Statut,
    corrective_flux,
    reconcile,
)

from return_path_support import EXAMPLES, schema_errors
from tests_support import XSD_DIR

ALLER_XSD = XSD_DIR / "PES_V2" / "Rev0" / "PES_Aller.xsd"

SENT = EXAMPLES / "01_PES_DepenseAller_mandat_PJ.xml"
PJ_ID = "26380001500017DEP2025000421F0001"


def sent() -> pes.PesAller:
    return pes.read(SENT)


def new_problems(again: pes.PesAller) -> list[str]:
    """What the model rules and the XSD find in ``again`` that the flux sent did not have.

    (The reference example's SIRET fails its checksum: the corrective flux inherits that.)
    """
    before = {str(p) for p in pes.validate(sent()).problems}
    model = [str(p) for p in pes.validate(again).problems if str(p) not in before]
    return model + schema_errors(ALLER_XSD, pes.to_bytes(again, business_rules=False))


def test_an_accepted_flux_has_nothing_to_send_again() -> None:
    flux = sent()
    result = reconcile(flux, pes.read_acquit(EXAMPLES / "04a_PES_ACQUIT_ok.xml"))
    assert result.etat is EtatReconciliation.ACCEPTE
    assert not result.flux_rejete
    (bordereau,) = result.bordereaux
    assert (bordereau.domaine, bordereau.exercice, bordereau.numero) == ("depense", 2025, 421)
    assert bordereau.statut is Statut.ACCEPTE
    assert not bordereau.peut_etre_renvoye
    assert [piece.numero for piece in bordereau.pieces] == [3017]
    assert bordereau.pieces[0].lignes[0].statut is Statut.ACCEPTE
    (pj,) = result.pieces_justificatives
    assert (pj.id_unique, pj.statut, pj.peut_etre_renvoyee) == (PJ_ID, Statut.ACCEPTE, False)
    assert not result.a_renvoyer
    assert corrective_flux(flux, result, nom_fichier="PESDEP_26380001500017_2025_421_B") is None


def test_a_rejected_bordereau_and_pj_are_placed_and_said_what_may_go_again() -> None:
    flux = sent()
    result = reconcile(flux, pes.read_acquit(EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml"))
    assert result.etat is EtatReconciliation.REJETE
    bordereau = result.bordereau(2025, 421)
    assert bordereau is not None
    assert bordereau.statut is Statut.REJETE
    assert not bordereau.doublon
    assert bordereau.peut_etre_renvoye
    piece = bordereau.pieces[0]
    assert piece.statut is Statut.REJETE
    assert piece.en_cause
    ligne = piece.lignes[0]
    assert ligne.numero == 1
    assert [erreur.numero_helios for erreur in ligne.anomalies] == [1971]
    # The PJ was refused as a duplicate: Hélios already holds its IdUnique.
    pj = result.piece_justificative(PJ_ID)
    assert pj is not None
    assert pj.statut is Statut.REJETE
    assert pj.anomalies[0].numero_anomalie is pes.CodeAnomalie.ERREUR_DOUBLON_PJ
    assert pj.deja_integree
    assert not pj.peut_etre_renvoyee
    assert result.a_renvoyer
    assert result.elements_inconnus == ()


def test_the_corrective_flux_holds_only_what_may_go_again_and_is_valid() -> None:
    flux = sent()
    result = reconcile(flux, pes.read_acquit(EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml"))
    again = corrective_flux(flux, result, nom_fichier="PESDEP_26380001500017_2025_421_B")
    assert again is not None
    assert again.enveloppe.nom_fichier == "PESDEP_26380001500017_2025_421_B"
    assert again.depense is not None
    assert [(b.exercice, b.numero) for b in again.depense.bordereaux] == [(2025, 421)]
    assert again.pj is None  # its IdUnique is already integrated
    refs = [
        ref
        for mandat in again.depense.bordereaux[0].mandats
        for ref in [*mandat.pj_refs, *(r for ligne in mandat.lignes for r in ligne.pj_refs)]
    ]
    assert refs
    assert all(ref.envoi_separe for ref in refs if ref.id_unique == PJ_ID)
    assert new_problems(again) == []
    assert flux.enveloppe.nom_fichier == "PESDEP_26380001500017_2025_421"  # untouched


def test_a_pj_rejected_for_its_content_travels_again() -> None:
    flux = sent()
    acquit = pes.read_acquit(EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml")
    pj_element = acquit.pj(PJ_ID)
    assert pj_element is not None
    pj_element.erreurs = [pes.ErreurAcquit(numero_anomalie=pes.CodeAnomalie.ERREUR_PJ)]
    bordereau_element = acquit.bordereau(2025, 421)
    assert bordereau_element is not None
    bordereau_element.etat = True
    bordereau_element.pieces = []
    result = reconcile(flux, acquit)
    assert result.etat is EtatReconciliation.PARTIELLEMENT_REJETE
    pj = result.piece_justificative(PJ_ID)
    assert pj is not None
    assert pj.peut_etre_renvoyee
    again = corrective_flux(flux, result, nom_fichier="PESDEP_26380001500017_2025_421_B")
    assert again is not None
    assert again.depense is None
    assert again.pj is not None
    assert [p.id_unique for p in again.pj.pieces_justificatives] == [PJ_ID]


def test_a_bordereau_refused_as_a_duplicate_never_goes_again_with_its_number() -> None:
    flux = sent()
    acquit = pes.read_acquit(EXAMPLES / "04b_PES_ACQUIT_ko_bordereau_and_pj.xml")
    element = acquit.bordereau(2025, 421)
    assert element is not None
    element.pieces = []
    element.erreurs = [pes.ErreurAcquit(numero_anomalie=pes.CodeAnomalie.ERREUR_DOUBLON_BORDEREAU)]
    result = reconcile(flux, acquit)
    assert result.bordereaux[0].doublon
    assert not result.bordereaux[0].peut_etre_renvoye
    assert not result.a_renvoyer
    assert corrective_flux(flux, result, nom_fichier="X") is None


def test_a_flux_refused_whole_goes_again_whole() -> None:
    flux = sent()
    result = reconcile(flux, pes.read_acquit(EXAMPLES / "04c_PES_ACQUIT_ko_whole_flux.xml"))
    assert result.flux_rejete
    assert result.etat is EtatReconciliation.REJETE
    assert result.anomalies_flux
    assert all(b.statut is Statut.REJETE for b in result.bordereaux)
    assert all(pj.statut is Statut.REJETE for pj in result.pieces_justificatives)
    again = corrective_flux(flux, result, nom_fichier="PESDEP_26380001500017_2025_421_B")
    assert again is not None
    assert again == dataclasses.replace(
        flux, enveloppe=dataclasses.replace(flux.enveloppe, nom_fichier=again.enveloppe.nom_fichier)
    )


def test_objects_the_acquittement_does_not_name() -> None:
    flux = sent()
    acquit = pes.read_acquit(EXAMPLES / "04a_PES_ACQUIT_ok.xml")
    stray = copy.deepcopy(acquit.elements[0])
    stray.numero_bordereau = 999
    acquit.elements = [stray, acquit.elements[1]]
    result = reconcile(flux, acquit)
    assert result.bordereaux[0].statut is Statut.SANS_REPONSE
    assert not result.bordereaux[0].peut_etre_renvoye
    assert result.etat is EtatReconciliation.INCOMPLET
    assert result.elements_inconnus == (stray,)


def test_an_acquittement_of_another_file_or_collectivite_is_refused() -> None:
    flux = sent()
    acquit = pes.read_acquit(EXAMPLES / "04a_PES_ACQUIT_ok.xml")
    other = copy.deepcopy(acquit)
    other.enveloppe.nom_fichier = "PESDEP_AUTRE"
    with pytest.raises(ReconciliationError, match="answers 'PESDEP_AUTRE'"):
        reconcile(flux, other)
    other = copy.deepcopy(acquit)
    other.en_tete.code_collectivite = "456"
    with pytest.raises(ReconciliationError, match="CodCol '456' in the acquittement, '123'"):
        reconcile(flux, other)
    # Budgets of one hospital share the CodCol: the ACK of the annexe budget is not the main's.
    for attr, tag, value in (
        ("code_budget", "CodBud", "01"),
        ("siret", "IdColl", "26380001500025"),
        ("code_poste", "IdPost", "038012"),
    ):
        other = copy.deepcopy(acquit)
        setattr(other.en_tete, attr, value)
        with pytest.raises(ReconciliationError, match=f"{tag} '{value}' in the acquittement"):
            reconcile(flux, other)
    result = reconcile(flux, acquit)
    renamed = dataclasses.replace(
        flux, enveloppe=dataclasses.replace(flux.enveloppe, nom_fichier="X")
    )
    with pytest.raises(ReconciliationError):
        corrective_flux(renamed, result, nom_fichier="Y")
