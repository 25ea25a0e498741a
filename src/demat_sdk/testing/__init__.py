"""Faithful emulators of Chorus Pro and Hélios, for development, demos and tests.

They are product features: code that works against them should work against the real
qualification environments. Nothing else in the library imports this package.
"""

from demat_sdk.testing.chorus import FakeChorusPro
from demat_sdk.testing.clock import FakeClock

__all__ = ["FakeChorusPro", "FakeClock"]
