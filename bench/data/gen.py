#!/usr/bin/python3
"""Writes the bench CSV: N rows x 11 columns (8 numeric, 2 categorical, 1 integer label), seeded."""
import random
import sys

n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rnd = random.Random(42)
cats_a = ["red", "green", "blue", "yellow", "black"]
cats_b = [f"city_{i}" for i in range(10)]
with open(sys.argv[1], "w") as f:
    f.write(",".join([f"x{i}" for i in range(8)] + ["colour", "city", "label"]) + "\n")
    for _ in range(n):
        xs = [f"{rnd.gauss(10 * i, 1 + i):.4f}" for i in range(8)]
        f.write(",".join(xs + [rnd.choice(cats_a), rnd.choice(cats_b), str(rnd.randrange(2))]) + "\n")
