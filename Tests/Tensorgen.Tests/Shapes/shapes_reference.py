# Expected values of the shape and constructor tests (ShapeOpTests.cs), from NumPy.
# Run: /work/pyref/py shapes_reference.py  (NumPy 1.24.2, PyTensor 2.24.2) -> shapes_expected.json
# Each case's inputs: a shape (a float tensor with values v(i) = ((7 i) % 11 - 5) / 4 in row-major order,
# exact in float32 and float64) or an int (an int scalar input). The C# side rebuilds the same inputs.
import json
import numpy as np


def values(shape):
    n = int(np.prod(shape)) if len(shape) else 1
    return (((np.arange(n) * 7) % 11 - 5) / 4.0).reshape(shape)


def trace(x):
    return np.trace(x)


CASES = {
    # Reshape and Flatten
    "ReshapeMinus": (lambda x: x.reshape(-1, 2), [[(2, 3)], [(4, 1)], [(0, 4)], [(3, 6)]]),
    "ReshapeSizes": (lambda x: x.reshape(x.shape[1], x.shape[0]), [[(2, 3)], [(1, 5)], [(5, 7)], [(0, 3)]]),
    "ReshapeInput": (lambda x, n: x.reshape(n, -1) * 2.0, [[(6,), 3], [(12,), 4], [(0,), 2], [(17,), 1]]),
    "ReshapeStatic": (lambda x: x.reshape(3, 2) + 1.0, [[(2, 3)]]),
    "ReshapeThenAdd": (lambda x, y: x.reshape(y.shape) + y, [[(6,), (2, 3)], [(35,), (5, 7)]]),
    "FlattenAll": (lambda x: x.flatten(), [[(2, 3, 4)], [(0, 2, 3)], [(1, 1, 1)], [(3, 5, 7)]]),
    "Flatten2": (lambda x: x.reshape(x.shape[0], -1), [[(2, 3, 4)], [(3, 1, 5)], [(2, 0, 3)]]),
    # Dimshuffle, ExpandDims, Squeeze, Transpose
    "DimshuffleCol": (lambda x: x[:, None], [[(3,)], [(1,)], [(0,)], [(17,)]]),
    "DimshufflePermute": (lambda x: np.transpose(x, (2, 0, 1)), [[(2, 3, 4)], [(1, 5, 3)], [(3, 0, 2)]]),
    "DimshuffleDrop": (lambda x: x[:, 0] * 1.0, [[(3, 1)], [(17, 1)]]),
    "ExpandMiddle": (lambda x: np.expand_dims(x, 1), [[(2, 3)], [(0, 4)]]),
    "ExpandLast": (lambda x: np.expand_dims(x, -1) + 0.0, [[(2, 3)], [(5, 7)]]),
    "SqueezeAll": (lambda x: np.squeeze(x), [[(1, 3, 1)], [(1, 17, 1)]]),
    "SqueezeFirst": (lambda x: np.squeeze(x, 0), [[(1, 3, 1)], [(1, 0, 1)]]),
    "TransposeAxes": (lambda x: np.transpose(x, (1, 2, 0)), [[(2, 3, 4)], [(1, 5, 3)]]),
    "TransposeReverse": (lambda x: np.transpose(x) * 1.0, [[(2, 3, 4)], [(3, 1, 5)]]),
    # SpecifyShape, Shape
    "Specified": (lambda x: x + 1.0, [[(3, 2)], [(3, 0)], [(3, 17)]]),
    "ShapeOf": (lambda x: np.array(x.shape, dtype=np.int64), [[(2, 3, 4)], [(0, 1, 5)]]),
    # Constructors
    "ZerosOf": (lambda x: np.zeros((x.shape[1], x.shape[0])), [[(2, 3)], [(0, 4)], [(5, 7)]]),
    "OnesN": (lambda n: np.ones((n, 2)), [[3], [0], [17]]),
    "FullN": (lambda n: np.full((n,), 2.5), [[4], [0], [9]]),
    "FullStatic": (lambda: np.full((2, 3), -1.5), [[]]),
    "Likes": (lambda x: np.zeros_like(x) + 2 * np.ones_like(x) + np.full_like(x, 3.0) + x, [[(2, 3)], [(0, 3)], [(5, 7)]]),
    "EyeN": (lambda n: np.eye(n), [[3], [1], [0], [9]]),
    "EyeNMK": (lambda n, m, k: np.eye(n, m, k), [[3, 4, 1], [4, 3, -2], [2, 2, 5], [5, 7, 0], [3, 3, -3]]),
    "EyeStatic": (lambda: np.eye(3, 4, 1) * 2.0, [[]]),
    # Composites
    "OuterVectors": (lambda a, b: np.outer(a, b), [[(3,), (4,)], [(0,), (2,)], [(1,), (17,)]]),
    "OuterMatrix": (lambda a, b: np.outer(a, b), [[(2, 3), (4,)], [(1, 2), (3,)]]),
    "TileMatrix": (lambda x: np.tile(x, (2, 3)), [[(2, 3)], [(1, 1)], [(0, 2)], [(3, 5)]]),
    "TileVector": (lambda x: np.tile(x, (2, 2)), [[(3,)], [(1,)]]),
    "TileShort": (lambda x: np.tile(x, 3), [[(2, 3)], [(2, 0)]]),
    "RepeatRows": (lambda x: np.repeat(x, 2, axis=0), [[(2, 3)], [(0, 3)], [(5, 7)]]),
    "RepeatCols": (lambda x: np.repeat(x, 3, axis=1), [[(2, 3)], [(1, 17)]]),
    "RepeatFlat": (lambda x: np.repeat(x, 2), [[(2, 3)], [(0, 2)]]),
    "DiagonalMain": (lambda x: np.diagonal(x) * 1.0, [[(3, 3)], [(2, 4)], [(5, 2)], [(0, 3)], [(1, 1)]]),
    "DiagonalUpper": (lambda x: np.diagonal(x, 1) * 1.0, [[(3, 3)], [(2, 4)], [(5, 2)], [(3, 1)]]),
    "DiagonalLower": (lambda x: np.diagonal(x, -1) * 1.0, [[(3, 3)], [(2, 4)], [(5, 2)], [(1, 3)]]),
    "Diagonal3": (lambda x: np.diagonal(x, 0, 1, 2) * 1.0, [[(2, 3, 3)], [(3, 2, 4)], [(0, 2, 2)]]),
    "Diagonal3Outer": (lambda x: np.diagonal(x, 1, 0, 2) * 1.0, [[(3, 2, 4)], [(4, 3, 2)]]),
    "TraceMatrix": (lambda x: np.trace(x) + 0.0, [[(3, 3)], [(2, 4)], [(5, 2)], [(0, 0)], [(1, 1)]]),
}


def run(name, f, runs):
    out = []
    for r in runs:
        args = [values(a) if isinstance(a, tuple) else a for a in r]
        y = np.asarray(f(*args))
        out.append({
            "inputs": [{"shape": list(a)} if isinstance(a, tuple) else {"int": a} for a in r],
            "shape": list(y.shape),
            "data": [float(v) for v in y.reshape(-1)],
        })
    return out


if __name__ == "__main__":
    result = {name: run(name, f, runs) for name, (f, runs) in CASES.items()}
    with open(__file__.replace("shapes_reference.py", "shapes_expected.json"), "w") as fh:
        fh.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in result.items()) + "\n}\n")
    print(len(result), "cases")
