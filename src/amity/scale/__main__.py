"""`python -m amity.scale INPUT... --out DIR` (or this file given to spark-submit): the same
job as `amity spark-ingest`, taking the master and resources spark-submit sets."""
from __future__ import annotations

import sys


def main() -> None:
    from amity.cli import main as amity

    amity(["spark-ingest", *sys.argv[1:]], prog_name="amity.scale")


if __name__ == "__main__":
    main()
