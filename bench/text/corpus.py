#!/usr/bin/python3
"""Writes the bench corpus: 3,600 short gloss-like texts, one per line, from the bundled sentiment set.

The 3,000 sentences of datasets' sentiment.csv (UCI Sentiment Labelled Sentences) as they are, then
600 more made deterministically by joining the first half of sentence i to the second half of
sentence 2999 - i (i = 0..599), so that every text is short and the vocabulary is a real one.
"""
import csv
import sys

src, out = sys.argv[1], sys.argv[2]
with open(src, newline="", encoding="utf-8") as f:
    texts = [" ".join(row["text"].split()) for row in csv.DictReader(f)]
assert len(texts) == 3000, len(texts)
extra = []
for i in range(600):
    a, b = texts[i].split(), texts[2999 - i].split()
    extra.append(" ".join(a[: (len(a) + 1) // 2] + b[len(b) // 2:]))
with open(out, "w", encoding="utf-8") as f:
    for t in texts + extra:
        f.write(t + "\n")
