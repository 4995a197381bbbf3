#!/usr/bin/python3
"""Regenerates expected.json: the reference values the drift statistics are tested against.

Run with Debian's python3-scipy 1.10.1 and numpy 1.24.2 (the versions the tests were written for):

    /usr/bin/python3 tests/MLOps.Core.Tests/Drift/scipy/regenerate.py

Datasets are either small arrays drawn here from a seeded numpy generator and written into the file, or
large ones given by a formula that the C# tests evaluate with the same IEEE double operations
(ScipyDatasets.cs): value i (0-based) = floor?(((i + 1) * alpha) % 1.0 * scale + shift). The expected values
are scipy's own functions on those datasets; PSI, which scipy lacks, is Evidently's formula in numpy.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__ == "1.24.2", np.__version__

rng = np.random.default_rng(20261201)


def formula(spec):
    n, alpha, scale, shift, floor = spec["n"], spec["alpha"], spec["scale"], spec["shift"], spec.get("floor", False)
    i = np.arange(1, n + 1, dtype=np.float64)
    v = np.mod(i * alpha, 1.0) * scale + shift
    return np.floor(v) if floor else v


def data(spec):
    return np.asarray(spec, dtype=np.float64) if isinstance(spec, list) else formula(spec)


def arr(x):
    return [float(v) for v in x]


def golden(n, scale=1.0, shift=0.0, alpha=0.6180339887498949, floor=False):
    return {"n": n, "alpha": alpha, "scale": scale, "shift": shift, "floor": floor}


def plastic(n, scale=1.0, shift=0.0, floor=False):
    return golden(n, scale, shift, alpha=0.7548776662466927, floor=floor)


ks_cases = [
    ("exact equal sizes", arr(rng.normal(0, 1, 40)), arr(rng.normal(0.5, 1, 40))),
    ("exact unequal sizes", arr(rng.normal(0, 1, 37)), arr(rng.normal(0.3, 1.2, 53))),
    ("exact with ties", arr(rng.integers(0, 10, 200)), arr(rng.integers(0, 12, 150))),
    ("exact tiny p", arr(rng.normal(0, 1, 300)), arr(rng.normal(1.5, 1, 500))),
    ("exact same data", arr(np.arange(20.0)), arr(np.arange(20.0))),
    ("exact 2000 x 3000", golden(2000), plastic(3000, shift=0.02)),
    ("exact 10000 x 7000 ties", golden(10000, 50, floor=True), plastic(7000, 50, 1, floor=True)),
    ("asymptotic n<=140 DMTW", golden(50), plastic(20000, shift=0.08)),
    ("asymptotic n<=140 mid d", golden(50), plastic(20000, shift=0.2)),
    ("asymptotic n<=140 Pomeranz", golden(60), plastic(20000, shift=0.15)),
    ("asymptotic n<=140 Miller", golden(50), plastic(20000, shift=0.35)),
    ("asymptotic n<=140 large d", golden(50), plastic(20000, shift=0.5)),
    ("asymptotic n<=140 d>=0.5", golden(50), plastic(20000, shift=0.7)),
    ("asymptotic DMTW", golden(12000), plastic(15000, shift=0.001)),
    ("asymptotic DMTW n=150", golden(150), plastic(20000, shift=0.03)),
    ("asymptotic Ruben-Gambino", golden(12000), plastic(15000, shift=0.00005)),
    ("asymptotic Pelz-Good", golden(12000), plastic(15000, shift=0.012)),
    ("asymptotic smirnov", golden(12000), plastic(15000, shift=0.03)),
    ("asymptotic zero", golden(12000), plastic(15000, shift=0.5)),
    ("asymptotic n>100000 Pelz-Good", golden(300000), plastic(400000, shift=0.002)),
    ("asymptotic ties", golden(20000, 30, floor=True), plastic(30000, 30, 0.3, floor=True)),
]

out = {"scipy": scipy.__version__, "numpy": np.__version__, "ks": [], "wasserstein": [], "jensenshannon": [], "binned": [], "chi2": []}

for name, a, b in ks_cases:
    r = stats.ks_2samp(data(a), data(b), method="auto")
    out["ks"].append({"name": name, "a": a, "b": b, "statistic": float(r.statistic), "p_value": float(r.pvalue)})

w_cases = [
    ("plain", arr(rng.normal(0, 1, 30)), None, arr(rng.normal(0.4, 2, 45)), None),
    ("ties", arr(rng.integers(0, 5, 60)), None, arr(rng.integers(1, 7, 40)), None),
    ("weighted", arr(rng.normal(0, 1, 25)), arr(rng.uniform(0.1, 3, 25)), arr(rng.normal(1, 1, 35)), arr(rng.uniform(0.1, 3, 35))),
    ("weighted integer", arr(rng.integers(0, 20, 50)), arr(rng.integers(1, 9, 50)), arr(rng.integers(5, 25, 30)), arr(rng.integers(1, 9, 30))),
    ("large", golden(200000, 10), None, plastic(150000, 12, -1), None),
]
for name, u, uw, v, vw in w_cases:
    value = stats.wasserstein_distance(data(u), data(v), uw, vw)
    out["wasserstein"].append({"name": name, "u": u, "u_weights": uw, "v": v, "v_weights": vw, "distance": float(value)})

js_cases = [
    ("probabilities", arr(rng.dirichlet(np.ones(8))), arr(rng.dirichlet(np.ones(8)))),
    ("counts with zeros", [10.0, 0.0, 5.0, 7.0, 0.0], [3.0, 4.0, 0.0, 9.0, 1.0]),
    ("identical", [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),
]
for name, p, q in js_cases:
    out["jensenshannon"].append({"name": name, "p": p, "q": q, "distance": float(distance.jensenshannon(p, q))})


def evidently_binned(ref, cur, bins=30):
    # Evidently's get_binned_data for numbers: equal-width bins over the pooled values' range.
    edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins=bins)
    rp = np.histogram(ref, edges)[0] / len(ref)
    cp = np.histogram(cur, edges)[0] / len(cur)
    return edges, rp, cp


def evidently_psi(rp, cp):
    rp = np.where(rp == 0, 0.0001, rp)
    cp = np.where(cp == 0, 0.0001, cp)
    return float(np.sum((rp - cp) * np.log(rp / cp)))


binned_cases = [
    ("normal shift", arr(rng.normal(0, 1, 500)), arr(rng.normal(0.3, 1.1, 700))),
    ("empty bins", arr(rng.normal(0, 1, 200)), arr(rng.normal(4, 0.5, 100))),
    ("constant", [2.0] * 10, [2.0] * 7),
    ("large", golden(150000, 100), plastic(120000, 110, 3)),
]
for name, a, b in binned_cases:
    edges, rp, cp = evidently_binned(data(a), data(b))
    out["binned"].append({"name": name, "a": a, "b": b, "edges": arr(edges),
                          "jensenshannon": float(distance.jensenshannon(rp, cp)), "psi": evidently_psi(rp, cp)})

chi_cases = [
    ("2 x 2 Yates", [[30, 10], [20, 25]]),
    ("2 x 2 small difference", [[100, 101], [99, 100]]),
    ("2 x 2 Yates capped at the difference", [[3, 2], [2, 3]]),
    ("2 x 5", [[120, 90, 40, 30, 20], [100, 110, 50, 10, 30]]),
    ("2 x 8 strong", [[500, 400, 300, 200, 100, 50, 25, 5], [50, 100, 200, 300, 400, 500, 300, 200]]),
    ("2 x 1", [[10], [20]]),
]
for name, table in chi_cases:
    r = stats.chi2_contingency(np.asarray(table))
    out["chi2"].append({"name": name, "reference": table[0], "current": table[1], "statistic": float(r[0]), "p_value": float(r[1]), "dof": int(r[2])})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {path}", file=sys.stderr)
for case in out["ks"]:
    print(f'ks {case["name"]}: d={case["statistic"]:.6g} p={case["p_value"]:.6g}', file=sys.stderr)
