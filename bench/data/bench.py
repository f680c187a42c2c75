#!/usr/bin/python3
"""pandas + scikit-learn side of the bench: load, scale + one-hot + split. Prints best-of-N seconds."""
import sys
import time

import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

path, reps = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
num = [f"x{i}" for i in range(8)]
load, prep = [], []
for _ in range(reps):
    t0 = time.perf_counter()
    df = pd.read_csv(path)
    t1 = time.perf_counter()
    scaled = StandardScaler().fit_transform(df[num])
    enc = OneHotEncoder(sparse_output=False)
    onehot = enc.fit_transform(df[["colour", "city"]])
    out = pd.concat([pd.DataFrame(scaled, columns=num),
                     pd.DataFrame(onehot, columns=enc.get_feature_names_out()), df[["label"]]], axis=1)
    train, test = train_test_split(out, test_size=0.2, random_state=42)
    t2 = time.perf_counter()
    load.append(t1 - t0)
    prep.append(t2 - t1)
print(f"pandas load {min(load):.3f}")
print(f"pandas prep {min(prep):.3f}")
