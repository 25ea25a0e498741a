"""Exchanging PES files with Hélios: channels to send them and collect the answers.

* :class:`HeliosChannel` — the contract: ``send`` a file and get a :class:`Receipt`, ``poll``
  the answers as :class:`IncomingFile` objects, file them with ``mark_processed`` or
  ``quarantine``;
* :class:`FolderChannel` — a drop directory and a pick-up directory shared with a transmission
  platform, with atomic moves and each answer handed over once;
* :func:`detect_kind` — what a file is (ACK, PES_Retour…) from its root element;
* :func:`reconcile` — an acquittement matched with the flux it answers, object by object,
  and :func:`corrective_flux`, the flux holding only what was rejected;
* :func:`asap_titres` — the titres whose ASAP Hélios deposits in Chorus Pro (``Edition`` 02 and
  03), as :class:`AsapTitre` records;
* :func:`check_asap_privacy` — refuse a flux whose ASAP for Chorus Pro carry patient data.

Reading and writing the files themselves is :mod:`demat_sdk.pes`'s job.
"""

from demat_sdk.helios.asap import CHORUS_EDITIONS, AsapTitre, asap_titres
from demat_sdk.helios.channels import (
    FileKind,
    FileSource,
    HeliosChannel,
    IncomingFile,
    Receipt,
    detect_kind,
)
from demat_sdk.helios.folder import FolderChannel
from demat_sdk.helios.guard import check_asap_privacy, scan_asap_privacy
from demat_sdk.helios.reconciliation import (
    BordereauReconcilie,
    EtatReconciliation,
    LigneReconciliee,
    PieceJustificativeReconciliee,
    PieceReconciliee,
    Reconciliation,
    Statut,
    corrective_flux,
    reconcile,
)

__all__ = [
    "CHORUS_EDITIONS",
    "AsapTitre",
    "BordereauReconcilie",
    "EtatReconciliation",
    "FileKind",
    "FileSource",
    "FolderChannel",
    "HeliosChannel",
    "IncomingFile",
    "LigneReconciliee",
    "PieceJustificativeReconciliee",
    "PieceReconciliee",
    "Receipt",
    "Reconciliation",
    "Statut",
    "asap_titres",
    "check_asap_privacy",
    "corrective_flux",
    "detect_kind",
    "reconcile",
    "scan_asap_privacy",
]
