"""Concord's benchmarks, run with `python -m bench` (or `make bench`) on a throwaway database.

They print ratios measured side by side in one run, interleaved and repeated: these machines
are noisy, and an absolute time alone says little. Tests never assert on time.
"""
