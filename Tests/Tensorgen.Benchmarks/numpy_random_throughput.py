#!/usr/bin/python3
"""NumPy's side of RandomThroughput: rng.random(n, out=...) and rng.standard_normal(n, out=...),
numbers per second, the median of 9 timed runs after a warm-up (timeit), for 10**6 and 10**7."""
import statistics
import timeit

import numpy as np

rng = np.random.default_rng(42)
print(f"NumPy {np.__version__}")
for n in (10**6, 10**7):
    out = np.empty(n)
    for name, stmt in [("random(n, out=buf)", lambda: rng.random(n, out=out)),
                       ("standard_normal(n, out=buf)", lambda: rng.standard_normal(n, out=out)),
                       ("random(n)", lambda: rng.random(n)),
                       ("standard_normal(n)", lambda: rng.standard_normal(n))]:
        stmt()
        times = timeit.repeat(stmt, number=1, repeat=9)
        median = statistics.median(times)
        print(f"{name:28} n={n:>10,}  median {median * 1e3:8.3f} ms  {n / median / 1e6:8.1f} M numbers/s")
