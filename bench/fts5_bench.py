#!/usr/bin/env python3
"""SQLite FTS5 side of the Tinq benchmark.

Loads a corpus (a JSON Lines file, or a directory of .txt articles) into an in-memory FTS5
table with tokenize='unicode61 remove_diacritics 2', times the build, runs a query suite given
as JSON (written by `tinq-bench run`), and prints one JSON object on stdout.

The year/date column comes from Tinq: `tinq-bench measure` exports what Tinq extracted
(id, year, date ordinal) to a TSV file, and this script joins it by id (--meta). Without
--meta the column is NULL and the year queries say so. Reading that file is part of the build
time, as a user would have to get dates from somewhere.

Usage (normally run by `tinq-bench run`):
  python3 bench/fts5_bench.py --corpus bench/out/corpus-1000.jsonl --meta META.tsv --suite SUITE.json
"""

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import time


def peak_rss_bytes():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def iter_articles(path):
    """Yields (id, text) in the order Tinq loads them: JSONL lines, or .txt files sorted by path."""
    if os.path.isdir(path):
        files = []
        for root, _dirs, names in os.walk(path):
            for name in names:
                if name.endswith(".txt"):
                    files.append(os.path.join(root, name))
        for f in sorted(files):
            with open(f, encoding="utf-8") as fh:
                yield os.path.splitext(os.path.basename(f))[0], fh.read()
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                body = rec.get("body") or rec.get("content") or rec.get("text") or ""
                title = rec.get("title")
                yield rec.get("id"), (title + "\n\n" + body) if title else body


def corpus_bytes(path):
    if os.path.isdir(path):
        total = 0
        for root, _dirs, names in os.walk(path):
            for name in names:
                if name.endswith(".txt"):
                    total += os.path.getsize(os.path.join(root, name))
        return total
    return os.path.getsize(path)


def load_meta(path):
    meta = {}
    if not path:
        return meta
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            year = int(parts[1]) if parts[1] else None
            date = int(parts[2]) if parts[2] else None
            meta[parts[0]] = (year, date)
    return meta


def build(db, corpus, meta_path):
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, year INTEGER, date INTEGER)")
    meta = load_meta(meta_path)
    batch_docs, batch_meta = [], []
    n = 0
    for ident, text in iter_articles(corpus):
        n += 1
        year, date = meta.get(ident, (None, None))
        batch_docs.append((n, text))
        batch_meta.append((n, ident, year, date))
        if len(batch_docs) >= 1000:
            db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", batch_docs)
            db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)", batch_meta)
            batch_docs, batch_meta = [], []
    if batch_docs:
        db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", batch_docs)
        db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)", batch_meta)
    db.execute("CREATE INDEX meta_year ON meta(year)")
    db.execute("CREATE INDEX meta_date ON meta(date)")
    db.commit()
    return n, len(meta)


def time_query(db, sql, params, iterations, budget):
    """Median and p95 in milliseconds: warm up, then up to `iterations` runs within `budget` s."""
    for _ in range(3):
        db.execute(sql, params).fetchall()
    samples = []
    started = time.perf_counter()
    while len(samples) < iterations:
        t0 = time.perf_counter()
        rows = db.execute(sql, params).fetchall()
        samples.append((time.perf_counter() - t0) * 1000)
        if len(samples) >= 5 and time.perf_counter() - started > budget:
            break
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95, len(samples), rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--meta", help="TSV of id, year, date ordinal as Tinq extracted them")
    ap.add_argument("--suite", required=True, help="JSON list of {name, sql, params, ids_sql}")
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--budget", type=float, default=4.0, help="seconds per query at most (after 5 runs)")
    ap.add_argument("--load-only", action="store_true", help="only build the index (for repeated build timings)")
    args = ap.parse_args()

    with open(args.suite, encoding="utf-8") as fh:
        suite = json.load(fh)

    baseline = peak_rss_bytes()
    db = sqlite3.connect(":memory:")
    t0 = time.perf_counter()
    articles, with_meta = build(db, args.corpus, args.meta)
    build_seconds = time.perf_counter() - t0
    build_rss = peak_rss_bytes()

    results = []
    for q in ([] if args.load_only else suite):
        entry = {"name": q["name"]}
        if not q.get("sql"):
            entry["unsupported"] = q.get("why", "no SQL equivalent")
            results.append(entry)
            continue
        params = q.get("params", [])
        try:
            med, p95, runs, rows = time_query(db, q["sql"], params, args.iterations, args.budget)
        except sqlite3.Error as e:
            entry["error"] = str(e)
            results.append(entry)
            continue
        entry.update({"median_ms": med, "p95_ms": p95, "runs": runs})
        if len(rows) == 1 and len(rows[0]) == 1 and isinstance(rows[0][0], int):
            entry["count"] = rows[0][0]
        else:
            entry["rows"] = len(rows)
        if q.get("ids_sql"):
            ids = [r[0] for r in db.execute(q["ids_sql"], q.get("ids_params", params)).fetchall()]
            entry["ids"] = ids
        results.append(entry)

    out = {
        "engine": "sqlite-fts5",
        "sqlite_version": sqlite3.sqlite_version,
        "corpus": args.corpus,
        "articles": articles,
        "articles_with_meta": with_meta,
        "corpus_bytes": corpus_bytes(args.corpus),
        "build_seconds": build_seconds,
        "baseline_rss_bytes": baseline,
        "peak_rss_bytes": max(build_rss, peak_rss_bytes()),
        "build_peak_rss_bytes": build_rss,
        "queries": results,
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
