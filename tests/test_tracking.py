"""Follow-up: states over time, what is stalled, the support request text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.tracking import (
    Observation,
    SentItem,
    SentKind,
    StallReason,
    Tracker,
    sollicitation,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


@pytest.fixture
def tracker() -> Tracker:
    return Tracker(clock=lambda: day(30))


def test_record_is_idempotent(tracker: Tracker) -> None:
    first = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="F1", siret_destinataire="S", sent_at=T0
    )
    again = tracker.record(SentKind.FACTURE_CHORUS, numero_facture="F1", siret_destinataire="S")
    assert first.id == again.id
    assert len(tracker.items()) == 1


def test_an_asap_never_integrated_is_flagged(tracker: Tracker) -> None:
    tracker.record(
        SentKind.ASAP_HELIOS,
        numero_facture="T-12",
        siret_destinataire="222",
        nom_fic="PES_2026_001",
        titre="2026/3/12",
        sent_at=day(0),
    )
    (stalled,) = tracker.stalled(asap_integration_days=5, now=day(6))
    assert stalled.reason is StallReason.ASAP_NON_INTEGREE
    assert stalled.days == 6
    assert tracker.stalled(asap_integration_days=5, now=day(4)) == []


def test_integrated_asap_is_not_flagged(tracker: Tracker) -> None:
    item = tracker.record(
        SentKind.ASAP_HELIOS, numero_facture="T-13", siret_destinataire="222", sent_at=day(0)
    )
    tracker.observe(item.id, Observation(day(1), StatutFacture.MISE_A_DISPOSITION, 4242, True))
    assert tracker.stalled(now=day(20)) == []


def test_never_downloaded(tracker: Tracker) -> None:
    item = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="F2", siret_destinataire="S", sent_at=day(0)
    )
    tracker.observe(item.id, Observation(day(1), StatutFacture.MISE_A_DISPOSITION, 7, False))
    (stalled,) = tracker.stalled(download_days=10, now=day(12))
    assert (stalled.reason, stalled.days) == (StallReason.JAMAIS_TELECHARGEE, 11)
    tracker.observe(item.id, Observation(day(13), StatutFacture.MISE_A_DISPOSITION, 7, True))
    assert tracker.stalled(download_days=10, now=day(14)) == []


def test_suspended_beyond_seven_days(tracker: Tracker) -> None:
    item = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="F3", siret_destinataire="S", sent_at=day(0)
    )
    tracker.observe(item.id, Observation(day(1), StatutFacture.MISE_A_DISPOSITION, 8, True))
    tracker.observe(item.id, Observation(day(2), StatutFacture.SUSPENDUE, 8, True, "PV manquant"))
    tracker.observe(item.id, Observation(day(5), StatutFacture.SUSPENDUE, 8, True, "PV manquant"))
    assert len(tracker.get(item.id).observations) == 2  # an unchanged state is not repeated
    assert tracker.stalled(now=day(9)) == []
    (stalled,) = tracker.stalled(now=day(10))
    assert (stalled.reason, stalled.days) == (StallReason.SUSPENDUE_EN_ATTENTE, 8)


def test_refresh_asks_only_unsettled_items(tracker: Tracker) -> None:
    paid = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="P", siret_destinataire="S", sent_at=day(0)
    )
    tracker.observe(paid.id, Observation(day(1), StatutFacture.MISE_EN_PAIEMENT, 1, True))
    open_item = tracker.record(
        SentKind.FACTURE_CHORUS, numero_facture="O", siret_destinataire="S", sent_at=day(0)
    )
    asked: list[str] = []

    class Source:
        def observe(self, item: SentItem, now: datetime) -> Observation:
            asked.append(item.numero_facture)
            return Observation(now, StatutFacture.SERVICE_FAIT, 2, True)

    refreshed = tracker.refresh(Source())
    assert asked == ["O"]
    assert refreshed[0].id == open_item.id
    assert tracker.get(open_item.id).last.statut is StatutFacture.SERVICE_FAIT  # type: ignore[union-attr]


def test_sollicitation_names_every_identifier(tracker: Tracker) -> None:
    tracker.record(
        SentKind.ASAP_HELIOS,
        numero_facture="T-99",
        siret_destinataire="22100001700015",
        code_service="FACTURES_PUBLIQUES",
        numero_engagement="EJ-7",
        montant_ttc="1250.00",
        nom_fic="PES_42",
        titre="2026/4/99",
        sent_at=day(0),
    )
    (stalled,) = tracker.stalled(now=day(8))
    text = sollicitation(stalled, emetteur="CHU de Nulle-Part (SIRET 26750045200011)")
    for expected in (
        "T-99",
        "22100001700015",
        "FACTURES_PUBLIQUES",
        "EJ-7",
        "1250.00",
        "PES_42",
        "2026/4/99",
        "8 jours",
        "CHU de Nulle-Part",
        "02/03/2026",
    ):
        assert expected in text
    assert text.startswith("Objet : ASAP transmis par Hélios non intégré dans Chorus Pro")


def test_persistent_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    with Tracker(path) as tracker:
        item = tracker.record(SentKind.FACTURE_CHORUS, numero_facture="F", siret_destinataire="S")
        tracker.observe(item.id, Observation(day(1), StatutFacture.DEPOSEE))
    with Tracker(path) as reopened:
        assert reopened.get(item.id).last.statut is StatutFacture.DEPOSEE  # type: ignore[union-attr]
