"""The addressee pre-flight: what Chorus Pro would refuse, found before anything leaves.

* :func:`check_addressee` — one addressee (SIRET, service code, engagement juridique), with
  every problem found as an :class:`AddresseeProblem` (machine :class:`IssueCode`, French
  message saying what to fix) in an :class:`AddresseeCheck`;
* :func:`check_soumission`, :func:`check_flux`, :func:`check_pes` — every invoice of a
  ``soumettreFacture`` request, of a flux to deposit, or every ASAP of a PES recette flux
  (titres of ``Edition`` 02 and 03), in a :class:`PreflightReport`;
* sources of the routing rules: the offline :class:`~demat_sdk.directory.Directory`, a
  :class:`~demat_sdk.ChorusPro` client (Structures API), or any :class:`RoutingSource`
  (:class:`DirectorySource`, :class:`ChorusSource`).

``raise_for_problems()`` on an answer raises :class:`~demat_sdk.errors.AddresseeError`.

The pre-flight sits above the directory, the Chorus Pro client and the PES models, which it all
reads; none of them depends on it. The guide (in French) is
``docs/guides/controle-destinataire.md``.
"""

from demat_sdk.errors import AddresseeError
from demat_sdk.preflight.checks import (
    AddresseeCheck,
    AddresseeProblem,
    IssueCode,
    PreflightReport,
    check_addressee,
)
from demat_sdk.preflight.documents import (
    OutgoingInvoice,
    check_flux,
    check_invoices,
    check_pes,
    check_soumission,
    invoice_of_soumission,
    invoices_in_flux,
    invoices_of_pes,
)
from demat_sdk.preflight.sources import (
    ChorusSource,
    DirectorySource,
    Lookup,
    RoutingSource,
    SourceLike,
    as_source,
)

__all__ = [
    "AddresseeCheck",
    "AddresseeError",
    "AddresseeProblem",
    "ChorusSource",
    "DirectorySource",
    "IssueCode",
    "Lookup",
    "OutgoingInvoice",
    "PreflightReport",
    "RoutingSource",
    "SourceLike",
    "as_source",
    "check_addressee",
    "check_flux",
    "check_invoices",
    "check_pes",
    "check_soumission",
    "invoice_of_soumission",
    "invoices_in_flux",
    "invoices_of_pes",
]
