"""Chorus Pro writes through the journal, against the emulator: lost answers are reconciled."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from demat_sdk.chorus.models import factures_emission as m
from demat_sdk.errors import (
    ConnectError,
    InvalidRequestError,
    OutcomeUnknownError,
    RequestTimeoutError,
    SubmissionConflictError,
    TransportError,
)
from demat_sdk.journal import (
    EntryState,
    InvoiceSubmission,
    Journal,
    JournaledChorus,
    JournalEntry,
    StatusChange,
)
from demat_sdk.testing import FakeChorusPro

from journal_support import client_of, flux_deposit, journal_on, submission

DEPOSER = "deposerFluxFacture"
TRAITER = "traiterUneFactureRecue"


@pytest.fixture
def fake() -> FakeChorusPro:
    return FakeChorusPro.seeded()


@pytest.fixture
def journal(tmp_path: Path, fake: FakeChorusPro) -> Journal:
    return journal_on(fake, tmp_path / "journal.sqlite3")


@pytest.fixture
def supplier(fake: FakeChorusPro, journal: Journal) -> JournaledChorus:
    """PHARMADIS sending through the journal."""
    return JournaledChorus(journal, client_of(fake, fake.world.account(fake.world.pharmadis)))


@pytest.fixture
def recipient(fake: FakeChorusPro, journal: Journal) -> JournaledChorus:
    """The CHU de Valmont processing its invoices through the same journal."""
    client = client_of(fake, fake.world.account(fake.world.chu_valmont))
    return JournaledChorus(journal, client, namespace="chorus.chu")


def flux_named(fake: FakeChorusPro, nom_fichier: str) -> list[str]:
    return [
        flux.numero for flux in fake.state.flux.records.values() if flux.nom_fichier == nom_fichier
    ]


def invoices_numbered(fake: FakeChorusPro, numero: str) -> list[int]:
    return [record.id for record in fake.state.invoices.records.values() if record.numero == numero]


# --- deposits ------------------------------------------------------------------------------


def test_a_deposit_is_confirmed_with_its_flux_number(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    entry = supplier.submit(flux_deposit(fake, "PHX-001"))
    assert entry.state is EntryState.CONFIRMED
    assert [entry.reference] == flux_named(fake, "PHX-001.xml")
    assert entry.key.startswith(f"{fake.world.pharmadis.identifiant}/PHX-001.xml/")
    assert entry.meta["numeros_facture"] == ["PHX-001"]
    again = supplier.submit(flux_deposit(fake, "PHX-001"))
    assert (again.id, again.attempts) == (entry.id, 1)
    assert len(flux_named(fake, "PHX-001.xml")) == 1


def test_a_deposit_timed_out_after_commit_waits_for_integration_then_is_confirmed(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    fake.faults.add("timeout_after_commit", operation=DEPOSER, times=1)
    with pytest.raises(RequestTimeoutError):
        supplier.submit(flux_deposit(fake, "PHX-002"))
    with pytest.raises(OutcomeUnknownError, match="may still be integrating it"):
        supplier.submit(flux_deposit(fake, "PHX-002"))  # the flux is not integrated yet
    fake.advance(300)
    entry = supplier.submit(flux_deposit(fake, "PHX-002"))
    assert entry.state is EntryState.CONFIRMED
    assert [entry.reference] == flux_named(fake, "PHX-002.xml")
    assert entry.result is not None
    assert entry.result["factures"] == {"PHX-002": invoices_numbered(fake, "PHX-002")[0]}
    assert entry.attempts == 1


def test_a_deposit_lost_before_processing_is_sent_again_after_the_integration_delay(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    fake.faults.add("connection_reset", operation=DEPOSER, times=1)
    with pytest.raises(TransportError) as caught:
        supplier.submit(flux_deposit(fake, "PHX-003"))
    assert caught.value.request_sent  # a reset after sending: the outcome is unknown
    fake.advance(300)
    with pytest.raises(OutcomeUnknownError):
        supplier.submit(flux_deposit(fake, "PHX-003"))  # within the hour: maybe still processing
    assert flux_named(fake, "PHX-003.xml") == []
    fake.advance(3600)
    entry = supplier.submit(flux_deposit(fake, "PHX-003"))
    assert entry.state is EntryState.CONFIRMED
    assert entry.attempts == 2
    assert [entry.reference] == flux_named(fake, "PHX-003.xml")


def test_the_integration_delay_is_configurable(fake: FakeChorusPro, journal: Journal) -> None:
    client = client_of(fake, fake.world.account(fake.world.pharmadis))
    quick = JournaledChorus(journal, client, integration_delay=timedelta(minutes=10))
    fake.faults.add("connection_reset", operation=DEPOSER, times=1)
    with pytest.raises(TransportError):
        quick.submit(flux_deposit(fake, "PHX-004"))
    fake.advance(601)
    assert quick.submit(flux_deposit(fake, "PHX-004")).state is EntryState.CONFIRMED


def test_a_deposit_needs_the_numbers_of_its_invoices(
    fake: FakeChorusPro, supplier: JournaledChorus, journal: Journal
) -> None:
    with pytest.raises(InvalidRequestError, match="numbers of the invoices") as caught:
        supplier.deposer_flux(
            fichier=b"<x/>",
            nom_fichier="x.xml",
            syntaxe_flux="IN_DP_E1_CII_16B",
            fournisseur=fake.world.pharmadis.identifiant,
            numeros_facture=[],
        )
    assert caught.value.field == "numeros_facture"
    with pytest.raises(InvalidRequestError, match="syntaxe_flux"):
        supplier.submit(
            flux_deposit(fake, "PHX-005").__class__(
                fichier=b"<x/>",
                nom_fichier="x.xml",
                syntaxe_flux="NOT_A_SYNTAX",
                fournisseur="41234567000019",
                numeros_facture=["X"],
            )
        )
    assert journal.entries() == []  # refused before anything was recorded


# --- typed invoices ------------------------------------------------------------------------


def test_a_submission_timed_out_after_commit_is_found_by_its_number(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    fake.faults.add("timeout_after_commit", operation="soumettreFacture", times=1)
    with pytest.raises(RequestTimeoutError):
        supplier.soumettre(facture=submission(fake, "GANTS-001"))
    entry = supplier.soumettre(facture=submission(fake, "GANTS-001"))
    assert entry.state is EntryState.CONFIRMED
    assert [int(entry.reference or 0)] == invoices_numbered(fake, "GANTS-001")
    assert entry.attempts == 1


def test_a_submission_lost_before_processing_is_sent_again_at_once(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    fake.faults.add("connection_reset", operation="soumettreFacture", times=1)
    with pytest.raises(TransportError):
        supplier.soumettre(facture=submission(fake, "GANTS-002"))
    entry = supplier.soumettre(facture=submission(fake, "GANTS-002"))
    assert entry.state is EntryState.CONFIRMED
    assert entry.attempts == 2
    assert len(invoices_numbered(fake, "GANTS-002")) == 1


def test_a_refused_submission_is_corrected_under_the_same_number(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    wrong = submission(
        fake,
        "GANTS-003",
        destinataire=m.SoumettreFactureDestinataire(
            code_destinataire=fake.world.chu_valmont.identifiant
        ),
    )
    refused = supplier.soumettre(facture=wrong)
    assert refused.state is EntryState.REJECTED
    assert "ChorusBusinessError" in (refused.error or "")
    fixed = supplier.soumettre(facture=submission(fake, "GANTS-003"))
    assert (fixed.id, fixed.state) == (refused.id, EntryState.CONFIRMED)
    with pytest.raises(SubmissionConflictError, match="CONFIRMED"):
        supplier.soumettre(facture=wrong)  # the number is taken now


def test_a_submission_needs_its_number(fake: FakeChorusPro, supplier: JournaledChorus) -> None:
    facture = submission(fake, "X").model_copy(update={"numero_facture_saisi": None})
    with pytest.raises(InvalidRequestError, match="numero_facture_saisi"):
        supplier.submit(InvoiceSubmission(facture))


# --- status changes ------------------------------------------------------------------------


@pytest.fixture
def invoice_id(fake: FakeChorusPro, supplier: JournaledChorus) -> int:
    entry = supplier.soumettre(facture=submission(fake, "GANTS-100"))
    fake.advance(60)  # routed: MISE_A_DISPOSITION
    return int(entry.reference or 0)


def statuses(fake: FakeChorusPro, invoice_id: int) -> list[str]:
    return [change.statut.value for change in fake.state.invoices.records[invoice_id].history]


def test_a_status_change_timed_out_after_commit_is_read_in_the_history(
    fake: FakeChorusPro, recipient: JournaledChorus, invoice_id: int
) -> None:
    fake.faults.add("timeout_after_commit", operation=TRAITER, times=1)
    with pytest.raises(RequestTimeoutError):
        recipient.traiter_facture_recue(id_facture=invoice_id, nouveau_statut="SERVICE_FAIT")
    entry = recipient.traiter_facture_recue(id_facture=invoice_id, nouveau_statut="SERVICE_FAIT")
    assert (entry.state, entry.reference, entry.attempts) == (
        EntryState.CONFIRMED,
        str(invoice_id),
        1,
    )
    assert statuses(fake, invoice_id).count("SERVICE_FAIT") == 1


def test_a_status_change_moved_on_since_is_still_confirmed_from_the_history(
    fake: FakeChorusPro, recipient: JournaledChorus, invoice_id: int
) -> None:
    fake.faults.add("timeout_after_commit", operation=TRAITER, times=1)
    with pytest.raises(RequestTimeoutError):
        recipient.traiter_facture_recue(
            id_facture=invoice_id, nouveau_statut="MANDATEE", numero_dp_mandat="M-1"
        )
    fake.advance(86_400)  # the accountant moves it on: MISE_A_DISPOSITION_COMPTABLE
    assert statuses(fake, invoice_id)[-1] != "MANDATEE"
    (confirmed,) = recipient.resume().confirmed
    assert confirmed.state is EntryState.CONFIRMED
    assert statuses(fake, invoice_id).count("MANDATEE") == 1


def test_a_status_change_never_applied_is_sent_again(
    fake: FakeChorusPro, recipient: JournaledChorus, invoice_id: int
) -> None:
    fake.faults.add("connection_reset", operation=TRAITER, times=1)
    with pytest.raises(TransportError):
        recipient.traiter_facture_recue(id_facture=invoice_id, nouveau_statut="SERVICE_FAIT")
    report = recipient.resume()
    assert [entry.attempts for entry in report.sent] == [2]
    assert statuses(fake, invoice_id).count("SERVICE_FAIT") == 1


def test_a_second_suspension_needs_its_own_idempotency_key(
    fake: FakeChorusPro,
    supplier: JournaledChorus,
    recipient: JournaledChorus,
    invoice_id: int,
) -> None:
    first = StatusChange(invoice_id, "SUSPENDUE", "evt-1", motif="PV de réception manquant")
    assert recipient.submit(first).state is EntryState.CONFIRMED
    supplier.client.factures.completer(identifiant_facture_cpp=invoice_id, commentaire="PV joint")
    assert recipient.submit(first).attempts == 1  # the same event: not applied twice
    second = StatusChange(invoice_id, "SUSPENDUE", "evt-2", motif="Bon de livraison manquant")
    fake.advance(300)  # a lost answer is told apart from the first suspension by its date
    fake.faults.add("timeout_after_commit", operation=TRAITER, times=1)
    with pytest.raises(RequestTimeoutError):
        recipient.submit(second)
    assert recipient.submit(second).state is EntryState.CONFIRMED
    assert statuses(fake, invoice_id).count("SUSPENDUE") == 2


def test_an_old_identical_status_is_not_mistaken_for_the_lost_one(
    fake: FakeChorusPro,
    supplier: JournaledChorus,
    recipient: JournaledChorus,
    invoice_id: int,
) -> None:
    recipient.submit(StatusChange(invoice_id, "SUSPENDUE", "evt-1", motif="PV manquant"))
    supplier.client.factures.completer(identifiant_facture_cpp=invoice_id, commentaire="PV joint")
    fake.advance(3 * 3600)
    fake.faults.add("connection_reset", operation=TRAITER, times=1)
    second = StatusChange(invoice_id, "SUSPENDUE", "evt-2", motif="BL manquant")
    with pytest.raises(TransportError):
        recipient.submit(second)
    assert recipient.submit(second).attempts == 2  # the old SUSPENDUE did not count
    assert statuses(fake, invoice_id).count("SUSPENDUE") == 2


# --- accounts, bulk, crash -------------------------------------------------------------------


def test_each_account_resumes_its_own_entries(
    fake: FakeChorusPro,
    journal: Journal,
    supplier: JournaledChorus,
    recipient: JournaledChorus,
    invoice_id: int,
) -> None:
    fake.faults.add("connection_reset", operation=TRAITER, times=1)
    with pytest.raises(TransportError):
        recipient.traiter_facture_recue(id_facture=invoice_id, nouveau_statut="SERVICE_FAIT")
    assert supplier.resume().sent == ()  # not the supplier's to send
    (entry,) = recipient.resume().sent
    assert entry.kind == "chorus.chu.traiter_facture_recue"


def test_submit_many_sends_each_once_and_reports_each(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    fake.faults.add("connection_reset", operation=DEPOSER, times=1)
    fake.faults.add("timeout_after_commit", operation=DEPOSER, skip=2, times=1)
    requests = [flux_deposit(fake, f"LOT-{n:03}") for n in range(8)]
    report = supplier.submit_many(requests, max_workers=4)
    assert [item.request for item in report.items] == requests
    assert len(report.confirmed) == 6
    assert len(report.failed) == 2
    assert all(
        item.entry is not None and item.entry.state is EntryState.UNKNOWN for item in report.failed
    )
    fake.advance(4000)
    again = supplier.submit_many(requests)
    assert len(again.confirmed) == 8
    assert all(len(flux_named(fake, f"LOT-{n:03}.xml")) == 1 for n in range(8))


def test_submit_many_reports_refusals_without_stopping(
    fake: FakeChorusPro, supplier: JournaledChorus
) -> None:
    good = InvoiceSubmission(submission(fake, "OK-1"))
    total = m.SoumettreFactureMontantTotal(
        montant_ht_total=Decimal(1), montant_ttc_total=Decimal(1)
    )
    refused = InvoiceSubmission(submission(fake, "KO-1", montant_total=total))
    report = supplier.submit_many([refused, good])
    assert [item.request for item in report.rejected] == [refused]
    assert [item.request for item in report.confirmed] == [good]


def test_submit_many_goes_on_past_an_unexpected_error(
    fake: FakeChorusPro, supplier: JournaledChorus, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = [flux_deposit(fake, f"ODD-{n}") for n in range(3)]
    real = supplier.submit

    def locked_for_the_second(request: Any) -> JournalEntry:
        if request is requests[1]:
            raise sqlite3.OperationalError("database is locked")
        return real(request)

    monkeypatch.setattr(supplier, "submit", locked_for_the_second)
    for workers in (1, 3):
        report = supplier.submit_many(requests, max_workers=workers)
        assert [item.request for item in report.confirmed] == [requests[0], requests[2]]
        (failed,) = report.failed
        assert failed.request is requests[1]
        assert isinstance(failed.error, sqlite3.OperationalError)
        assert failed.entry is None  # never recorded: nothing to resume, send it again


def test_a_crash_after_chorus_committed_is_resumed_without_resending(
    tmp_path: Path, fake: FakeChorusPro
) -> None:
    class Crash(BaseException):
        pass

    path = tmp_path / "crash.sqlite3"
    client = client_of(fake, fake.world.account(fake.world.pharmadis))
    first = JournaledChorus(journal_on(fake, path), client)
    real_send = first.journal.handler("chorus.deposer_flux").send

    def send_then_crash(entry):  # type: ignore[no-untyped-def]
        real_send(entry)
        raise Crash

    from demat_sdk.journal import Handler

    reconcile = first.journal.handler("chorus.deposer_flux").reconcile
    first.journal.register("chorus.deposer_flux", Handler(send_then_crash, reconcile))
    with pytest.raises(Crash):
        first.submit(flux_deposit(fake, "CRASH-1"))
    first.journal.close()

    fake.advance(300)
    restarted = JournaledChorus(journal_on(fake, path), client)
    report = restarted.resume()
    assert [entry.reference for entry in report.confirmed] == flux_named(fake, "CRASH-1.xml")
    assert report.sent == ()


def test_a_connect_error_is_sent_again_without_asking(
    fake: FakeChorusPro, supplier: JournaledChorus, journal: Journal, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    handler = journal.handler("chorus.deposer_flux")

    def refuse(entry):  # type: ignore[no-untyped-def]
        calls.append("send")
        raise ConnectError("refused")

    from demat_sdk.journal import Handler

    journal.register("chorus.deposer_flux", Handler(refuse, handler.reconcile))
    with pytest.raises(ConnectError):
        supplier.submit(flux_deposit(fake, "NS-1"))
    journal.register("chorus.deposer_flux", handler)
    entry = supplier.submit(flux_deposit(fake, "NS-1"))
    assert entry.state is EntryState.CONFIRMED
    assert entry.attempts == 2


@pytest.mark.parametrize(
    ("local", "hours"),
    [
        ("2026-01-05T09:00", 1),
        ("2026-03-29T01:59", 1),  # the last Sunday of March: summer time from 02:00
        ("2026-03-29T03:00", 2),
        ("2026-07-14T12:00", 2),
        ("2026-10-25T02:30", 2),  # the repeated hour: summer time taken
        ("2026-10-25T03:00", 1),
        ("2025-10-26T03:00", 1),
        ("2025-10-25T23:00", 2),
    ],
)
def test_french_local_times_get_their_utc_offset(local: str, hours: int) -> None:
    from datetime import datetime

    from demat_sdk.journal.chorus import _french_utc_offset

    assert _french_utc_offset(datetime.fromisoformat(local)) == timedelta(hours=hours)
