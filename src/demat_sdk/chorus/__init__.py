"""Chorus Pro: the clients, their resources, models and enumerations."""

from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.chorus.transverses import AsyncTransverses, Transverses

__all__ = ["AsyncChorusPro", "AsyncTransverses", "ChorusPro", "Transverses"]
