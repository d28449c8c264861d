"""Score the importer against the hand-annotated corpus of real readouts
(`tests/ingest/corpus/`): per text and in total, for the texts it is tuned on (dev), those
held out (test), and all.

    .venv/bin/python bench/ingest.py                  # the table and the totals
    .venv/bin/python bench/ingest.py --errors NAME    # what went wrong in one text
    .venv/bin/python bench/ingest.py --errors all     # ... in every text
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ingest.evaluation import MEASURES, load, problems, score, total  # noqa: E402
from archive.ingest.parser import parse  # noqa: E402

CORPUS = ROOT / "tests" / "ingest" / "corpus"
COLUMNS = [  # (heading, part, whole) for the per-text table
    ("part", "participants_found", "participants"),
    ("prec", "participants_matched_proposed", "participants_proposed"),
    ("side", "participant_side_right", "participants_found"),
    ("title", "participant_title_right", "participants_found"),
    ("date", "date_right", "dates_stated"),
    ("place", "place_right", "places_stated"),
    ("claims", "claims_found", "claims"),
    ("prec", "claims_matched_proposed", "claims_proposed"),
    ("who", "claims_right", "claims_found"),
    ("right", "claims_right", "claims_proposed"),
]


def cell(tally, part: str, whole: str) -> str:
    if not tally.get(whole):
        return "-"
    return f"{tally.get(part)}/{tally.get(whole)}"


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", metavar="NAME", help="list one text's errors ('all': every)")
    parser.add_argument("--split", choices=["dev", "test"], help="list errors of one split only")
    parser.add_argument("--without", metavar="PREFIX", help="leave out texts named so")
    parser.add_argument("--only", metavar="PREFIX", help="score only texts named so")
    parser.add_argument("--sizes", action="store_true", help="time the parse of large texts")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if args.sizes:
        return time_sizes(load(args.corpus))

    annotations = load(args.corpus)
    if args.without:
        annotations = [a for a in annotations if not a.name.startswith(args.without)]
    if args.only:
        annotations = [a for a in annotations if a.name.startswith(args.only)]
    broken = {a.name: problems(a) for a in annotations if problems(a)}
    for name, found in broken.items():
        print(f"{name}: annotation unusable: {'; '.join(found)}", file=sys.stderr)
    annotations = [a for a in annotations if a.name not in broken]
    scores = {a.name: score(a) for a in annotations}

    width = max(len(a.name) for a in annotations)
    print(f"{'text':<{width}} {'split':<5} " + " ".join(f"{h:>7}" for h, _, _ in COLUMNS))
    for annotation in annotations:
        tally = scores[annotation.name].tally
        cells = " ".join(f"{cell(tally, part, whole):>7}" for _, part, whole in COLUMNS)
        split = (
            annotation.split if annotation.english else "(" + annotation.data["source"]["language"]
        )
        print(f"{annotation.name:<{width}} {split:<5} {cells}")
    print("\nTotals of the texts in English; those marked (de), (fr)... are listed, not counted.")

    english = [a for a in annotations if a.english]
    groups = [
        ("dev", [a for a in english if a.split == "dev"]),
        ("test", [a for a in english if a.split == "test"]),
        ("all", english),
    ]
    print()
    print(f"{'':<30}" + "".join(f"{name:>16}" for name, _ in groups))
    sums = {name: total(scores[a.name] for a in group) for name, group in groups}
    for label, part, whole in MEASURES:
        row = "".join(
            f"{percent(sums[n].rate(part, whole)):>6} {cell(sums[n], part, whole):>9}"
            for n, _ in groups
        )
        print(f"{label:<30}{row}")
    for label, key in [
        ("texts", None),
        ("crashes", "crashes"),
        ("not verbatim", "not_verbatim"),
        ("mentioned saved", "non_participants_saved"),
        ("dates invented", "dates_invented"),
    ]:
        row = "".join(
            f"{(len(group) if key is None else sums[n].get(key)):>16}" for n, group in groups
        )
        print(f"{label:<30}{row}")

    if args.errors:
        for annotation in annotations:
            if args.split and annotation.split != args.split:
                continue
            if args.errors in ("all", annotation.name):
                print(f"\n== {annotation.name} ({annotation.form})")
                for error in scores[annotation.name].errors:
                    print(f"  {error}")
    return 1 if broken else 0


def time_sizes(annotations) -> int:
    """The parse of texts of 100 kB, 500 kB and 2 MB (the import's limit), made of the
    corpus's texts one after another: the time should grow with the size, not faster."""
    blob = "\n\n".join(a.text for a in annotations)
    parse(blob[:1000])  # load the reference data first: it is read once per process
    for size in (100_000, 500_000, 2_000_000):
        text = (blob * (size // len(blob) + 1))[:size]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            proposal = parse(text)
            times.append(time.perf_counter() - start)
        per_100k = min(times) / (size / 100_000)
        print(
            f"{size // 1000:>5} kB: {min(times):6.2f} s (best of 3), {per_100k:.2f} s per 100 kB, "
            f"{len(proposal.claims)} claims"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
