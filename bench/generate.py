"""Make the synthetic archive the benchmarks run on (bench/synthetic/), in the database they
use: BENCH_DATABASE_URL, or a SQLite file per size in bench/out/. The benchmarks make it
themselves on their first run; this makes it alone, e.g. to time it.

    .venv/bin/python bench/generate.py --claims 200000 --seed 1
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench \\
        .venv/bin/python bench/generate.py --claims 1000000
"""

import argparse

from common import ensure_archive, setup_django, vacuum


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1, help="the same seed makes the same data")
    options = parser.parse_args()

    setup_django(options.claims)
    ensure_archive(options.claims, options.seed)
    vacuum()


if __name__ == "__main__":
    main()
