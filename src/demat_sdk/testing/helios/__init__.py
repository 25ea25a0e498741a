"""An emulator of Hélios (the DGFiP's accounting application) as the hospital's PES reach it.

* :class:`FakeHelios` — receives PES_Aller files, runs the "Guichet XML" checks (box 1: encoding,
  XSD, signature; box 5: header, duplicates, totals, ``Fonction`` on M21/M22, the ASAP bound for
  Chorus Pro), integrates only what it accepts, answers with an acquittement after a delay on the
  shared clock, deposits the ASAP of ``Edition`` 02/03 titres in the
  :class:`~demat_sdk.testing.FakeChorusPro` of the same world, and writes PES_Retour files;
* :class:`Referentiel`, :class:`Budget`, :class:`Triplet` — what it checks against;
* :class:`FakeHeliosChannel` — the :class:`~demat_sdk.helios.HeliosChannel` in front of it.

The checks, their codes and labels are listed in :mod:`demat_sdk.testing.helios.checks`.
"""

from demat_sdk.testing.helios.channel import FakeHeliosChannel
from demat_sdk.testing.helios.checks import (
    LABEL_DOUBLON_PJ,
    LABEL_FONCTION,
    LABEL_SERVICE_CHORUS,
)
from demat_sdk.testing.helios.fake import (
    DEFAULT_ACK_DELAY,
    AsapDeposit,
    FakeHelios,
    OutgoingFile,
    ReceivedFile,
)
from demat_sdk.testing.helios.referentiel import Budget, Referentiel, Triplet

__all__ = [
    "DEFAULT_ACK_DELAY",
    "LABEL_DOUBLON_PJ",
    "LABEL_FONCTION",
    "LABEL_SERVICE_CHORUS",
    "AsapDeposit",
    "Budget",
    "FakeHelios",
    "FakeHeliosChannel",
    "OutgoingFile",
    "ReceivedFile",
    "Referentiel",
    "Triplet",
]
