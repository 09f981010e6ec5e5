"""Writes erf_values.txt: x, erf(x), erfc(x), each the double nearest the 50-digit value (mpmath 1.2.1).

Run: /usr/bin/python3 make_erf_values.py > erf_values.txt
Points: each branch of ScalarOps.Erf/Erfc and its ends, both signs, tiny and subnormal arguments,
and erfc's tail down to where it underflows.
"""
import random
import mpmath as mp

mp.mp.dps = 50
random.seed(20260101)
xs = [0.0, 5e-324, 1e-310, 1e-300, 1e-20, 2 ** -28, 1e-8, 0.25, 0.5, 0.84375, 1.0, 1.25, 2.5, 3.0, 5.9, 6.0, 10.0, 26.0, 26.5, 27.0, 27.2, 27.3]
for low, high, count in [(0, 0.25, 60), (0.25, 0.84375, 80), (0.84375, 1.25, 80), (1.25, 3, 100), (3, 6, 100), (6, 28, 100)]:
    xs += [random.uniform(low, high) for _ in range(count)]
xs += [10 ** random.uniform(-320, -1) for _ in range(40)]
print("# x erf(x) erfc(x), nearest doubles of mpmath's 50-digit values; written by make_erf_values.py")
for x in sorted(set(xs)):
    for v in (x, -x) if x != 0 else (x,):
        print(repr(v), repr(float(mp.erf(v))), repr(float(mp.erfc(v))))
