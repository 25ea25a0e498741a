"""The addressee pre-flight catches, before sending, what the emulator's integration refuses."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from demat_sdk import ChorusPro, pes
from demat_sdk.chorus import models as m
from demat_sdk.chorus.doctrine import MotifCategorie
from demat_sdk.chorus.enums import EtatFlux, SyntaxeFlux
from demat_sdk.directory import Directory
from demat_sdk.errors import AddresseeError, InvalidRequestError
from demat_sdk.preflight import (
    ChorusSource,
    IssueCode,
    check_addressee,
    check_flux,
    check_pes,
    check_soumission,
    invoices_in_flux,
)
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import SampleInvoice, cii, ubl
from demat_sdk.testing.chorus.state.directory import RoutingProblem, StructureRecord
from demat_sdk.testing.chorus.state.invoice_xml import read_invoice

from practices_support import asap_titre, directory_of, recette_flux

I = IssueCode  # noqa: E741 - the codes read better short in the table
INACTIVE_SIRET = "26590001900018"
UNKNOWN_SIRET = "21380185500015"
PHARMADIS = "41234567000019"


@dataclass(frozen=True)
class Case:
    """A routing error: the invoice, and what the pre-flight calls it offline and online."""

    problem: RoutingProblem
    supplier: str
    siret: str
    code_service: str | None
    offline: IssueCode
    online: IssueCode | None = None

    @property
    def value(self) -> str:
        """The value the emulator's message quotes."""
        if self.problem.datum == "destinataire":
            return self.siret
        return self.code_service or ""


ROCHEBRUNE, VALMONT, GHT = "26690002600011", "26130001600019", "26380003900012"
P = RoutingProblem
CASES = [
    Case(P.DESTINATAIRE_ABSENT, "chu_valmont", "", None, I.SIRET_ABSENT),
    Case(P.DESTINATAIRE_INCONNU, "chu_valmont", UNKNOWN_SIRET, None, I.DESTINATAIRE_INCONNU),
    Case(P.DESTINATAIRE_INACTIF, "chu_valmont", INACTIVE_SIRET, None, I.DESTINATAIRE_INACTIF),
    # The export lists public structures only: offline, a private SIRET is unknown.
    Case(
        P.DESTINATAIRE_PRIVE, "chu_valmont", PHARMADIS, None, I.DESTINATAIRE_INCONNU,
        online=I.DESTINATAIRE_PRIVE,
    ),
    Case(P.SERVICE_OBLIGATOIRE, "chu_rochebrune", VALMONT, None, I.CODE_SERVICE_OBLIGATOIRE),
    Case(P.SERVICE_INCONNU, "chu_rochebrune", VALMONT, "RADIOLOGIE", I.CODE_SERVICE_INCONNU),
    Case(P.SERVICE_INACTIF, "chu_rochebrune", VALMONT, "MAGASIN_CENTRAL", I.CODE_SERVICE_INACTIF),
    Case(P.EJ_OBLIGATOIRE, "chu_rochebrune", GHT, None, I.ENGAGEMENT_OBLIGATOIRE),
    Case(
        P.EJ_OBLIGATOIRE_SERVICE, "chu_rochebrune", VALMONT, "PHARMACIE",
        I.ENGAGEMENT_OBLIGATOIRE_SERVICE,
    ),
    Case(P.EJ_OU_SERVICE, "chu_valmont", ROCHEBRUNE, None, I.ENGAGEMENT_OU_CODE_SERVICE),
    Case(
        P.FACTURES_PUBLIQUES_PRIVE, "pharmadis", VALMONT, "FACTURES_PUBLIQUES",
        I.FACTURES_PUBLIQUES_EMETTEUR_PRIVE,
    ),
]  # fmt: skip


def test_every_routing_refusal_of_the_emulator_has_a_case() -> None:
    assert {case.problem for case in CASES} == set(RoutingProblem)


@pytest.fixture
def fake() -> FakeChorusPro:
    emulator = FakeChorusPro.seeded()
    emulator.add_structure(INACTIVE_SIRET, "CH FERME DE LA VALLEE", active=False)
    return emulator


@pytest.fixture
def annuaire(fake: FakeChorusPro, tmp_path: Path) -> Iterator[Directory]:
    with directory_of(fake, tmp_path / "export") as directory:
        yield directory


def _deposit(fake: FakeChorusPro, supplier: StructureRecord, flux: bytes) -> list[str]:
    """Deposit a CII flux on the emulator, let it integrate; the errors of its report."""
    with fake.client(account=fake.world.account(supplier)) as client:
        receipt = client.factures.deposer_flux(
            fichier=flux, nom_fichier="f.xml", syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B
        )
        numero = receipt.numero_flux_depot or ""
        fake.finish_flux(numero)
        report = client.transverses.consulter_cr_detaille(numero_flux_depot=numero)
    return [erreur.libelle_erreur_dp or "" for erreur in report.liste_erreur_dp]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.problem.name)
def test_the_preflight_catches_what_the_emulator_refuses(
    case: Case, fake: FakeChorusPro, annuaire: Directory
) -> None:
    supplier = getattr(fake.world, case.supplier)
    emetteur_public = supplier.is_public
    flux = cii(
        SampleInvoice(
            numero="PF-0001",
            fournisseur=supplier.identifiant,
            destinataire=case.siret,
            code_service=case.code_service,
        )
    )

    # The emulator's integration refuses the invoice, with its message for this routing error.
    champs = read_invoice(flux, SyntaxeFlux.IN_DP_E1_CII_16B).champs
    champs["ej_ou_service"] = f"{champs['numero_ej']} / {champs['code_service']}"
    expected = case.problem.message(champs[case.problem.datum], case.value)
    assert any(expected in erreur for erreur in _deposit(fake, supplier, flux))

    # The pre-flight finds it before anything leaves: offline (a directory of the same world)…
    offline = check_flux(
        flux, nom_fichier="f.xml", source=annuaire, emetteur_public=emetteur_public
    )
    assert offline.checks[0].codes == (case.offline,), str(offline)
    # … and online, through the SDK's Structures API on the emulator.
    with fake.client(account=fake.world.account(supplier)) as client:
        online = check_flux(
            flux, nom_fichier="f.xml", source=client, emetteur_public=emetteur_public
        )
    assert online.checks[0].codes == (case.online or case.offline,), str(online)
    with pytest.raises(AddresseeError):
        online.raise_for_problems()


@pytest.mark.parametrize("source_kind", ["offline", "online"])
def test_an_addressee_the_emulator_accepts_passes(
    source_kind: str, fake: FakeChorusPro, annuaire: Directory
) -> None:
    world = fake.world
    valid = [
        ("26130001600019", "BIOMED", None),
        ("26130001600019", "PHARMACIE", "EJ2026PHA000123"),
        ("26690002600011", None, "EJ-1"),
        ("26690002600011", "ACHATS", None),
        ("26380003900012", None, "GHTVA-2026-0042"),
        ("22740004100017", None, None),
        ("22740004100017", "FACTURES_PUBLIQUES", None),
    ]
    with fake.client(account=world.account(world.chu_rochebrune)) as client:
        source: Directory | ChorusPro = annuaire if source_kind == "offline" else client
        for siret, code, ej in valid:
            check = check_addressee(siret, code, ej, source=source)
            assert check.ok, str(check)
        # and the emulator agrees, for one of them
        flux = cii(
            SampleInvoice(
                numero="PF-OK",
                fournisseur=world.chu_rochebrune.identifiant,
                destinataire="26130001600019",
                code_service="PHARMACIE",
                numero_ej="EJ2026PHA000123",
            )
        )
        receipt = client.factures.deposer_flux(
            fichier=flux, nom_fichier="ok.xml", syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B
        )
        assert fake.finish_flux(receipt.numero_flux_depot or "") is EtatFlux.IN_INTEGRE


def test_soumettre_is_checked_from_the_same_arguments(
    fake: FakeChorusPro, annuaire: Directory
) -> None:
    world = fake.world
    facture = {
        "numero_facture_saisi": "PF-SOUM-1",
        "destinataire": m.SoumettreFactureDestinataire(
            code_destinataire=world.chu_valmont.identifiant, code_service_executant="PHARMACIE"
        ),
        "references": m.SoumettreFactureReferences(devise_facture="EUR", type_facture="FACTURE"),
    }
    check = check_soumission(source=annuaire, **facture)  # type: ignore[arg-type]
    assert check.codes == (I.ENGAGEMENT_OBLIGATOIRE_SERVICE,)
    assert check.where == "facture PF-SOUM-1"
    facture["references"] = m.SoumettreFactureReferences(numero_marche="MARCHE-2026-7")
    assert check_soumission(source=annuaire, **facture).ok  # type: ignore[arg-type]
    whole = m.SoumettreFactureParam(
        numero_facture_saisi="PF-SOUM-2",
        destinataire=m.SoumettreFactureDestinataire(code_destinataire="26130001600019"),
    )
    assert check_soumission(whole, source=annuaire).codes == (I.CODE_SERVICE_OBLIGATOIRE,)


def test_siret_checks_need_no_source(annuaire: Directory) -> None:
    assert check_addressee(None, source=annuaire).codes == (I.SIRET_ABSENT,)
    bad = check_addressee("2613000160001", source=annuaire)
    assert bad.codes == (I.SIRET_INVALIDE,)
    assert "14 chiffres" in bad.problems[0].message
    luhn = check_addressee("26130001600018", source=annuaire)
    assert luhn.codes == (I.SIRET_INVALIDE,)
    assert "clé de contrôle" in luhn.problems[0].message
    # La Poste's establishments follow their own rule: valid although Luhn fails
    assert check_addressee("35600000027002", source=annuaire).codes == (I.DESTINATAIRE_INCONNU,)
    assert check_addressee("2613 0001 6000 19", "BIOMED", source=annuaire).ok


def test_every_problem_says_what_to_fix_and_what_the_recipient_would_do(
    annuaire: Directory,
) -> None:
    check = check_addressee("26130001600019", "RADIOLOGIE", source=annuaire)
    (problem,) = check.problems
    assert problem.champ == "code_service"
    assert "RADIOLOGIE" in problem.message
    assert "BIOMED, DAL, FACTURES_PUBLIQUES, PHARMACIE" in problem.message  # active codes only
    assert "MAGASIN_CENTRAL" not in problem.message
    assert problem.code.categorie is MotifCategorie.ERREUR_CODE_SERVICE
    assert I.ENGAGEMENT_OU_CODE_SERVICE.categorie is MotifCategorie.ERREUR_ENGAGEMENT
    assert I.DESTINATAIRE_PRIVE.categorie is MotifCategorie.ERREUR_DESTINATAIRE
    assert check.to_dict()["problems"][0]["code"] == "CODE_SERVICE_INCONNU"
    assert "selon l'annuaire hors ligne (import du" in str(check)


def test_a_withdrawn_structure_or_service_is_named_with_its_date(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text(
        "Identifiant;RaisonSociale;GestionStatutMiseEnPaiement;GestionEngagement;GestionService;"
        "GestionServiceEngagement;StructureActive\n"
        "26130001600019;CHU DE VALMONT;true;false;true;false;true\n"
        "22740004100017;DEPARTEMENT;true;false;false;false;true\n",
        encoding="utf-8",
    )
    (tmp_path / "v.csv").write_text(
        "Identifiant;Code;GestionEGMT;ServiceActif\n"
        "26130001600019;BIOMED;false;true\n26130001600019;DAL;false;true\n",
        encoding="utf-8",
    )
    (tmp_path / "s2.csv").write_text(
        (tmp_path / "s.csv").read_text("utf-8").rsplit("\n", 2)[0] + "\n", encoding="utf-8"
    )
    (tmp_path / "v2.csv").write_text(
        "Identifiant;Code;GestionEGMT;ServiceActif\n26130001600019;BIOMED;false;true\n",
        encoding="utf-8",
    )
    with Directory.open() as annuaire:
        annuaire.import_export(tmp_path / "s.csv", tmp_path / "v.csv")
        annuaire.import_export(
            tmp_path / "s2.csv",
            tmp_path / "v2.csv",
            imported_at=datetime(2026, 2, 9, tzinfo=timezone.utc),
        )
        gone = check_addressee("22740004100017", source=annuaire)
        assert gone.codes == (I.DESTINATAIRE_INCONNU,)
        assert "retirée de l'annuaire Chorus Pro le 09/02/2026" in gone.problems[0].message
        service = check_addressee("26130001600019", "DAL", source=annuaire)
        assert service.codes == (I.CODE_SERVICE_INCONNU,)
        assert "retiré de l'annuaire Chorus Pro le 09/02/2026" in service.problems[0].message


def test_a_flux_archive_and_ubl_invoices_are_read(annuaire: Directory) -> None:
    world = FakeChorusPro.seeded().world
    invoices = [
        SampleInvoice("UBL-1", world.pharmadis.identifiant, "26130001600019", "BIOMED"),
        SampleInvoice(
            "UBL-2", world.pharmadis.identifiant, "26380003900012", numero_marche="M-2026-12"
        ),
        SampleInvoice("UBL-3", world.pharmadis.identifiant, "26690002600011"),
    ]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for invoice in invoices:
            data = ubl(invoice)
            info = tarfile.TarInfo(f"{invoice.numero}.xml")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    lot = buffer.getvalue()
    read = invoices_in_flux(lot, nom_fichier="lot.tar.gz")
    fields = [
        (i.numero_facture, i.siret_destinataire, i.code_service, i.numero_engagement) for i in read
    ]
    assert fields == [
        ("UBL-1", "26130001600019", "BIOMED", None),
        ("UBL-2", "26380003900012", None, "M-2026-12"),
        ("UBL-3", "26690002600011", None, None),
    ]  # fmt: skip
    assert read[0].montant_ttc == Decimal("120.00")
    report = check_flux(lot, nom_fichier="lot.tar.gz", source=annuaire, emetteur_public=False)
    assert [check.ok for check in report] == [True, True, False]
    assert report.failed[0].where == "lot.tar.gz!UBL-3.xml : facture UBL-3"
    with pytest.raises(AddresseeError) as caught:
        report.raise_for_problems()
    assert caught.value.problems[0][:2] == (
        "lot.tar.gz!UBL-3.xml : facture UBL-3",
        "ENGAGEMENT_OU_CODE_SERVICE",
    )
    assert caught.value.field == "numero_engagement"
    assert "1 destinataire(s) sur 3 à corriger" in str(report)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7 facture", "Factur-X PDF is not read"),
        (b"<Invoice/>", "neither a UBL 2.1 invoice nor a CII D16B one"),
        (b"<Invoice", "not a readable XML invoice"),
        (b"\x1f\x8bnot gzip", "not a readable .tar.gz archive"),
    ],
)
def test_an_unreadable_flux_is_refused(content: bytes, message: str, annuaire: Directory) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        check_flux(content, nom_fichier="f.xml", source=annuaire)


def test_every_asap_of_a_pes_flux_is_checked(annuaire: Directory) -> None:
    flux = recette_flux(
        [
            asap_titre(1, "ASAP-1", "22740004100017", code_service="AUTONOMIE"),
            asap_titre(2, "ASAP-2", "26130001600019"),
            asap_titre(3, "ASAP-3", "26130001600019", edition=pes.Edition.ASAP_A_EDITER),
            asap_titre(4, "ASAP-4", "26380003900012", numero_engagement="GHTVA-2026-0042"),
        ]
    )  # fmt: skip
    report = check_pes(flux, source=annuaire)
    assert [check.where for check in report] == [
        "bordereau 119 (exercice 2026) / titre 1",
        "bordereau 119 (exercice 2026) / titre 2",
        "bordereau 119 (exercice 2026) / titre 4",
    ]  # Edition 01 is printed and posted, not sent to Chorus Pro
    assert [check.codes for check in report.failed] == [(I.CODE_SERVICE_OBLIGATOIRE,)]


def test_the_online_source_asks_once_per_addressee(fake: FakeChorusPro) -> None:
    asked: list[str] = []

    class Counting(httpx.BaseTransport):
        def __init__(self, inner: httpx.BaseTransport) -> None:
            self.inner = inner

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            asked.append(request.url.path)
            return self.inner.handle_request(request)

    world = fake.world
    client = ChorusPro(
        credentials=fake.credentials,
        account=world.account(world.chu_rochebrune),
        transport=Counting(fake.transport()),
        clock=fake.clock.monotonic,
    )
    with client:
        for _ in range(3):
            assert check_addressee("26130001600019", "BIOMED", source=client).ok
        structures = [path for path in asked if "/structures/" in path]
        assert sorted(set(structures)) == [
            "/cpro/structures/v1/consulter",
            "/cpro/structures/v1/consulter/service",
            "/cpro/structures/v1/rechercher",
            "/cpro/structures/v1/rechercher/services",
        ]
        assert len(structures) == 4  # asked once, answered three times
        source = ChorusSource(client, max_age=0)
        source.lookup("26130001600019", None)
        source.lookup("26130001600019", None)
        assert len([path for path in asked if "/structures/" in path]) == 4 + 2 * 3
