"""Side-by-side benchmarks of demat_sdk against its alternatives (``python -m benchmarks``)."""
