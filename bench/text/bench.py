#!/usr/bin/python3
"""scikit-learn side of the text bench: TfidfVectorizer().fit_transform on the corpus, median of REPS after WARMUP."""
import statistics
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer

path, reps, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, encoding="utf-8") as f:
    texts = f.read().splitlines()
times = []
for r in range(warmup + reps):
    t0 = time.perf_counter()
    # Single-character tokens kept, as Jotter's Tokenizer.standard() keeps them.
    x = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b").fit_transform(texts)
    if r >= warmup:
        times.append(time.perf_counter() - t0)
nbytes = x.data.nbytes + x.indices.nbytes + x.indptr.nbytes
print(f"sklearn rows {x.shape[0]} cols {x.shape[1]} nnz {x.nnz} bytes {nbytes} seconds {statistics.median(times):.4f}")
