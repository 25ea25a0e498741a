"""PES V2: the files a hospital exchanges with Hélios (its public accountant)."""
