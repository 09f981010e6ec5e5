# PyTensor 2.24.2 (NumPy 1.24) values and result dtypes of some of ReductionOpTests' cases, on the same inputs
# (ReductionCases.Values): floats ((7 i) % 11 - 5) / 4, ints (7 i) % 5 - 2, bools (7 i) % 3 == 0, row-major.
# Run with /work/pyref/py reductions_reference.py > reductions_expected.json
import json
import warnings

import numpy as np
import pytensor
import pytensor.tensor as pt

warnings.simplefilter("ignore")


def values(kind, shape, dtype):
    i = np.arange(int(np.prod(shape)))
    if kind == "float":
        v = ((7 * i) % 11 - 5) / 4.0
        return v.astype(dtype).reshape(shape)
    if kind == "int":
        return ((7 * i) % 5 - 2).astype("int32").reshape(shape)
    return ((7 * i) % 3 == 0).reshape(shape)


V, M, T3 = 1, 2, 3  # ranks of inputs of unknown sizes; a tuple is a static shape
cases = {
    "ProdAll2": ("float", M, lambda x: pt.prod(x), [(3, 17), (1, 1)]),
    "ProdRows": ("float", M, lambda x: x.prod(1), [(3, 17), (33, 2)]),
    "ProdOuterKeep": ("float", T3, lambda x: pt.prod(x, axis=[0, 2], keepdims=True), [(2, 3, 17)]),
    "ProdShifted": ("float", M, lambda x: pt.prod(x + 2.0, 1), [(3, 17), (33, 2)]),
    "ProdShiftedCols": ("float", T3, lambda x: pt.prod(x + 2.0, 0), [(2, 3, 17)]),
    "ProdIntShifted": ("int", M, lambda x: pt.prod(x + 3, -1), [(3, 17)]),
    "ProdInt": ("int", M, lambda x: pt.prod(x, 1), [(3, 17), (5, 0)]),
    "ProdBool": ("bool", M, lambda x: pt.prod(x, 0), [(3, 17)]),
    "AllRows": ("float", M, lambda x: pt.all(x, 1), [(3, 17), (33, 2)]),
    "AnyInt": ("int", T3, lambda x: pt.any(x, -1, keepdims=True), [(2, 3, 17), (3, 1, 5)]),
    "ArgmaxAll3": ("float", T3, lambda x: x.argmax(), [(2, 3, 17)]),
    "ArgmaxRows": ("float", M, lambda x: x.argmax(1), [(3, 17), (33, 2)]),
    "ArgminCols": ("float", M, lambda x: pt.argmin(x, 0), [(3, 17), (33, 2)]),
    "ArgmaxOuter": ("float", T3, lambda x: pt.argmax(x, [0, 2]), [(2, 3, 17), (1, 33, 2)]),
    "ArgmaxNaN": ("float", M, lambda x: pt.argmax(pt.log(x), 1), [(3, 17), (33, 2)]),
    "ArgminNaN": ("float", M, lambda x: pt.argmin(pt.log(x), 0), [(3, 17), (33, 2)]),
    "ArgminBool": ("bool", M, lambda x: pt.argmin(x, 1), [(3, 17), (33, 2)]),
    "VarRows": ("float", M, lambda x: x.var(1), [(3, 17)]),
    "VarDdof": ("float", M, lambda x: pt.var(x, 0, ddof=1), [(3, 17), (33, 2)]),
    "VarAxesDdof": ("float", T3, lambda x: pt.var(x, [0, 2], ddof=1, keepdims=True), [(2, 3, 17), (3, 1, 5)]),
    "VarDdofStatic": ("float", (3, 17), lambda x: pt.var(x, 1, ddof=1), [(3, 17)]),
    "VarCorrected": ("float", M, lambda x: pt.var(x, 1, corrected=True), [(3, 17)]),
    "StdDdofCorrected": ("float", T3, lambda x: x.std(1, ddof=1, corrected=True), [(2, 3, 17)]),
    "VarInt": ("int", M, lambda x: pt.var(x, 1), [(3, 17)]),
    "CumSumFlat3": ("float", T3, lambda x: x.cumsum(), [(2, 3, 17)]),
    "CumSumMiddle": ("float", T3, lambda x: pt.cumsum(x, 1), [(2, 3, 17)]),
    "CumProdRows": ("float", M, lambda x: pt.cumprod(x, 1), [(3, 17)]),
    "CumSumInt": ("int", M, lambda x: pt.cumsum(x, 1), [(3, 17)]),
    "CumProdInt": ("int", M, lambda x: pt.cumprod(x, 0), [(5, 3)]),
}


def number(v):
    v = float(v)
    return v if np.isfinite(v) else repr(v).replace("nan", "NaN").replace("inf", "Infinity")


out = {}
for name, (kind, rank, f, shapes) in cases.items():
    entry = {}
    for key, fdtype in (("dtype64", "float64"), ("dtype32", "float32")):
        dtype = fdtype if kind == "float" else ("int32" if kind == "int" else "bool")
        x = pt.tensor("x", dtype=dtype, shape=rank if isinstance(rank, tuple) else (None,) * rank)
        y = f(x)
        entry[key] = str(y.dtype)
        if key == "dtype64":
            fn = pytensor.function([x], y)
            entry["runs"] = []
            for shape in shapes:
                r = np.asarray(fn(values(kind, shape, dtype)))
                entry["runs"].append({"input": list(shape), "shape": list(r.shape), "data": [number(v) for v in r.ravel()]})
    out[name] = entry
print(json.dumps(out, indent=1))
