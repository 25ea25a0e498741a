"""The instruction's indicators, measured on PES files the library wrote and on Chorus Pro data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from demat_sdk import pes
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.models.factures_resultats import FactureRechercheRecipiendaire
from demat_sdk.pes.schema import XmlFragment
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import SampleInvoice, cii
from demat_sdk.tracking.indicators import (
    PJ_THRESHOLD,
    build_report,
    collect_chorus,
    measure_chorus,
    measure_pes,
)

from practices_support import JOUR, adresse, asap_titre, en_tete

SIGNATURE = XmlFragment(
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>'
)


def mandat(numero: int, *refs: pes.PJRef, ligne_refs: tuple[pes.PJRef, ...] = ()) -> pes.Mandat:
    return pes.Mandat(
        numero=numero,
        type=pes.TypeMandat.ORDINAIRE,
        nature=pes.NatureMandat.FONCTIONNEMENT,
        pj_refs=list(refs),
        lignes=[
            pes.LigneMandat(
                nature_comptable=60221,
                mode_reglement=pes.ModeReglementDepense.CHEQUE,
                tva_intracommunautaire=False,
                montant_ht=Decimal("10.00"),
                pj_refs=list(ligne_refs),
                tiers=pes.TiersDepense(
                    categorie=pes.CategorieTiers.PERSONNE_MORALE_DROIT_PRIVE,
                    nature_juridique=pes.NatureJuridique.SOCIETE,
                    nom="FOURNISSEUR",
                    adresse=adresse("1 RUE", "38000", "GRENOBLE"),
                ),
            )
        ],
    )


def ref(id_unique: str, support: pes.Support = pes.Support.ELECTRONIQUE) -> pes.PJRef:
    return pes.PJRef(support=support, id_unique=id_unique, envoi_separe=True)


def pj(id_unique: str, *refs: pes.RefCompta) -> pes.PieceJustificative:
    return pes.PieceJustificative(
        contenu=b"%PDF-1.4 facture " * 50,
        id_unique=id_unique,
        nom=f"{id_unique}.pdf",
        type=pes.TypePJ.DEPENSE,
        description="Facture",
        references_comptables=list(refs),
    )


def flux(
    nom: str,
    *,
    depense: list[pes.BordereauDepense] | None = None,
    recette: list[pes.BordereauRecette] | None = None,
    pieces: list[pes.PieceJustificative] | None = None,
    signature: XmlFragment | None = None,
) -> pes.PesAller:
    return pes.PesAller(
        enveloppe=pes.Enveloppe(nom_fichier=nom, emetteur=pes.Emetteur(sigle="GEF", adresse="1")),
        en_tete=en_tete(),
        depense=pes.DepenseAller(bordereaux=depense) if depense else None,
        recette=pes.RecetteAller(bordereaux=recette) if recette else None,
        pj=pes.PesPJ(pieces_justificatives=pieces) if pieces else None,
        signature=signature,
    )


def bordereau(numero: int, *mandats: pes.Mandat, signed: bool = False) -> pes.BordereauDepense:
    return pes.BordereauDepense(
        exercice=2026,
        numero=numero,
        date_emission=JOUR,
        type=pes.TypeBordereauDepense.ORDINAIRE,
        mandats=list(mandats),
        signature=SIGNATURE if signed else None,
    )


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """A month of flux: PJ embedded, sent apart, on paper, missing; signed and unsigned."""
    first = flux(
        "PES_1",
        depense=[
            bordereau(
                1,
                mandat(101, ref("PJ101")),  # embedded
                mandat(102, ligne_refs=(ref("PJ102"),)),  # on a line, embedded
                mandat(103, ref("PAPIER103", pes.Support.PAPIER)),  # on paper
                mandat(104, ref("AUTONOME104")),  # in a PES PJ autonome below
                mandat(105),  # attached by RefCompta in the PES PJ autonome
                mandat(106, ref("PERDUE106")),  # found nowhere
                signed=True,
            ),
            bordereau(2, mandat(201, ref("APART201"))),  # declared sent apart
        ],
        pieces=[pj("PJ101"), pj("PJ102")],
    )

    def pour(numero: str) -> pes.RefCompta:
        return pes.RefCompta(
            domaine=pes.Domaine.DEPENSE,
            exercice=2026,
            type_objet=pes.TypeObjet.CODE_01,
            identifiant=numero,
        )

    autonome = flux(
        "PES_PJ_2", pieces=[pj("AUTONOME104", pour("104")), pj("REFCOMPTA105", pour("105"))]
    )
    titres = flux(
        "PES_3",
        recette=[
            pes.BordereauRecette(
                exercice=2026,
                numero=7,
                date_emission=JOUR,
                type=pes.TypeBordereauRecette.ORDINAIRE,
                titres=[asap_titre(1, "T-1", "22740004100017", edition=pes.Edition.ASAP_A_EDITER)],
            )
        ],
        signature=SIGNATURE,  # a global signature signs every bordereau
    )
    resent = flux("PES_1_BIS", depense=[bordereau(1, mandat(101, ref("PJ101")), signed=True)])
    paths = []
    for index, document in enumerate((first, autonome, titres, resent)):
        path = tmp_path / f"flux{index}.xml"
        pes.write(document, path)
        paths.append(path)
    return paths


def test_pj_and_signature_measured_on_written_files(files: list[Path]) -> None:
    measures = measure_pes(files, pj_envoyees_a_part={"APART201"})
    assert measures.fichiers == 4
    assert (measures.mandats, measures.mandats_avec_pj) == (7, 5)  # 101 sent twice counts once
    assert [label.rsplit(" / ", 1)[1] for label in measures.mandats_sans_pj] == [
        "mandat 103",
        "mandat 106",
    ]
    assert measures.pj_introuvables == ("PERDUE106",)  # paper is not looked for
    assert (measures.bordereaux, measures.bordereaux_signes) == (3, 2)
    assert measures.bordereaux_non_signes == (
        "budget 26380000500005/00 / exercice 2026 / bordereau de mandats 2",
    )
    report = build_report(pes=measures)
    pj_share = report.indicateur("mandats_pj_dematerialisees")
    assert pj_share.seuil == PJ_THRESHOLD
    assert pj_share.taux == pytest.approx(5 / 7)
    assert pj_share.atteint is False


def test_without_the_declaration_the_pj_sent_apart_is_missing(files: list[Path]) -> None:
    measures = measure_pes(files)
    assert measures.mandats_avec_pj == 4
    assert "APART201" in measures.pj_introuvables


def test_the_files_are_read_with_their_pj_out_of_memory(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []
    real_read = pes.read

    def spy(source: object, **options: object) -> pes.PesAller:
        seen.append(options.get("pj_dir"))
        return real_read(source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("demat_sdk.tracking.indicators.read", spy)
    measure_pes(files[:1])
    assert seen
    assert seen[0] is not None
    assert not Path(str(seen[0])).exists()  # the PJ written aside are gone


def facture(
    id_facture: int, statut: StatutFacture, telechargee: bool = True
) -> FactureRechercheRecipiendaire:
    return FactureRechercheRecipiendaire(
        id_facture=id_facture, statut=statut, facture_telechargee_par_destinataire=telechargee
    )


def test_processed_means_a_status_given_by_the_recipient() -> None:
    S = StatutFacture  # noqa: N806 - the statuses read better short
    factures = [
        facture(1, S.MISE_A_DISPOSITION, telechargee=False),
        facture(2, S.MISE_A_DISPOSITION),
        facture(3, S.SERVICE_FAIT),
        facture(4, S.MANDATEE),
        facture(5, S.MISE_EN_PAIEMENT),
        facture(6, S.SUSPENDUE),
        facture(7, S.COMPLETEE),
        facture(8, S.A_RECYCLER),
        facture(9, S.REJETEE),
        facture(9, S.REJETEE),  # the same invoice on two pages counts once
    ]
    measures = measure_chorus(factures, hors_chorus=6)
    assert (measures.recues, measures.traitees, measures.telechargees) == (9, 7, 8)
    assert (measures.renvoyees, measures.rejetees) == (3, 1)
    report = build_report(chorus=measures)
    assert [i.code for i in report.indicateurs] == [
        "factures_recues_chorus",
        "factures_traitees_chorus",
        "rejets_parmi_renvois",
    ]
    assert report.indicateur("factures_recues_chorus").taux == pytest.approx(9 / 15)
    assert report.indicateur("factures_traitees_chorus").taux == pytest.approx(7 / 9)
    assert report.indicateur("rejets_parmi_renvois").plus_bas_mieux


def test_collected_from_chorus_pro() -> None:
    fake = FakeChorusPro.seeded()
    world = fake.world
    with fake.client(account=world.account(world.pharmadis)) as supplier:
        for numero in ("PH-1", "PH-2", "PH-3"):
            supplier.factures.deposer_flux(
                fichier=cii(
                    SampleInvoice(
                        numero, world.pharmadis.identifiant, "22740004100017", "AUTONOMIE"
                    )
                ),
                nom_fichier=f"{numero}.xml",
                syntaxe_flux="IN_DP_E1_CII_16B",
            )
    fake.run_until_idle()
    with fake.client(account=world.account(world.departement)) as client:
        received = list(client.factures.rechercher_recipiendaire().auto_paging_iter())
        client.factures.traiter_facture_recue(
            id_facture=received[0].id_facture or 0, nouveau_statut="SERVICE_FAIT"
        )
        measures = collect_chorus(client, depuis=dt.date(2026, 1, 1), jusqu_a=dt.date(2026, 1, 31))
        assert (measures.recues, measures.traitees) == (3, 1)
        empty = collect_chorus(client, depuis=dt.date(2025, 1, 1), jusqu_a=dt.date(2025, 1, 31))
        assert empty.recues == 0


def test_json_csv_and_html(files: list[Path]) -> None:
    report = build_report(
        pes=measure_pes(files, pj_envoyees_a_part={"APART201"}),
        chorus=measure_chorus(
            [facture(1, StatutFacture.MANDATEE), facture(2, StatutFacture.MISE_A_DISPOSITION)]
        ),
        etablissement="CH <Exemple> & Co",
        periode="janvier 2026",
        genere_le=dt.datetime(2026, 2, 1, 8, 30, tzinfo=dt.timezone.utc),
    )
    data = json.loads(report.to_json())
    assert data["indicateurs"][0]["code"] == "mandats_pj_dematerialisees"
    assert data["indicateurs"][0]["taux"] == pytest.approx(5 / 7)
    assert data["indicateurs"][0]["atteint"] is False
    assert data["pes"]["mandats_sans_pj"][0].endswith("mandat 103")
    assert data["chorus"]["par_statut"] == {"MANDATEE": 1, "MISE_A_DISPOSITION": 1}

    rows = list(csv.reader(io.StringIO(report.to_csv()), delimiter=";"))
    assert rows[0] == [
        "indicateur",
        "libelle",
        "numerateur",
        "denominateur",
        "taux",
        "seuil",
        "atteint",
    ]
    assert rows[1][0] == "mandats_pj_dematerialisees"
    assert rows[1][2:] == ["5", "7", "0,7143", "0,9000", "non"]
    assert rows[3][2:] == ["1", "2", "0,5000", "", ""]

    page = report.to_html()
    tree = etree.fromstring(page.encode(), etree.HTMLParser())
    assert tree.find(".//script") is None
    assert not tree.xpath("//*[@src or @href]")  # nothing to fetch
    assert "CH &lt;Exemple&gt; &amp; Co" in page
    svg = tree.find(".//svg")
    assert svg is not None
    bars = [r for r in svg.iter("rect") if r.get("fill") not in ("#e5e7eb",)]
    assert len(bars) == len(report.indicateurs)
    threshold = list(svg.iter("line"))
    assert len(threshold) == 1  # the 90 % line of the PJ indicator
    assert float(threshold[0].get("x1") or 0) == pytest.approx(560 * 0.9)
    assert "71,4" in page
    assert "mandat 106" in page


def test_an_empty_report_still_renders() -> None:
    report = build_report(etablissement="CH")
    assert report.indicateurs == ()
    assert "Aucune mesure" in report.to_html()
    assert report.to_csv().count("\r\n") == 1
