"""The simple types of the PES V2 schema set: their kinds and the v5.17 catalogue.

The models declare each field with one of the catalogue's constants (``st.TEXTE38``); the
writer, the reader and the checks all use that one object to format, parse and check a value.
"""

from demat_sdk.pes.simpletypes.catalogue import *  # noqa: F403 - the catalogue is the API
from demat_sdk.pes.simpletypes.catalogue import __all__ as _catalogue
from demat_sdk.pes.simpletypes.kinds import (
    Annee,
    Booleen,
    Code,
    Date,
    Nombre,
    SimpleType,
    Texte,
)

__all__ = ["Annee", "Booleen", "Code", "Date", "Nombre", "SimpleType", "Texte", *_catalogue]
