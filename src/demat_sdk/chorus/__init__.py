"""Chorus Pro: the clients, their resources, models and enumerations."""

from demat_sdk._http.pagination import AutoPager, Page, PagePager
from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.chorus.engagements import AsyncEngagements, Engagements
from demat_sdk.chorus.factures import AsyncFactures, Factures, IntegrationReport
from demat_sdk.chorus.structures import AsyncStructures, Structures
from demat_sdk.chorus.transverses import AsyncTransverses, Transverses
from demat_sdk.chorus.utilisateurs import AsyncUtilisateurs, Utilisateurs

__all__ = [
    "AsyncChorusPro",
    "AsyncEngagements",
    "AsyncFactures",
    "AsyncStructures",
    "AsyncTransverses",
    "AsyncUtilisateurs",
    "AutoPager",
    "ChorusPro",
    "Engagements",
    "Factures",
    "IntegrationReport",
    "Page",
    "PagePager",
    "Structures",
    "Transverses",
    "Utilisateurs",
]
