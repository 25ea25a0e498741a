"""Faithful emulators of Chorus Pro and Hélios, for development, demos and tests.

They are product features: code that works against them should work against the real
qualification environments. Nothing else in the library imports this package.

* :class:`FakeChorusPro` — Chorus Pro behind PISTE, in-process (``fake.transport()``) or over
  HTTP (``fake.serve()``, ``demat emulator serve``), with an admin API and fault injection.
* :class:`FakeClock` — the time the emulators and the clients share.
* :class:`Faults`, :class:`FaultKind` — per-operation fault rules, deterministic from a seed.
* :class:`EmulatorServer` — an emulator served over HTTP from a background thread.
* :class:`FakeHelios` — Hélios' "Guichet XML": checks PES files, answers with acquittements and
  PES_Retour, forwards the ASAP of public debtors to the :class:`FakeChorusPro` of its world;
  :class:`FakeHeliosChannel` is the :class:`~demat_sdk.helios.HeliosChannel` in front of it.
"""

from demat_sdk.testing.chorus import SEEDED_PASSWORD, FakeChorusPro, SeededWorld, Timings
from demat_sdk.testing.clock import FakeClock
from demat_sdk.testing.faults import FaultKind, FaultRule, Faults
from demat_sdk.testing.helios import FakeHelios, FakeHeliosChannel, Referentiel
from demat_sdk.testing.server import EmulatorServer

__all__ = [
    "SEEDED_PASSWORD",
    "EmulatorServer",
    "FakeChorusPro",
    "FakeClock",
    "FakeHelios",
    "FakeHeliosChannel",
    "FaultKind",
    "FaultRule",
    "Faults",
    "Referentiel",
    "SeededWorld",
    "Timings",
]
