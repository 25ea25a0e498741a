"""Client machinery shared by every HTTP API of the library; no domain knowledge here."""
