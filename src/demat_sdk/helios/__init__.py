"""Exchanging PES files with Hélios: channels to send them and collect the answers.

* :class:`HeliosChannel` — the contract: ``send`` a file and get a :class:`Receipt`, ``poll``
  the answers as :class:`IncomingFile` objects, file them with ``mark_processed`` or
  ``quarantine``;
* :class:`FolderChannel` — a drop directory and a pick-up directory shared with a transmission
  platform, with atomic moves and each answer handed over once;
* :func:`detect_kind` — what a file is (ACK, PES_Retour…) from its root element;
* :func:`reconcile` — an acquittement matched with the flux it answers, object by object,
  and :func:`corrective_flux`, the flux holding only what was rejected.

Reading and writing the files themselves is :mod:`demat_sdk.pes`'s job.
"""

from demat_sdk.helios.channels import (
    FileKind,
    FileSource,
    HeliosChannel,
    IncomingFile,
    Receipt,
    detect_kind,
)
from demat_sdk.helios.folder import FolderChannel
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
    "corrective_flux",
    "detect_kind",
    "reconcile",
]
