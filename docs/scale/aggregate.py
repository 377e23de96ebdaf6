#!/usr/bin/env python3
"""Aggregates a `tifa-cli extract` folder with DuckDB.

    python3 aggregate.py EXTRACT_DIR OUT_DIR [--memory-limit 8GB]

Makes the input views over every shard's Parquet files, runs aggregate.sql and writes the
matrix, first uses, adoption order and merged meetings into OUT_DIR as CSV (UTF-8 with a byte
order mark, so Excel reads the Chinese) and Parquet. Needs the `duckdb` package
(`pip install duckdb`).
"""

import argparse
import csv
import pathlib
import sys

import duckdb

TABLES = ["documents", "problems", "meetings", "directives", "occurrences", "shingles"]
OUTPUTS = {
    "matrix": "group_id, place",
    "first_use": "group_id",
    "adoption": "group_id, adopter",
    "merged_meetings": "meeting",
}


def quote(path: pathlib.Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def statements(sql: str):
    """The statements of a script whose statements end with `;` at the end of a line."""
    current = []
    for line in sql.splitlines():
        if line.lstrip().startswith("--") and not current:
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            yield "\n".join(current)
            current = []
    if any(s.strip() for s in current):
        yield "\n".join(current)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extract_dir", type=pathlib.Path)
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--memory-limit", default=None)
    args = parser.parse_args()
    src = args.extract_dir
    shards = sorted(src.glob("shard-*/_done.json"))
    if not shards:
        print(f"{src}: no complete shard (run `tifa-cli extract … --out {src}` first)",
              file=sys.stderr)
        return 2
    con = duckdb.connect()
    if args.memory_limit:
        con.execute(f"SET memory_limit = '{args.memory_limit}'")
    for t in TABLES:
        files = ", ".join(quote(p.parent / f"{t}.parquet") for p in shards)
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet([{files}])")
    con.execute(f"CREATE VIEW groups AS SELECT * FROM read_parquet({quote(src / 'groups.parquet')})")
    sql = (pathlib.Path(__file__).with_name("aggregate.sql")).read_text(encoding="utf-8")
    for stmt in statements(sql):
        # Each view is computed once, as a table: the later steps read it several times.
        con.execute(stmt.replace("CREATE OR REPLACE TEMPORARY VIEW", "CREATE OR REPLACE TEMP TABLE", 1))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, order in OUTPUTS.items():
        base = args.out_dir / name
        con.execute(f"COPY (SELECT * FROM {name} ORDER BY {order}) TO {quote(base.with_suffix('.parquet'))} (FORMAT parquet)")
        rows = con.execute(f"SELECT * FROM {name} ORDER BY {order}")
        columns = [d[0] for d in rows.description]
        with open(base.with_suffix(".csv"), "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            for row in rows.fetchall():
                w.writerow(["" if v is None else v for v in row])
    counts = {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in OUTPUTS}
    print(", ".join(f"{n}: {c} rows" for n, c in counts.items()), f"in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
