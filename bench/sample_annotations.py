#!/usr/bin/env python3
"""Draws the hand-annotation sample for `tinq-bench extraction` (issue #11).

Reads ../shared/corpora/*.jsonl, draws N articles at random with a fixed seed, weighted toward
law, society, politics and world news (weight 4, else 1; Efraimidis–Spirakis keys), and splits
them into dev and test halves by the same seed. Prints one line per article: split, id, corpus,
category. Only ids and categories are written, never text.

    python3 bench/sample_annotations.py > bench/annotations/sample.tsv
    python3 bench/sample_annotations.py --citations > bench/annotations/citations-sample.tsv

With --citations it draws a second sample of 120 (seed 12) from the articles whose body names a
document type with a number or holds a document symbol, for the citation field alone: the first
sample has too few citations to measure precision and recall.

With --dev2 it draws 60 more articles (seed 13, same weighting), leaving out every id already in
sample.tsv or citations-sample.tsv; all 60 are `dev`, appended to sample.tsv to give the rules
more dev truth to learn from (the test half is unchanged):

    python3 bench/sample_annotations.py --dev2 >> bench/annotations/sample.tsv

With --dev3 it draws 60 more the same way (seed 14), leaving out every id already sampled,
including the --dev2 draw (all `dev`; the test half is still unchanged):

    python3 bench/sample_annotations.py --dev3 >> bench/annotations/sample.tsv

With --citations-dev2 it draws 50 more articles for the citation sample (seed 15, the same filter
as --citations), leaving out every id in sample.tsv (all 360 rows) and the first 120 rows of
citations-sample.tsv; all 50 are `dev`, appended to citations-sample.tsv, because the first
citation sample's dev half no longer shows any error (the test half is unchanged):

    python3 bench/sample_annotations.py --citations-dev2 >> bench/annotations/citations-sample.tsv

With --citations-dev3 it draws 50 more the same way (seed 16), leaving out every id in sample.tsv
and the first 170 rows of citations-sample.tsv (the --citations-dev2 draw included); all `dev`,
because the 110 dev articles no longer show any error worth a rule (the test half is unchanged):

    python3 bench/sample_annotations.py --citations-dev3 >> bench/annotations/citations-sample.tsv

With --citations-dev4 it draws 60 more the same way (seed 17), leaving out every id in sample.tsv
and the first 220 rows of citations-sample.tsv (the --citations-dev3 draw included); all `dev`,
because the 160 dev articles no longer show any error (the test half is unchanged):

    python3 bench/sample_annotations.py --citations-dev4 >> bench/annotations/citations-sample.tsv
"""
import json, random, re, sys, pathlib

SEED = 11
N = 240
WEIGHTY = re.compile(r"pháp luật|xã hội|thế giới|thời sự|chính trị|an ninh|quốc tế|trong nước", re.I)

DOCUMENT = re.compile(
    r"(Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kết luận|Công văn|Kế hoạch|Luật|Pháp lệnh|Hiến pháp|Bộ luật)"
    r"[^.\n]{0,12}?\d|\d+[/-](?:\d{4}/)?[A-ZĐ]{2,}")

def main():
    citations_dev2 = "--citations-dev2" in sys.argv[1:]
    citations_dev3 = "--citations-dev3" in sys.argv[1:]
    citations_dev4 = "--citations-dev4" in sys.argv[1:]
    citations = "--citations" in sys.argv[1:] or citations_dev2 or citations_dev3 or citations_dev4
    dev2 = "--dev2" in sys.argv[1:]
    dev3 = "--dev3" in sys.argv[1:]
    extra = dev2 or dev3 or citations_dev2 or citations_dev3 or citations_dev4
    here = pathlib.Path(__file__).resolve().parent
    root = here.parent.parent / "shared" / "corpora"
    drawn = set()
    if extra:
        # Each extra draw leaves out what was sampled before it (the first 240 rows of
        # sample.tsv for --dev2, 300 for --dev3), so rerunning a draw reproduces it.
        before = 240 if dev2 else 300 if dev3 else 360
        cited = 220 if citations_dev4 else 170 if citations_dev3 else 120
        for name, limit in (("sample.tsv", before), ("citations-sample.tsv", cited)):
            lines = [l for l in (here / "annotations" / name).open(encoding="utf-8") if l.strip()]
            for line in lines[:limit]:
                drawn.add(line.split("\t")[1])
    rows = []
    for path in sorted(root.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            cat = d.get("category") or ""
            if citations and not DOCUMENT.search(d["body"]):
                continue
            if d["id"] in drawn:
                continue
            rows.append((d["id"], path.stem, cat, 4.0 if WEIGHTY.search(cat) else 1.0))
    seed, n = ((SEED + 6, 60) if citations_dev4 else (SEED + 5, 50) if citations_dev3 else (SEED + 4, 50) if citations_dev2 else (SEED + 1, 120) if citations else (SEED + 2, 60) if dev2
               else (SEED + 3, 60) if dev3 else (SEED, N))
    rng = random.Random(seed)
    keyed = sorted(rows, key=lambda r: rng.random() ** (1.0 / r[3]), reverse=True)[:n]
    if extra:
        for aid, corpus, cat, _ in keyed:
            print("\t".join(["dev", aid, corpus, cat]))
        return
    order = list(range(n))
    random.Random(seed + 1).shuffle(order)
    dev = set(order[: n // 2])
    for i, (aid, corpus, cat, _) in enumerate(keyed):
        print("\t".join(["dev" if i in dev else "test", aid, corpus, cat]))

if __name__ == "__main__":
    main()
