# Expected values of basic indexing for IndexingValueTests, computed by NumPy (1.24, run with /work/pyref/py numpy_indexing.py
# > numpy_indexing.txt). Each case: a name, the C# graph expression, the NumPy expression it mirrors, the shape of x
# (values 0.5*i - 3 in row-major order), y's shape ('-' for none; values 10 + i) and n (an int64 scalar input, '-' for none).
# Output lines: name | csharp | x shape | y shape | n | result shape | values.
import numpy as np

CASES = [
    ("V0", "x[0]", "x[0]", (5,), None, None),
    ("VLast", "x[^1]", "x[-1]", (5,), None, None),
    ("VInner", "x[1..^1]", "x[1:-1]", (5,), None, None),
    ("VReverse", "x[Slice(null, null, -1)]", "x[::-1]", (5,), None, None),
    ("VStep2", "x[Slice(null, null, 2)]", "x[::2]", (7,), None, None),
    ("VDown3", "x[Slice(5, 0, -3)]", "x[5:0:-3]", (7,), None, None),
    ("VClamped", "x[Slice(-100, 100)]", "x[-100:100]", (5,), None, None),
    ("VClampedDown", "x[Slice(100, -100, -2)]", "x[100:-100:-2]", (5,), None, None),
    ("VEmpty", "x[3..1]", "x[3:1]", (5,), None, None),
    ("VNegStart", "x[Slice(-3, null)]", "x[-3:]", (5,), None, None),
    ("VNegBoth", "x[Slice(-2, -6, -1)]", "x[-2:-6:-1]", (5,), None, None),
    ("VOdd", "x[Slice(1, null, 3)]", "x[1::3]", (37,), None, None),
    ("VOddTail", "x[3..]", "x[3:]", (37,), None, None),
    ("VNone", "x[3..]", "x[3:]", (0,), None, None),
    ("VNewAxis", "x[NewAxis]", "x[None]", (4,), None, None),
    ("VColumn", "x[.., NewAxis]", "x[:, None]", (4,), None, None),
    ("MRow", "x[1]", "x[1]", (3, 4), None, None),
    ("MCol", "x[.., 1]", "x[:, 1]", (3, 4), None, None),
    ("MInnerCol", "x[1..^1, 0]", "x[1:-1, 0]", (4, 3), None, None),
    ("MCols", "x[.., 1..]", "x[:, 1:]", (3, 4), None, None),
    ("MColumnNew", "x[.., NewAxis]", "x[:, None]", (3, 4), None, None),
    ("MElement", "x[2, ^1]", "x[2, -1]", (3, 4), None, None),
    ("MBothReversed", "x[Slice(null, null, -1), Slice(null, null, -2)]", "x[::-1, ::-2]", (3, 5), None, None),
    ("MOdd", "x[2..^3, Slice(null, null, -1)]", "x[2:-3, ::-1]", (9, 17), None, None),
    ("MEmptyRows", "x[.., 0]", "x[:, 0]", (0, 3), None, None),
    ("MOne", "x[0, ..]", "x[0, :]", (1, 1), None, None),
    ("MAll", "x[..]", "x[:]", (2, 3), None, None),
    ("TEllipsis", "x[Ellipsis, 0]", "x[..., 0]", (2, 3, 4), None, None),
    ("TMiddle", "x[.., 1, Slice(1, null, 2)]", "x[:, 1, 1::2]", (2, 3, 5), None, None),
    ("TNewMiddle", "x[0, NewAxis, .., ^2]", "x[0, None, :, -2]", (2, 3, 4), None, None),
    ("TEllipsisFirst", "x[1, Ellipsis]", "x[1, ...]", (2, 3, 4), None, None),
    # Bounds and positions given at run time.
    ("SUpTo", "x[..n]", "x[:n]", (5,), None, 3),
    ("SUpToPast", "x[..n]", "x[:n]", (5,), None, 9),
    ("SPosition", "x[n]", "x[n]", (3, 4), None, 2),
    ("SNegative", "x[n]", "x[n]", (3, 4), None, -3),
    ("SNegated", "x[-n]", "x[-n]", (5,), None, 2),
    ("SShape", "x[1..x.Shape[0]]", "x[1:x.shape[0]]", (4, 2), None, None),
    ("SDown", "x[Slice(n, null, -1)]", "x[n::-1]", (6,), None, 3),
    ("SDownNeg", "x[Slice(n, null, -2)]", "x[n::-2]", (6,), None, -2),
    ("SColumns", "x[.., (n - 1)..]", "x[:, n - 1:]", (3, 5), None, 3),
    # Views (a contiguous region: rows, a leading slice) read by other ops, at offsets known at build time or not.
    ("USquaredRow", "x[1] * x[1] * 2", "x[1] * x[1] * 2", (3, 4), None, None),
    ("USumTail", "Sum(x[1..])", "np.sum(x[1:])", (4, 3), None, None),
    ("URowPlusRow", "x[0] + x[^1]", "x[0] + x[-1]", (3, 5), None, None),
    ("URowsTimesRow", "x[1..3] * x[0]", "x[1:3] * x[0]", (4, 5), None, None),
    ("UNested", "x[1][2..] * 3", "x[1][2:] * 3", (3, 4, 5), None, None),
    ("UPositionThenSlice", "x[1, 2..] - 1", "x[1, 2:] - 1", (2, 4, 3), None, None),
    ("UFlattened", "x[1..3].Flatten() + 1", "x[1:3].flatten() + 1", (4, 3), None, None),
    ("UTransposed", "x[1..].T * 1", "x[1:].T * 1", (3, 4), None, None),
    ("UDot", "Dot(x[0], x[1..].T)", "np.dot(x[0], x[1:].T)", (3, 4), None, None),
    ("UElementOfRow", "x[1][2] + x[2, ..][0]", "x[1][2] + x[2, :][0]", (3, 4), None, None),
    ("UEmpty", "x[3..] + 1", "x[3:] + 1", (3, 2), None, None),
    ("UOfIntermediate", "(x * 2)[1] + 1", "(x * 2)[1] + 1", (3, 4), None, None),
    ("UPositionN", "x[n] * x[n] + x[0]", "x[n] * x[n] + x[0]", (3, 4), None, 2),
    ("UPositionNegative", "x[n] * 2", "x[n] * 2", (3, 4), None, -1),
    ("UTailN", "x[n..] * 2", "x[n:] * 2", (5, 4), None, 2),
    ("UComputedPosition", "x[n * 2 - 1] + x[n]", "x[n * 2 - 1] + x[n]", (5, 2), None, 2),
    ("UPositionFromReduction", "x[Sum(Arange(n))] * 2", "x[np.sum(np.arange(n))] * 2", (5, 4), None, 3),
    # Writes into an index (NumPy: z = x.copy(); z[index] = y, or += y).
    ("WSetRows", "x[1..].Set(y)", "=x[1:]", (3, 4), (4,), None),
    ("WIncCol", "IncSubtensor(x[.., 0], y)", "+x[:, 0]", (3, 4), (3,), None),
    ("WSetReversed", "SetSubtensor(x[Slice(null, null, -2)], y)", "=x[::-2]", (5,), (3,), None),
    ("WIncElement", "x[1, ^1].Inc(y)", "+x[1, -1]", (3, 4), (), None),
    ("WSetBroadcast", "x[.., 1..3].Set(y)", "=x[:, 1:3]", (3, 4), (3, 1), None),
    ("WIncSymbolic", "x[..n].Inc(y)", "+x[:n]", (5,), (1,), 3),
    ("WSetEmpty", "x[3..1].Set(y)", "=x[3:1]", (5,), (1,), None),
    ("WIncOdd", "x[Slice(1, null, 2)].Inc(y)", "+x[1::2]", (37,), (18,), None),
]


def text(values):
    return " ".join(repr(float(v)) for v in np.asarray(values, dtype=np.float64).ravel())


for name, csharp, numpy, shape, yshape, n in CASES:
    x = (np.arange(int(np.prod(shape)), dtype=np.float64) * 0.5 - 3).reshape(shape)
    y = None if yshape is None else (np.arange(int(np.prod(yshape)), dtype=np.float64) + 10).reshape(yshape)
    if numpy[0] in "=+":
        z = x.copy()
        region = numpy[1:].replace("x", "z", 1)
        exec(f"{region} {'=' if numpy[0] == '=' else '+='} y")
        result = z
    else:
        result = eval(numpy)
    result = np.asarray(result)
    dims = lambda s: "-" if s is None else ",".join(str(d) for d in s) or "()"
    print(f"{name} | {csharp} | {dims(shape)} | {dims(yshape)} | {'-' if n is None else n} | {dims(result.shape)} | {text(result)}")
