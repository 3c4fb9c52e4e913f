"""Benchmarks, run by `make bench` (`python -m tests.bench`): every `*_bench.py` module here
has a `main()` that prints its figures and the command that produced them."""
