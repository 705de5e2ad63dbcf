#!/usr/bin/env python3
"""Draws more story pairs to label by hand for `tinq-bench stories` (issue #14 §4, second draw).

Reads ../shared/corpora/*.jsonl, shingles each body as the clustering does, approximately (folded
to lowercase without diacritics, `đ` as `d`, runs of word characters, 4 at a time; shingles in
more than 1 in 200 articles and more than 50 dropped), computes the exact Jaccard similarity of
every pair sharing a shingle, and draws with a fixed seed (14), leaving out pairs already in
story-pairs.tsv:

- 20 pairs of one outlet (both `source` fields equal) at similarity 0.25 or more: the pairs the
  outlet rule decides;
- 20 pairs of two outlets at similarity 0.2 to 0.4: the pairs near the threshold.

The split was fixed before any pair was read: dev when the first byte of the SHA-256 of
"id_a<TAB>id_b" is even, else test. Prints id_a, id_b, split, stratum, similarity; never text.

    python3 bench/sample_story_pairs.py > /tmp/draw.tsv
"""
import collections, hashlib, json, pathlib, random, re, sys, unicodedata

SEED = 14
HERE = pathlib.Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
WORD = re.compile(r"\w+")


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


def main():
    articles = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            articles.append((r["id"], r.get("source"), r.get("body", "")))
    shingles = []
    df = collections.Counter()
    for _, _, body in articles:
        w = WORD.findall(fold(body))
        s = {" ".join(w[i:i + 4]) for i in range(len(w) - 3)}
        shingles.append(s)
        df.update(s)
    cap = max(50, len(articles) / 200)
    shingles = [{h for h in s if df[h] <= cap} for s in shingles]
    postings = collections.defaultdict(list)
    for i, s in enumerate(shingles):
        for h in s:
            postings[h].append(i)
    known = set()
    for line in (HERE / "annotations" / "story-pairs.tsv").open(encoding="utf-8"):
        if not line.startswith("#"):
            f = line.split("\t")
            known.add(tuple(sorted(f[:2])))
    same, near = [], []
    for i, s in enumerate(shingles):
        if len(s) < 8:
            continue
        common = collections.Counter(j for h in s for j in postings[h] if j > i)
        for j, k in sorted(common.items()):
            if len(shingles[j]) < 8:
                continue
            jac = k / (len(s) + len(shingles[j]) - k)
            pair = tuple(sorted((articles[i][0], articles[j][0])))
            if pair in known:
                continue
            (a, sa, _), (b, sb, _) = articles[i], articles[j]
            if sa and sa == sb and jac >= 0.25:
                same.append((pair, jac))
            elif sa != sb and 0.2 <= jac < 0.4:
                near.append((pair, jac))
    rng = random.Random(SEED)
    for name, pool in (("one-outlet", same), ("near-threshold", near)):
        for pair, jac in rng.sample(pool, min(20, len(pool))):
            split = "dev" if hashlib.sha256("\t".join(pair).encode()).digest()[0] % 2 == 0 else "test"
            print(f"{pair[0]}\t{pair[1]}\t{split}\t{name}\t{jac:.2f}")


if __name__ == "__main__":
    sys.exit(main())
