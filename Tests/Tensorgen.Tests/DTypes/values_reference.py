# PyTensor 2.24.2 (NumPy 1.24): values and dtypes of graphs over int8, int16, uint8 and bool, written to
# values_expected.json for ValueTests (which has the same cases in C#). Run with
# /work/pyref/py values_reference.py > values_expected.json
import json, warnings
import numpy as np
import pytensor
import pytensor.tensor as pt

warnings.simplefilter("ignore")

def v(name, dtype):
    return pt.vector(name, dtype=dtype)

CASES = {
    # name: (inputs as (name, dtype, values), output builder)
    "I8AddOne": ([("x", "int8", [127, -128, 5, 0])], lambda x: x + 1),
    "I8MulTwo": ([("x", "int8", [100, -100, 64, 3])], lambda x: x * 2),
    "I8Neg": ([("x", "int8", [-128, 127, 0, -5])], lambda x: -x),
    "I8Abs": ([("x", "int8", [-128, 127, 0, -5])], lambda x: abs(x)),
    "I8IntDivZero": ([("x", "int8", [5, -5, 127, 0])], lambda x: x // 0),
    "I8IntDiv": ([("x", "int8", [7, -7, -128, 127])], lambda x: x // 2),
    "I8Mod": ([("x", "int8", [-7, 7, -128, 127])], lambda x: x % 3),
    "U8SubOne": ([("u", "uint8", [0, 255, 10])], lambda u: u - 1),
    "U8Neg": ([("u", "uint8", [0, 1, 255, 128])], lambda u: -u),
    "U8AddU8": ([("u", "uint8", [200, 255, 1]), ("t", "uint8", [100, 1, 1])], lambda u, t: u + t),
    "U8AddI8": ([("u", "uint8", [255, 200, 0]), ("x", "int8", [127, -128, -1])], lambda u, x: u + x),
    "I16Sqr": ([("w", "int16", [300, -300, 32767, 181])], lambda w: w * w),
    "I16PlusLiteral": ([("w", "int16", [32767, -32768, 0])], lambda w: w + 40000),
    "I8PlusI16": ([("x", "int8", [127, -128, 1]), ("w", "int16", [32767, 1000, -1])], lambda x, w: x + w),
    "BoolAddOne": ([("b", "bool", [True, False])], lambda b: b + 1),
    "BoolAddBool": ([("b", "bool", [True, True, False, False]), ("c", "bool", [True, False, True, False])], lambda b, c: b + c),
    "BoolMulBool": ([("b", "bool", [True, True, False, False]), ("c", "bool", [True, False, True, False])], lambda b, c: b * c),
    "BoolPowBool": ([("b", "bool", [True, True, False, False]), ("c", "bool", [True, False, True, False])], lambda b, c: b ** c),
    "BoolMaxBool": ([("b", "bool", [True, True, False, False]), ("c", "bool", [True, False, True, False])], lambda b, c: pt.maximum(b, c)),
    "BoolTimesF32": ([("b", "bool", [True, False]), ("f", "float32", [1.5, 2.5])], lambda b, f: b * f),
    "BoolDivBool": ([("b", "bool", [True, False]), ("c", "bool", [True, True])], lambda b, c: b / c),
    "CompareAddOne": ([("x", "int8", [-3, 0, 4])], lambda x: (x > 0) + 1),
    "I8Exp": ([("x", "int8", [0, 1, -2, 10])], lambda x: pt.exp(x)),
    "I8TrueDiv": ([("x", "int8", [7, -7, 1]), ("y", "int8", [2, 2, 3])], lambda x, y: x / y),
    "I8TimesHalf": ([("x", "int8", [7, -7, 1])], lambda x: x * 0.5),
    "I32PlusF32": ([("i", "int32", [16777217, 1, -3]), ("f", "float32", [0.5, 0.25, 1.0])], lambda i, f: i + f),
    "I8PlusF32": ([("x", "int8", [127, -128, 3]), ("f", "float32", [0.5, 0.25, 1.0])], lambda x, f: x + f),
    "CastF64ToI8": ([("d", "float64", [300.0, -1.5, 127.9, -129.0, 1.5])], lambda d: pt.cast(d, "int8")),
    "CastI8ToU8": ([("x", "int8", [-1, -128, 5, 127])], lambda x: pt.cast(x, "uint8")),
    "CastI16ToI8": ([("w", "int16", [300, -129, 128, 5])], lambda w: pt.cast(w, "int8")),
    "CastU8ToBool": ([("u", "uint8", [0, 1, 255])], lambda u: pt.cast(u, "bool")),
    "I8MaxU8": ([("x", "int8", [-1, 5, 127]), ("u", "uint8", [255, 4, 0])], lambda x, u: pt.maximum(x, u)),
    "I8Lt": ([("x", "int8", [-1, 5, 127]), ("y", "int8", [0, 5, -128])], lambda x, y: x < y),
    "I8Sum": ([("x", "int8", [127, 127, 127, -1])], lambda x: x.sum()),
    "I8Max": ([("x", "int8", [-128, 5, -3])], lambda x: x.max()),
    "U8Min": ([("u", "uint8", [200, 5, 255])], lambda u: u.min()),
    "I8Pow": ([("x", "int8", [2, 3, -2, 5]), ("y", "int8", [7, 5, 7, 3])], lambda x, y: x ** y),
    "FoldedI8": ([], lambda: pt.constant(np.int8(127)) + pt.constant(np.int8(1))),
}

out = {}
for name, (inputs, build) in CASES.items():
    variables = [v(n, d) for n, d, _ in inputs]
    y = build(*variables)
    f = pytensor.function(variables, y)
    r = np.asarray(f(*[np.asarray(vals, dtype=d) for _, d, vals in inputs]))
    out[name] = {
        "inputs": [{"name": n, "dtype": d, "data": [float(x) for x in vals]} for n, d, vals in inputs],
        "dtype": str(r.dtype),
        "shape": list(r.shape),
        "data": [float(x) if np.isfinite(x) else str(x) for x in r.astype("float64").ravel()],
    }
print(json.dumps(out, indent=1))
