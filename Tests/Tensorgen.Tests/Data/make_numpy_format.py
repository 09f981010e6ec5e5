#!/usr/bin/python3
"""Writes numpy_format.txt: arrays with NumPy 1.24's repr and str, for NumPyFormatTests.

Run with Debian's python3-numpy (apt install python3-numpy). The tests read the committed output and
never need Python. Each case is five lines: dtype, shape, values (repr of each element), repr, str;
newlines inside repr/str are written as \\n.
"""
import numpy as np

rng = np.random.default_rng(20261125)
cases = []

def add(a):
    cases.append(np.asarray(a))  # a 0-d result is a NumPy scalar; print it as a 0-d array

shapes = [(), (1,), (3,), (7,), (2, 2), (3, 4), (2, 3, 2), (40,), (5, 9), (1200,)]
for shape in shapes:
    for scale in [1.0, 1e-3, 1e3, 1e9, 1e-9]:
        add((rng.standard_normal(shape) * scale).astype(np.float64))
    add(rng.standard_normal(shape).astype(np.float32))
    add(rng.integers(-50, 50, size=shape).astype(np.int64))
    add(rng.integers(-5, 5, size=shape).astype(np.int32))
    add(rng.integers(0, 2, size=shape).astype(bool))
    add(np.round(rng.standard_normal(shape) * 4).astype(np.float64))
add(np.array([np.nan, 1.5, -np.inf]))
add(np.array([np.inf, 0.25]))
add(np.array([0.0, -0.0, 1.0]))
add(np.array([1e16, 1.0]))
add(np.array([123456.789, 0.001]))
add(np.zeros((0,)))
add(np.zeros((2, 0)))

def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")

with open("numpy_format.txt", "w") as out:
    for a in cases:
        out.write(a.dtype.name + "\n")
        out.write(",".join(str(d) for d in a.shape) + "\n")
        out.write(" ".join(repr(float(v)) if a.dtype.kind == 'f' else str(int(v)) for v in a.ravel()) + "\n")
        out.write(esc(repr(a)) + "\n")
        out.write(esc(str(a)) + "\n")
