"""FakeHelios: box 1 and box 5 checks, integration, acquittements, ASAP to Chorus Pro, returns."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from demat_sdk import pes
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.helios import EtatReconciliation, FileKind, reconcile
from demat_sdk.pes import CodeAnomalie, DomaineAcquit, read_acquit
from demat_sdk.pes.retour import (
    EtatPieceDepense,
    EtatPieceRecette,
    acquit_retour_to_bytes,
    build_acquit_retour,
    read_retour,
)
from demat_sdk.testing import FakeChorusPro, FakeClock, FakeHelios, Referentiel
from demat_sdk.testing.helios import (
    LABEL_DOUBLON_PJ,
    LABEL_FONCTION,
    LABEL_SERVICE_CHORUS,
    Budget,
    OutgoingFile,
    samples,
)

from return_path_support import ACK_V2_XSD, RETOUR_XSD, schema_errors
from tests_support import XSD_DIR

DAY = dt.date(2026, 1, 5)


def _depense(nom: str = "PESDEP_001.xml", **options: object) -> bytes:
    return pes.to_bytes(samples.depense_flux(nom, DAY, **options), business_rules=False)  # type: ignore[arg-type]


def _recette(nom: str = "PESREC_001.xml", **options: object) -> bytes:
    return pes.to_bytes(samples.recette_flux(nom, DAY, **options))  # type: ignore[arg-type]


def _answer(helios: FakeHelios, data: bytes, name: str) -> pes.Acquit:
    """Send a file, let the delay pass, read the acquittement (checked against the XSD)."""
    before = {file.name for file in helios.outbox()}
    helios.receive(data, name)
    helios.advance(helios.ack_delay)
    [ack] = [file for file in helios.outbox() if file.name not in before]
    assert ack.kind is FileKind.ACQUIT
    assert schema_errors(ACK_V2_XSD, ack.content) == []
    return read_acquit(ack.content)


@pytest.fixture
def world() -> tuple[FakeChorusPro, FakeHelios]:
    chorus = FakeChorusPro.seeded()
    return chorus, FakeHelios.seeded(chorus, xsd_dir=XSD_DIR)


def test_a_valid_flux_is_accepted_after_the_delay_and_the_ack_is_schema_valid(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    data = _depense()
    helios.receive(data, "PESDEP_001.xml")
    helios.advance(helios.ack_delay - 1)
    assert helios.outbox() == []
    helios.advance(1)
    [ack] = helios.outbox()
    assert ack.name.startswith("013045_")
    assert "-ACK-" in ack.name
    assert schema_errors(ACK_V2_XSD, ack.content) == []
    acquit = read_acquit(ack.content)
    assert acquit.nom_fichier == "PESDEP_001.xml"
    assert acquit.en_tete.code_collectivite == "130"
    assert acquit.accepte
    assert [element.objet for element in acquit.elements] == [
        "bordereau 12 (exercice 2026)",
        "bordereau 13 (exercice 2026)",
        "PJ FACT2026B12",
        "PJ FACT2026B13",
    ]
    sent = pes.read(data)
    assert reconcile(sent, acquit).etat is EtatReconciliation.ACCEPTE


def test_the_same_file_again_is_refused_as_duplicates_with_the_real_label(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    data = _depense()
    assert _answer(helios, data, "PESDEP_001.xml").accepte
    again = _answer(helios, data, "PESDEP_001_BIS.xml")
    assert not any(element.etat for element in again.elements)
    codes = {erreur.erreur.numero_anomalie for erreur in again.iter_erreurs()}
    assert codes == {CodeAnomalie.ERREUR_DOUBLON_BORDEREAU, CodeAnomalie.ERREUR_DOUBLON_PJ}
    pj = again.pj("FACT2026B12")
    assert pj is not None
    assert pj.erreurs[0].numero_helios == LABEL_DOUBLON_PJ[0] == 1984
    assert pj.erreurs[0].texte == "L'identifiant unique de la PJ a déjà été intégré dans HELIOS"


def test_fonction_on_an_m21_budget_rejects_only_that_bordereau_at_its_line(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    acquit = _answer(helios, _depense(fonction_on=13), "PESDEP_001.xml")
    assert acquit.bordereau(2026, 12).etat  # type: ignore[union-attr]
    rejected = acquit.bordereau(2026, 13)
    assert rejected is not None
    assert not rejected.etat
    [erreur] = list(acquit.iter_erreurs())
    assert erreur.localisation == "bordereau 13 (exercice 2026) / pièce 1301 / ligne 2"
    assert erreur.erreur.libelle_anomalie == "1971 - Compte fonction présent à tort"
    assert LABEL_FONCTION == (1971, "Compte fonction présent à tort")
    # Only what was accepted is integrated: the fixed bordereau 13 goes again, same number.
    fixed = _answer(helios, _depense("PESDEP_002.xml", bordereaux=(13,)), "PESDEP_002.xml")
    assert fixed.bordereau(2026, 13).etat  # type: ignore[union-attr]
    assert not fixed.pj("FACT2026B13").etat  # type: ignore[union-attr]  # already integrated


def test_an_asap_to_an_unknown_chorus_service_is_rejected_with_2559(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    chorus, helios = world
    flux = samples.recette_flux("PESREC_001.xml", DAY)
    titre = flux.recette.bordereaux[0].titres[1]  # type: ignore[union-attr]
    titre.code_service_chorus = "INCONNU"
    acquit = _answer(helios, pes.to_bytes(flux), "PESREC_001.xml")
    [erreur] = list(acquit.iter_erreurs())
    assert erreur.localisation == "bordereau 41 (exercice 2026) / pièce 2"
    assert erreur.erreur.numero_helios == LABEL_SERVICE_CHORUS[0] == 2559
    assert "inconnu ou inactif dans Chorus Pro" in erreur.erreur.texte
    assert helios.asap_deposits == []
    assert chorus.state.invoices.records == {}


def test_an_accepted_asap_becomes_a_chorus_invoice_from_the_hospital(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    chorus, helios = world
    assert _answer(helios, _recette(), "PESREC_001.xml").accepte
    [deposit] = helios.asap_deposits
    assert deposit.reference == "2026/41/2"
    invoice = chorus.state.invoices.records[deposit.id_facture]
    assert invoice.numero == "ASAP-2026-0007"
    assert invoice.fournisseur.identifiant == samples.HOSPITAL_SIRET
    assert invoice.destinataire.identifiant == samples.DEPARTEMENT_SIRET
    assert invoice.montant_ttc == Decimal("2500.00")
    assert invoice.principale is not None
    assert b"PES_Facture" in invoice.principale.attachment.content
    # Deposited when Hélios processed the flux, on the shared clock.
    [received] = helios.received
    assert invoice.date_depot == received.received_at + dt.timedelta(seconds=helios.ack_delay)
    chorus.advance(chorus.state.timings.mise_a_disposition)
    assert invoice.statut is StatutFacture.MISE_A_DISPOSITION


def test_an_asap_debtor_unknown_to_chorus_keeps_chorus_message(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    flux = samples.recette_flux("PESREC_001.xml", DAY)
    titre = flux.recette.bordereaux[0].titres[1]  # type: ignore[union-attr]
    titre.lignes[0].tiers[0].identifiant = "21740056300003"
    acquit = _answer(helios, pes.to_bytes(flux), "PESREC_001.xml")
    [erreur] = list(acquit.iter_erreurs())
    assert erreur.erreur.libelle_anomalie == (
        "Le destinataire 21740056300003 (Tiers/InfoTiers/IdTiers) n'est pas référencé "
        "dans notre système."
    )


def test_counts_and_totals_are_checked(world: tuple[FakeChorusPro, FakeHelios]) -> None:
    _, helios = world
    data = _depense(bordereaux=(12,))
    assert b'<NbrPce V="1"/>' in data
    assert b'<MtBordHT V="3000.00"/>' in data
    data = data.replace(b'<NbrPce V="1"/>', b'<NbrPce V="2"/>')
    data = data.replace(b'<MtBordHT V="3000.00"/>', b'<MtBordHT V="3100.00"/>')
    acquit = _answer(helios, data, "PESDEP_001.xml")
    erreurs = acquit.bordereau(2026, 12).erreurs  # type: ignore[union-attr]
    assert [erreur.numero_anomalie for erreur in erreurs] == [
        CodeAnomalie.ERREUR_AUTRE,
        CodeAnomalie.ERREUR_CUMUL_MONTANTS,
    ]
    assert "NbrPce 2" in erreurs[0].libelle_anomalie  # type: ignore[operator]


def test_an_xsd_failure_refuses_the_whole_flux_in_box_1(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    data = _depense().replace(b'V="facture-12.pdf"', b'V="facture-12"')
    acquit = _answer(helios, data, "PESDEP_001.xml")
    assert acquit.flux_rejete
    [element] = acquit.elements
    assert element.domaine is DomaineAcquit.TECHNIQUE
    label = element.erreurs[0].libelle_anomalie or ""
    assert label.startswith(
        "Une erreur technique est survenue lors de la validation/decoupage technique "
        "(Boite 1) : Erreur de validation XSD en boite 1 ["
    )
    assert "NomPJ" in label
    assert helios.integrated.bordereaux == set()  # nothing integrated


def test_signature_must_match_info_dematerialisee(world: tuple[FakeChorusPro, FakeHelios]) -> None:
    _, helios = world
    flux = samples.depense_flux("PESDEP_001.xml", DAY)
    flux = dataclasses.replace(flux, depense=dataclasses.replace(flux.depense, dematerialise=True))  # type: ignore[type-var]
    acquit = _answer(helios, pes.to_bytes(flux, business_rules=False), "PESDEP_001.xml")
    assert acquit.flux_rejete
    erreur = acquit.elements[0].erreurs[0]
    assert erreur.numero_anomalie is CodeAnomalie.ERREUR_SIGNATURE_INCOMPLETE
    assert "bordereau 12 n'est pas signé" in (erreur.libelle_anomalie or "")


@pytest.mark.parametrize(
    ("referentiel", "code"),
    [
        (Referentiel(budgets=()), CodeAnomalie.ERREUR_CODIQUE),
        (
            Referentiel(
                budgets=(Budget("26130001600019", "130", "09", pes.Nomenclature.M21, "013045"),)
            ),
            CodeAnomalie.ERREUR_CODE_COLLECTIVITE_BUDGET,
        ),
        (
            Referentiel(
                budgets=(Budget("26130001600019", "130", "00", pes.Nomenclature.M57, "013045"),)
            ),
            CodeAnomalie.ERREUR_AUTRE,  # FinJur on an M57 budget
        ),
        (
            Referentiel(
                budgets=(
                    Budget(
                        "26130001600019", "130", "00", pes.Nomenclature.M21, "013045", actif=False
                    ),
                )
            ),
            CodeAnomalie.ERREUR_CODE_COLLECTIVITE_BUDGET,
        ),
    ],
)
def test_the_header_is_checked_against_the_referentiel(
    referentiel: Referentiel, code: CodeAnomalie
) -> None:
    helios = FakeHelios(referentiel, ack_delay=0)
    acquit = _answer(helios, _depense(), "PESDEP_001.xml")
    assert acquit.flux_rejete
    [element] = acquit.elements
    assert element.domaine is DomaineAcquit.PARAMETRAGE
    assert element.erreurs[0].numero_anomalie is code


def test_triplets_service_codes_and_fonction_on_m22() -> None:
    seeded = Referentiel.seeded()
    m22 = Budget(
        "26130001600019", "130", "00", pes.Nomenclature.M22, "013045", finess_juridique="1"
    )
    helios = FakeHelios(
        dataclasses.replace(seeded, budgets=(m22,), triplets=frozenset()), ack_delay=0
    )
    flux = samples.depense_flux("PESDEP_001.xml", DAY, bordereaux=(12,), fonction_on=12)
    flux.depense.bordereaux[0].mandats[0].code_service = "INCONNU"  # type: ignore[union-attr]
    acquit = _answer(helios, pes.to_bytes(flux, business_rules=False), "PESDEP_001.xml")
    found = {(e.localisation, e.erreur.numero_anomalie) for e in acquit.iter_erreurs()}
    assert found == {
        ("bordereau 12 (exercice 2026) / pièce 1201", CodeAnomalie.ERREUR_CODIFICATION),
        ("bordereau 12 (exercice 2026) / pièce 1201", CodeAnomalie.ERREUR_AUTRE),
        ("bordereau 12 (exercice 2026) / pièce 1201 / ligne 2", CodeAnomalie.ERREUR_AUTRE),
    }


def test_an_empty_flux_or_an_unreadable_file_gets_no_acquittement() -> None:
    helios = FakeHelios(Referentiel.seeded(), ack_delay=10)
    flux = samples.depense_flux("PESVIDE.xml", DAY)
    empty = dataclasses.replace(flux, depense=None, pj=None)
    first = helios.receive(pes.to_bytes(empty, business_rules=False), "PESVIDE.xml")
    second = helios.receive(b"not xml at all", "junk.xml")
    helios.advance(10)
    assert helios.outbox() == []
    assert first.processed
    assert first.acquit is None
    assert first.reason.startswith("empty flux")
    assert second.reason.startswith("not a readable PES_Aller")


def test_alone_the_emulator_keeps_its_own_time() -> None:
    clock = FakeClock()
    helios = FakeHelios.seeded(clock=clock, ack_delay=60)
    helios.receive(_depense(), "PESDEP_001.xml")
    clock.advance(59)
    assert helios.outbox() == []
    clock.advance(1)
    assert [file.kind for file in helios.outbox()] == [FileKind.ACQUIT]
    with pytest.raises(ValueError, match="share one clock"):
        FakeHelios.seeded(FakeChorusPro.seeded(), clock=FakeClock())
    with pytest.raises(ValueError, match="not negative"):
        FakeHelios.seeded(ack_delay=-1)


def test_returns_for_accepted_mandats_and_titres_read_back_and_get_acknowledged(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    _answer(helios, _depense(fonction_on=13), "PESDEP_001.xml")
    _answer(helios, _recette(), "PESREC_001.xml")
    made = helios.produce_retours(paid=True)
    assert helios.produce_retours() == []  # nothing new since
    by_prefix: dict[str, OutgoingFile] = {f.name[:9]: f for f in made}
    assert set(by_prefix) == {"PES2R_DEP", "PES2R_RCE"}
    for file in made:
        assert file.kind is FileKind.RETOUR
        assert schema_errors(RETOUR_XSD, file.content) == []
    depense = read_retour(by_prefix["PES2R_DEP"].content)
    assert depense.nature_restitution == "P"
    [bordereau] = depense.depense.bordereaux  # type: ignore[union-attr]  # 13 was rejected
    assert bordereau.numero == 12
    [piece] = bordereau.pieces
    assert piece.numero == 1201
    assert piece.etat is EtatPieceDepense.PRISE_EN_CHARGE
    assert [ligne.paiements[0].montant for ligne in piece.lignes] == [
        Decimal("1055.00"),
        Decimal("2110.00"),
    ]
    recette = read_retour(by_prefix["PES2R_RCE"].content)
    pieces = recette.recette.bordereaux[0].pieces  # type: ignore[union-attr]
    assert [(p.numero, p.etat) for p in pieces] == [
        (1, EtatPieceRecette.PRISE_EN_CHARGE),
        (2, EtatPieceRecette.PRISE_EN_CHARGE),
    ]
    acquit_retour = build_acquit_retour(
        depense,
        emetteur=pes.Emetteur(sigle="GEF", adresse="GEF 1"),
        nom_fichier="ACQRET_001.xml",
        date_acquit=DAY,
    )
    helios.receive(acquit_retour_to_bytes(acquit_retour), "ACQRET_001.xml")
    assert helios.acknowledged_retours == {depense.nom_fichier}


def test_a_header_breaking_the_schema_is_still_answered_copied_as_it_is(
    world: tuple[FakeChorusPro, FakeHelios],
) -> None:
    _, helios = world
    data = _depense().replace(b'<IdPost V="013045"/>', b'<IdPost V="13045"/>')
    helios.receive(data, "PESDEP_001.xml")
    helios.advance(helios.ack_delay)
    [ack] = helios.outbox()
    acquit = read_acquit(ack.content)
    assert acquit.flux_rejete
    assert "IdPost" in (acquit.elements[0].erreurs[0].libelle_anomalie or "")
    assert acquit.en_tete.code_poste == "13045"  # copied: the ACK breaks the ACK schema too
    assert schema_errors(ACK_V2_XSD, ack.content) != []


def test_without_a_schema_set_what_the_reader_finds_missing_refuses_the_flux() -> None:
    helios = FakeHelios.seeded(clock=FakeClock(), ack_delay=0)
    data = _depense().replace(b'<TypBord V="01"/>', b"", 1)
    acquit = _answer(helios, data, "PESDEP_001.xml")
    assert acquit.flux_rejete
    label = acquit.elements[0].erreurs[0].libelle_anomalie or ""
    assert label.startswith("Une erreur technique est survenue")
    assert "missing element BlocBordereau/TypBord" in label


def test_an_acquit_retour_only_acknowledges_returns_that_were_emitted() -> None:
    helios = FakeHelios.seeded(clock=FakeClock(), ack_delay=0)
    _answer(helios, _depense(), "PESDEP_001.xml")
    [retour] = helios.produce_retours()
    document = read_retour(retour.content)
    emetteur = pes.Emetteur(sigle="GEF", adresse="GEF 1")
    stranger = build_acquit_retour(
        document,
        emetteur=emetteur,
        nom_fichier="ACQRET_X.xml",
        date_acquit=DAY,
        nom_fichier_retour="PES2R_DEP_P_INCONNU.xml",
    )
    received = helios.receive(acquit_retour_to_bytes(stranger), "ACQRET_X.xml")
    assert helios.acknowledged_retours == set()
    assert received.reason.endswith("returns never emitted: PES2R_DEP_P_INCONNU.xml")
    broken = helios.receive(b'<n:PES_ACQUIT_RETOUR xmlns:n="x"/>', "ACQRET_Y.xml")
    assert broken.reason.startswith("unreadable PES_ACQUIT_RETOUR")
    assert [file.kind for file in helios.outbox()] == [FileKind.ACQUIT, FileKind.RETOUR]


def test_a_signed_bordereau_in_a_flux_that_is_not_dematerialised_is_refused() -> None:
    helios = FakeHelios.seeded(clock=FakeClock(), ack_delay=0)
    signature = b'<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></Bordereau>'
    data = _depense(bordereaux=(12,)).replace(b"</Bordereau>", signature, 1)
    acquit = _answer(helios, data, "PESDEP_001.xml")
    assert acquit.flux_rejete
    erreur = acquit.elements[0].erreurs[0]
    assert erreur.numero_anomalie is CodeAnomalie.ERREUR_PES_SIGNATURE
    assert "bordereau 12 est signé" in (erreur.libelle_anomalie or "")


def test_the_asap_invoice_carries_the_engagement(world: tuple[FakeChorusPro, FakeHelios]) -> None:
    chorus, helios = world
    flux = samples.recette_flux("PESREC_001.xml", DAY)
    flux.recette.bordereaux[0].titres[1].numero_engagement = "EJ-2026-42"  # type: ignore[union-attr]
    assert _answer(helios, pes.to_bytes(flux), "PESREC_001.xml").accepte
    [deposit] = helios.asap_deposits
    invoice = chorus.state.invoices.records[deposit.id_facture]
    assert invoice.numero_bon_commande == "EJ-2026-42"
    assert invoice.createur.login == f"HELIOS_DGFIP_{samples.HOSPITAL_SIRET}"
