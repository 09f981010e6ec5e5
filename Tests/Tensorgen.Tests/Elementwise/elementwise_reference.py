# PyTensor 2.24.2 (NumPy 1.24, SciPy): values of issue 13's element-wise ops and stabilizations, written to
# elementwise_expected.json for ElementwiseNumPyTests. Run with /work/pyref/py elementwise_reference.py.
# Floats are written as strings (repr, "NaN", "Infinity", "-Infinity") so that NaN, infinities and -0.0 survive JSON.
import json
import numpy as np
import pytensor
import pytensor.tensor as pt

SPECIAL = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e-20, 1e300, -1e300, float("nan"), float("inf"), float("-inf")]
UNIT = [0.0, -0.0, 0.25, -0.75, 1.0, -1.0, 1e-20, 1.5, float("nan")]
POSITIVE = [1.0, 2.0, 8.0, 0.1, 1e-20, 1e-310, 3.5, 1e300, 0.0, -1.0, float("nan"), float("inf")]
ABOVE_ONE = [1.0, 1.0000001, 2.0, 10.0, 1e10, 0.5, float("nan"), float("inf")]
GAMMA = [1.0, 2.0, 0.5, 3.5, 10.0, 100.5, 1e-8, -0.5, -2.5, 0.0, -1.0, float("inf"), float("nan")]
EXTREME = [800.0, -800.0, 1e-20, -1e-20, 0.0, 30.0, -30.0, 1.0]
SMALL = [1e-20, -1e-20, 1e-10, 0.5, -0.5, 700.0, -700.0, 0.0]

def enc(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)

cases = {
    "Floor": (pt.floor, SPECIAL), "Ceil": (pt.ceil, SPECIAL), "Round": (pt.round, SPECIAL), "Trunc": (pt.trunc, SPECIAL),
    "Sign": (pt.sign, SPECIAL), "IsNan": (pt.isnan, SPECIAL), "IsInf": (pt.isinf, SPECIAL), "Reciprocal": (pt.reciprocal, SPECIAL),
    "Exp2": (pt.exp2, SPECIAL), "Log2": (pt.log2, POSITIVE), "Log10": (pt.log10, POSITIVE), "Tan": (pt.tan, SPECIAL),
    "Arcsin": (pt.arcsin, UNIT), "Arccos": (pt.arccos, UNIT), "Arctan": (pt.arctan, SPECIAL), "Sinh": (pt.sinh, SPECIAL),
    "Cosh": (pt.cosh, SPECIAL), "Arcsinh": (pt.arcsinh, SPECIAL), "Arccosh": (pt.arccosh, ABOVE_ONE), "Arctanh": (pt.arctanh, UNIT),
    "Gammaln": (pt.gammaln, GAMMA), "Digamma": (pt.digamma, GAMMA), "TriGamma": (pt.tri_gamma, GAMMA),
    "ClipUnit": (lambda x: pt.clip(x, -1.0, 1.0), SPECIAL),
    "LogOnePlusExp": (lambda x: pt.log(1 + pt.exp(x)), EXTREME), "Log1pExp": (lambda x: pt.log1p(pt.exp(x)), EXTREME),
    "ExpMinusOne": (lambda x: pt.exp(x) - 1, SMALL), "LogOnePlus": (lambda x: pt.log(1 + x), SMALL),
}
grads = {"LogOnePlusExp", "Log1pExp", "ExpMinusOne", "LogOnePlus"}

out = {}
for dtype in ["float64", "float32"]:
    for name, (f, values) in cases.items():
        x = pt.vector("x", dtype=dtype)
        y = f(x)
        outputs = [y]
        if name in grads:
            outputs.append(pytensor.grad(y.sum(), x))
        fn = pytensor.function([x], outputs)
        with np.errstate(all="ignore"):
            data = np.array(values, dtype=dtype)
            results = fn(data)
        entry = {"input": [enc(v) for v in data], "output": [enc(v) for v in results[0]], "dtype": str(results[0].dtype)}
        if name in grads:
            entry["grad"] = [enc(v) for v in results[1]]
        out[f"{name}/{dtype}"] = entry

with open("elementwise_expected.json", "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
print(len(out), "cases")
