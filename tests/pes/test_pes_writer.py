"""Building a flux with the models: computed fields, rules, encodings, atomicity, splitting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from flux_samples import SIRET_CH, flux_depense, flux_marche
from lxml import etree

from demat_sdk import pes
from demat_sdk.errors import ConfigurationError, PesModelError, PesTooLargeError, PesWriteError
from demat_sdk.pes.rules import business_problems, check
from demat_sdk.testing.helios import samples as helios_samples

from tests_support import PES_ALLER_XSD, XSD_DIR, schema

SCHEMA = schema(PES_ALLER_XSD)


def written(flux: pes.PesAller, **options: object) -> bytes:
    buffer = io.BytesIO()
    pes.write(flux, buffer, **options)  # type: ignore[arg-type]
    data = buffer.getvalue()
    assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
    return data


def problems_of(flux: pes.PesAller) -> list[str]:
    with pytest.raises(PesModelError) as caught:
        pes.write(flux, io.BytesIO())
    return [f"{where}: {message}" for where, message in caught.value.problems]


def test_totals_counts_numbers_and_ids_are_computed() -> None:
    flux = flux_depense(mandats=3)
    reread = pes.read(written(flux))
    assert reread.depense is not None
    bordereau = reread.depense.bordereaux[0]
    assert bordereau.nombre_pieces == 3
    assert bordereau.montant_ht == Decimal("900.00")  # 3 mandats x (100 + 200)
    assert bordereau.montant_tva == Decimal("120.00")
    assert bordereau.id == "BORD-D-2025-1"
    assert [ligne.numero for ligne in bordereau.mandats[0].lignes] == [1, 2]
    # the model given to write() is left as it was
    assert flux.depense is not None
    assert flux.depense.bordereaux[0].nombre_pieces is None


def test_a_given_total_must_match_the_lines() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    flux.depense.bordereaux[0].montant_ht = Decimal("1.00")
    assert problems_of(flux) == [
        "depense / bordereau 1 / montant_ht: is 1.00 but the content gives 600.00 "
        "(BlocBordereau/MtBordHT)"
    ]


def test_a_dematerialised_flux_needs_the_annual_cumul_of_each_bordereau() -> None:
    flux = flux_depense(bordereaux=2)
    assert flux.depense is not None
    flux.depense.dematerialise = True
    flux.depense.bordereaux[0].montant_cumul_annuel = Decimal("12000.00")
    assert problems_of(flux) == [
        "depense / bordereau 2 / montant_cumul_annuel: "
        "MtCumulAnnuel is required when InfoDematerialisee is 1"
    ]
    flux.depense.bordereaux[1].montant_cumul_annuel = Decimal("12600.00")
    reread = pes.read(written(flux))
    assert reread.depense is not None
    assert reread.depense.dematerialise is True
    assert [b.montant_cumul_annuel for b in reread.depense.bordereaux] == [
        Decimal("12000.00"),
        Decimal("12600.00"),
    ]


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "UTF-8"])
def test_a_marche_flux_is_written_valid_and_read_back(encoding: str) -> None:
    flux = flux_marche()
    data = written(flux, encoding=encoding)
    assert b'<PES_Marche><EnTeteMarche><IdVer V="1"/>' in data
    assert pes.read(data) == flux


def test_a_marche_names_the_field_that_breaks_its_facet() -> None:
    flux = flux_marche()
    assert flux.marche is not None
    assert flux.marche.marches is not None
    flux.marche.marches.marches[0].code_cpv = "3314"
    assert problems_of(flux) == [
        "marche / marches / marches[1] / code_cpv: "
        "'3314' does not match the pattern [0-9]{8,8}(\\-[0-9])?"
    ]


def test_errors_name_the_bordereau_the_mandat_the_line_and_the_field() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    ligne = flux.depense.bordereaux[0].mandats[1].lignes[1]
    ligne.montant_ht = Decimal("12.345")
    ligne.fonction = "020"
    problems = problems_of(flux)
    assert (
        "depense / bordereau 1 / mandat 1002 / ligne 2 / montant_ht: "
        "12.345 has more than 2 decimals" in problems
    )
    assert any(
        p.startswith(
            "depense / bordereau 1 / mandat 1002 / ligne 2 / fonction: Fonction is forbidden"
        )
        for p in problems
    )


def test_hospital_header_rules() -> None:
    flux = flux_depense()
    flux.en_tete.finess_juridique = None
    assert "en_tete / finess_juridique: FinJur is required for a M21 budget" in problems_of(flux)
    flux = flux_depense()
    flux.en_tete.nomenclature = pes.Nomenclature.M57
    assert any("FinJur is forbidden for a M57 budget" in p for p in problems_of(flux))
    flux = flux_depense()
    flux.en_tete.siret = "26380000500006"
    assert any(
        p.startswith("en_tete / siret: IdColl must be the budget's SIRET")
        for p in problems_of(flux)
    )


def test_no_blank_dot_nc_nor_zeros_only() -> None:
    for bad in (" ", ".", "nc"):
        flux = flux_depense()
        flux.en_tete.libelle_budget = bad
        assert any("libelle_budget" in p and "not accepted" in p for p in problems_of(flux))
    flux = flux_depense()
    flux.en_tete.code_collectivite = "000"
    assert any(
        "code_collectivite: '000' is not accepted (zeros only)" in p for p in problems_of(flux)
    )


def test_bank_account_and_payment_mode() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    ligne = flux.depense.bordereaux[0].mandats[0].lignes[0]
    assert ligne.tiers is not None
    ligne.tiers.compte_bancaire = None
    assert any(
        "ModRegl 03 (Virement) needs the creditor's bank account" in p for p in problems_of(flux)
    )
    flux = flux_depense()
    assert flux.depense is not None
    ligne = flux.depense.bordereaux[0].mandats[0].lignes[0]
    ligne.mode_reglement = pes.ModeReglementDepense.CHEQUE
    assert any("ModRegl 02 (Chèque) forbids a bank account" in p for p in problems_of(flux))
    flux = flux_depense()
    assert flux.depense is not None
    account = flux.depense.bordereaux[0].mandats[0].lignes[0].tiers.compte_bancaire  # type: ignore[union-attr]
    assert account is not None
    account.iban = "FR7630004000031234567890144"
    assert any("IBAN FR7630004000031234567890144 is not valid" in p for p in problems_of(flux))
    account.iban = None
    assert any("compte_bancaire / iban: is required with bic+iban" in p for p in problems_of(flux))


def test_pj_references_resolve_or_are_declared_sent_separately() -> None:
    flux = flux_depense()
    assert flux.pj is not None
    flux.pj.pieces_justificatives.pop()
    problems = problems_of(flux)
    assert any(
        p.startswith("depense / bordereau 1 / mandat 1002 / PJRef CH001M00002: no PJ of the flux")
        for p in problems
    )
    assert flux.depense is not None
    flux.depense.bordereaux[0].mandats[1].pj_refs[0].envoi_separe = True
    written(flux)


def test_locations_tell_a_depense_bordereau_from_a_recette_one_of_the_same_number() -> None:
    day = dt.date(2026, 3, 2)
    flux = helios_samples.recette_flux("MIXTE.xml", day)
    flux.depense = helios_samples.depense_flux("D.xml", day).depense
    assert flux.depense is not None
    assert flux.recette is not None
    flux.depense.bordereaux[0].numero = flux.recette.bordereaux[0].numero = 41
    flux.pj = None
    problems = [p.location for p in business_problems(flux)]
    assert "depense / bordereau 41 / mandat 1201 / PJRef FACT2026B12" in problems
    assert "recette / bordereau 41 / titre 2 / PJRef ASAP2026B41T2" in problems
    with pytest.raises(PesModelError) as raised:
        pes.write(flux, io.BytesIO())
    assert raised.value.location.startswith("depense / bordereau 41 / ")


def test_pj_type_must_fit_the_domain() -> None:
    flux = flux_depense()
    assert flux.pj is not None
    flux.pj.pieces_justificatives[0].type = pes.TypePJ.RECETTE
    assert any("TypePJ 002 (Recette.), not a depense type" in p for p in problems_of(flux))


def test_texts_too_long_are_refused_or_truncated_on_request() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    flux.depense.bordereaux[0].mandats[0].objet = "X" * 120
    assert (
        "depense / bordereau 1 / mandat 1001 / objet: 120 characters, more than the 100 allowed"
        in problems_of(flux)
    )
    buffer = io.BytesIO()
    result = pes.write(flux, buffer, truncate=True)
    assert [(t.location, len(t.written)) for t in result.truncations] == [
        ("depense / bordereau 1 / mandat 1001 / objet", 100)
    ]
    reread = pes.read(buffer.getvalue())
    assert reread.depense is not None
    assert reread.depense.bordereaux[0].mandats[0].objet == "X" * 100


def test_latin1_mapping_is_explicit_and_utf8_keeps_everything() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    mandat = flux.depense.bordereaux[0].mandats[0]
    mandat.objet = "L’œuvre — 12 € …"
    latin1 = written(flux)
    assert b'encoding="ISO-8859-1"' in latin1
    reread = pes.read(latin1)
    assert reread.depense is not None
    assert reread.depense.bordereaux[0].mandats[0].objet == "L'oeuvre - 12 EUR ..."
    utf8 = written(flux, encoding="UTF-8")
    reread = pes.read(utf8)
    assert reread.depense is not None
    assert reread.depense.bordereaux[0].mandats[0].objet == "L’œuvre — 12 € …"
    assert pes.LATIN1_REPLACEMENTS["’"] == "'"


def test_characters_without_latin1_equivalent_are_refused_by_name() -> None:
    flux = flux_depense()
    assert flux.depense is not None
    flux.depense.bordereaux[0].mandats[0].objet = "Réf ☃"
    problems = problems_of(flux)
    assert any(
        p.startswith("depense / bordereau 1 / mandat 1001 / objet: character '☃' (U+2603")
        for p in problems
    )
    written(flux, encoding="UTF-8")


def test_special_characters_are_escaped() -> None:
    flux = flux_depense()
    flux.en_tete.libelle_budget = 'A&B <"C">\tD'
    reread = pes.read(written(flux))
    assert reread.en_tete.libelle_budget == 'A&B <"C">\tD'


def test_writing_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "flux.xml"
    target.write_bytes(b"previous")
    flux = flux_depense()
    assert flux.pj is not None
    flux.pj.pieces_justificatives[1].contenu = tmp_path / "missing.pdf"
    with pytest.raises(PesWriteError, match=r"missing\.pdf"):
        pes.write(flux, target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flux.xml"]
    with pytest.raises(PesModelError):
        pes.write(dataclasses.replace(flux, depense=None, pj=None), target)
    assert target.read_bytes() == b"previous"


def test_pj_from_paths_and_streams(tmp_path: Path) -> None:
    source = tmp_path / "facture.pdf"
    source.write_bytes(b"%PDF" + bytes(range(256)) * 5000)
    flux = flux_depense()
    assert flux.pj is not None
    flux.pj.pieces_justificatives[0].contenu = source
    flux.pj.pieces_justificatives[1].contenu = io.BytesIO(b"stream content")
    result = pes.write(flux, tmp_path / "out.xml")
    reread = pes.read(result.paths[0])
    assert reread.pj is not None
    assert reread.pj.pieces_justificatives[0].contenu == source.read_bytes()
    assert reread.pj.pieces_justificatives[1].contenu == b"stream content"
    extracted = pes.read(result.paths[0], pj_dir=tmp_path / "pj")
    assert extracted.pj is not None
    path = extracted.pj.pieces_justificatives[0].contenu
    assert isinstance(path, Path)
    assert path.read_bytes() == source.read_bytes()


def test_large_flux_are_split_without_cutting_a_bordereau(tmp_path: Path) -> None:
    flux = flux_depense(bordereaux=4, mandats=3, pj_size=40_000)
    result = pes.write(flux, tmp_path / "flux.xml", max_bytes=250_000, encoding="UTF-8")
    assert len(result.files) > 1
    names = [f.nom_fichier for f in result.files]
    assert len(set(names)) == len(names)
    seen_bordereaux: list[str] = []
    for file in result.files:
        assert file.path is not None
        assert file.size <= 250_000
        data = file.path.read_bytes()
        assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
        part = pes.read(data)
        assert part.enveloppe.nom_fichier == file.nom_fichier
        numbers = [b.numero for b in part.depense.bordereaux] if part.depense else []
        seen_bordereaux += [f"depense 2025/{n}" for n in numbers]
        referenced = {
            ref.id_unique
            for b in (part.depense.bordereaux if part.depense else [])
            for m in b.mandats
            for ref in m.pj_refs
        }
        carried = {pj.id_unique for pj in part.pj.pieces_justificatives} if part.pj else set()
        assert carried == referenced  # each PJ travels with the first pièce referencing it
        for b in part.depense.bordereaux if part.depense else []:
            assert len(b.mandats) == 3
    assert seen_bordereaux == [f"depense 2025/{n}" for n in range(1, 5)]


def test_a_bordereau_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    flux = flux_depense(bordereaux=1, mandats=3, pj_size=40_000)
    with pytest.raises(PesWriteError, match="a bordereau cannot be cut"):
        pes.write(flux, tmp_path / "flux.xml", max_bytes=50_000)
    assert list(tmp_path.iterdir()) == []


def test_names() -> None:
    assert (
        pes.nom_transmission(SIRET_CH, dt.date(2025, 3, 14), 7)
        == f"PESALR2_{SIRET_CH}_250314_007.xml"
    )
    with pytest.raises(PesModelError):
        pes.nom_transmission(SIRET_CH, dt.date(2025, 3, 14), 1000)
    with pytest.raises(PesModelError):
        pes.nom_transmission("26380000500006", dt.date(2025, 3, 14), 1)
    a = pes.nom_fichier(SIRET_CH, code_collectivite="123", code_budget="00")
    b = pes.nom_fichier(SIRET_CH, code_collectivite="123", code_budget="00")
    assert a != b
    assert a.startswith(f"PES_{SIRET_CH}_12300_")
    assert len(a) <= 100


def test_next_transmission_name(tmp_path: Path) -> None:
    day = dt.date(2025, 3, 14)
    assert pes.prochain_nom_transmission(tmp_path, SIRET_CH, day).endswith("_001.xml")
    (tmp_path / pes.nom_transmission(SIRET_CH, day, 1)).touch()
    (tmp_path / pes.nom_transmission(SIRET_CH, day, 4)).touch()
    assert pes.prochain_nom_transmission(tmp_path, SIRET_CH, day).endswith("_005.xml")


def test_validate_a_model_and_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flux = flux_depense()
    report = pes.validate(flux, xsd_dir=XSD_DIR)
    assert report.ok, str(report)
    assert report.xsd_checked
    path = tmp_path / "flux.xml"
    pes.write(flux, path)
    monkeypatch.setenv("DEMAT_PES_XSD_DIR", str(XSD_DIR))
    assert pes.validate(path).ok
    broken = path.read_bytes().replace(b'<CodCol V="123"/>', b'<CodCol V="000"/>')
    report = pes.validate(broken)
    assert not report.ok
    origins = {p.origin for p in report.problems}
    assert origins == {"model", "xsd"}
    xsd = next(p for p in report.problems if p.origin == "xsd")
    assert xsd.line is not None
    assert "CodCol" in (xsd.element or "")
    monkeypatch.delenv("DEMAT_PES_XSD_DIR")
    assert not pes.validate(broken).xsd_checked


def test_validate_says_once_what_stops_the_reading_and_never_applies_the_xsd_to_it() -> None:
    data = pes.to_bytes(flux_depense())
    hostile = data.replace(
        b"?>", b'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/leak">]>', 1
    ).replace(b"<Enveloppe>", b"<Enveloppe>&e;", 1)
    (problem,) = pes.validate(hostile, xsd_dir=XSD_DIR).problems
    assert "DTD are refused" in problem.message
    (problem,) = pes.validate(data[: len(data) // 2], xsd_dir=XSD_DIR).problems
    assert problem.message.startswith("not well-formed XML")


def test_validate_raises_when_a_safety_limit_is_reached_not_invalid(tmp_path: Path) -> None:
    flux = flux_depense(pj_size=11_000_000)  # random bytes: a base64 text node above 10 MB
    path = tmp_path / "big.xml"
    pes.write(flux, path, max_bytes=None)
    with pytest.raises(PesTooLargeError, match="huge_tree=True") as raised:
        pes.validate(path, xsd_dir=XSD_DIR)
    assert raised.value.limit == "huge_tree"
    assert pes.validate(path, xsd_dir=XSD_DIR, huge_tree=True).ok
    with pytest.raises(PesTooLargeError) as raised:
        pes.read(path, max_bytes=1_000_000)
    assert raised.value.limit == "max_bytes"


def test_validate_names_a_missing_schema_folder_and_where_it_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pes.to_bytes(flux_depense())
    with pytest.raises(ConfigurationError, match=r"^no such folder: /nonexistent$"):
        pes.validate(data, xsd_dir="/nonexistent")
    monkeypatch.setenv("DEMAT_PES_XSD_DIR", str(tmp_path))
    with pytest.raises(ConfigurationError, match=r"\(DEMAT_PES_XSD_DIR\): not a PES V2 schema"):
        pes.validate(data)


def test_tag_table_lists_every_field() -> None:
    rows = {row[0]: row for row in pes.tag_table(pes.PesAller)}
    row = rows["PES_DepenseAller/Bordereau/BlocBordereau/IdBord"]
    assert row[1] == "BordereauDepense.numero"
    assert rows["PES_RecetteAller/Bordereau/Piece/BlocPiece/Edition"][1] == "Titre.edition"
    assert rows["EnTetePES/IdColl"][1] == "EnTetePES.siret"


def test_facets_checked_while_writing_leave_nothing_and_report_like_the_checks(
    tmp_path: Path,
) -> None:
    flux = flux_depense()
    assert flux.depense is not None
    mandats = flux.depense.bordereaux[0].mandats
    mandats[0].objet = "X" * 120
    mandats[1].lignes[0].montant_ht = Decimal("1.234")
    mandats[1].lignes[0].nature_comptable = "6022"  # type: ignore[assignment]
    expected = [(p.location, p.message) for p in check(flux)]
    assert len(expected) == 3
    target = tmp_path / "flux.xml"
    target.write_bytes(b"previous")
    with pytest.raises(PesModelError) as caught:
        pes.write(flux, target)
    assert list(caught.value.problems) == expected
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flux.xml"]
    stream = io.BytesIO()
    with pytest.raises(PesModelError):
        pes.write(flux, stream)
    assert stream.getvalue() == b""


def _break_choice(flux: pes.PesAller) -> None:
    assert flux.depense is not None
    tiers = flux.depense.bordereaux[0].mandats[0].lignes[0].tiers
    assert tiers is not None
    assert tiers.compte_bancaire is not None
    tiers.compte_bancaire.code_etablissement = "30004"


def _break_count(flux: pes.PesAller) -> None:
    assert flux.depense is not None
    flux.depense.bordereaux[0].nombre_pieces = 7


def _break_types(flux: pes.PesAller) -> None:
    assert flux.depense is not None
    mandat = flux.depense.bordereaux[0].mandats[1]
    mandat.type = "01"  # type: ignore[assignment]
    mandat.lignes[0].montant_tva = 20.0  # type: ignore[assignment]
    mandat.lignes[1].pj_refs = None  # type: ignore[assignment]
    mandat.date_echeance = "2025-04-01"  # type: ignore[assignment]


def _break_header(flux: pes.PesAller) -> None:
    flux.en_tete.code_collectivite = "12"
    flux.enveloppe.emetteur = None  # type: ignore[assignment]
    flux.id = "1-not-an-xml-id"


@pytest.mark.parametrize("breaking", [_break_choice, _break_count, _break_types, _break_header])
def test_the_write_refuses_exactly_what_the_checks_find(breaking: object) -> None:
    flux = flux_depense()
    breaking(flux)  # type: ignore[operator]
    assert business_problems(flux) == []  # so the facets are checked while writing
    expected = [(p.location, p.message) for p in check(flux)]
    assert expected
    with pytest.raises(PesModelError) as caught:
        pes.write(flux, io.BytesIO())
    assert list(caught.value.problems) == expected
