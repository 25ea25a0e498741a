"""The typed models of a ``PES_Aller`` flux, one module per domain."""
