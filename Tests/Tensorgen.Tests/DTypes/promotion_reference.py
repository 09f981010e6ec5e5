# PyTensor 2.24.2 (NumPy 1.24): the result dtype of every (op, dtype a, dtype b or Python literal) combination,
# written to promotion_expected.json. PromotionTests compiles each combination and asserts the same dtype.
# Run with /work/pyref/py promotion_reference.py > promotion_expected.json
import json, warnings
import pytensor.tensor as pt

warnings.simplefilter("ignore")
DTYPES = ["bool", "int8", "int16", "uint8", "int32", "int64", "float32", "float64"]
# C# literals as the Python numbers they stand for (int, long and double literals; 0.5 and 0.1 differ in float32).
LITERALS = [1, 300, 40000, 3000000000, 0.5, 0.1]
BINARY = {
    "Add": lambda a, b: a + b,
    "Sub": lambda a, b: a - b,
    "Mul": lambda a, b: a * b,
    "TrueDiv": lambda a, b: a / b,
    "IntDiv": lambda a, b: a // b,
    "Mod": lambda a, b: a % b,
    "Pow": lambda a, b: a ** b,
    "Maximum": pt.maximum,
    "Minimum": pt.minimum,
    "Lt": lambda a, b: a < b,
    "Switch": lambda a, b: pt.switch(pt.scalar("c", dtype="bool"), a, b),
}
UNARY = {
    "Neg": lambda a: -a,
    "Abs": abs,
    "Sqr": pt.sqr,
    "Sign": pt.sign,
    "Exp": pt.exp,
    "Sqrt": pt.sqrt,
}

def result(f, *args):
    try:
        return f(*args).dtype
    except Exception as e:  # PyTensor refuses the combination
        return "error"

rows = []
for op, f in BINARY.items():
    for a in DTYPES:
        x = pt.vector("x", dtype=a)
        for b in DTYPES:
            rows.append({"op": op, "a": a, "b": b, "result": result(f, x, pt.vector("y", dtype=b))})
        for lit in LITERALS:
            rows.append({"op": op, "a": a, "b": repr(lit), "result": result(f, x, lit)})
for op, f in UNARY.items():
    for a in DTYPES:
        rows.append({"op": op, "a": a, "b": None, "result": result(f, pt.vector("x", dtype=a))})
print(json.dumps(rows, indent=0))
