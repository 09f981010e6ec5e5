# PyTensor 2.24.2: gradients of prod with zeros in the reduced groups (PyTensor's zero-safe Prod.L_op) and of cumprod
# (PyTensor's formula, which divides by x). Run with /work/pyref/py gradients_reference.py > gradients_expected.json
import json
import warnings

import numpy as np
import pytensor
import pytensor.tensor as pt

warnings.simplefilter("ignore")
x = pt.matrix("x")
rows = np.array([[2.0, 0.0, 3.0], [0.0, 0.0, 4.0], [1.0, 2.0, 3.0], [0.5, -4.0, 2.0]])
cases = {
    "ProdRows": (pt.sum(pt.prod(x, 1) * pt.arange(1, 5)), rows),
    "ProdAll": (pt.prod(x), np.array([[0.0, 2.0], [3.0, 4.0]])),
    "ProdCols": (pt.sum(pt.prod(x, 0)), rows),
    "CumProdRows": (pt.sum(pt.cumprod(x, 1)), np.array([[2.0, 3.0, 0.5], [1.0, 4.0, -2.0]])),
    "CumProdZero": (pt.sum(pt.cumprod(x, 1)), np.array([[2.0, 0.0, 3.0], [1.0, 4.0, 0.0]])),
    "ArgmaxOnly": (pt.sum(pt.argmax(x, 1) * 1.0) + pt.sum(pt.cast(pt.any(x, 0), "float64")), rows),
}


def number(v):
    v = float(v)
    return v if np.isfinite(v) else repr(v).replace("nan", "NaN").replace("inf", "Infinity")


out = {}
for name, (cost, value) in cases.items():
    g = pytensor.function([x], pt.grad(cost, x))(value)
    out[name] = {"input": [number(v) for v in value.ravel()], "shape": list(value.shape), "grad": [number(v) for v in g.ravel()]}
print(json.dumps(out, indent=1))
