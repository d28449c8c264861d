"""Benchmarks (run as scripts, see README.md); a package so that tests can build the
synthetic archive of `bench.synthetic`."""
