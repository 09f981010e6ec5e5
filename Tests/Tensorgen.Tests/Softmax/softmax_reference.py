# Expected values of the softmax-family tests (SoftmaxOpTests.cs, SoftmaxStabilityTests.cs), from PyTensor 2.24.2
# (NumPy 1.24): every value is what a compiled PyTensor function (default rewrites, PYTENSOR_FLAGS='cxx=') returns.
# Run: /work/pyref/py softmax_reference.py  -> softmax_expected.json
# Shape cases: inputs are float tensors with values v(i) = ((7 i) % 11 - 5) / 4 in row-major order (as ShapeCases
# rebuilds them). "extremes": the inputs given, with values of +-1000 and infinities.
import json
import numpy as np
import pytensor
import pytensor.tensor as pt
from pytensor.tensor.special import softmax, log_softmax
from pytensor.tensor.extra_ops import to_one_hot


def values(shape):
    n = int(np.prod(shape)) if len(shape) else 1
    return (((np.arange(n) * 7) % 11 - 5) / 4.0).reshape(shape)


def var(rank):
    return pt.tensor("x", dtype="float64", shape=(None,) * rank)


M, V, T3 = 2, 1, 3
CASES = {
    "SoftmaxRows": (M, lambda x: softmax(x, axis=1), [(2, 3), (1, 1), (0, 3), (3, 17), (2, 33)]),
    "SoftmaxCols": (M, lambda x: softmax(x, axis=0), [(2, 3), (1, 5), (17, 3), (3, 0)]),
    "SoftmaxAll": (M, lambda x: softmax(x), [(2, 3), (1, 1), (5, 7)]),
    "SoftmaxVector": (V, lambda x: softmax(x), [(3,), (1,), (17,), (33,)]),
    "SoftmaxMiddle": (T3, lambda x: softmax(x, axis=1), [(2, 3, 4), (1, 17, 3), (2, 1, 33), (3, 5, 0)]),
    "SoftmaxNegative": (T3, lambda x: softmax(x, axis=-1), [(2, 3, 4), (1, 1, 17), (2, 3, 33)]),
    "LogSoftmaxRows": (M, lambda x: log_softmax(x, axis=1), [(2, 3), (1, 1), (0, 3), (3, 17), (2, 33)]),
    "LogSoftmaxCols": (M, lambda x: log_softmax(x, axis=0), [(2, 3), (1, 5), (17, 3)]),
    "LogSoftmaxAll": (M, lambda x: log_softmax(x), [(2, 3), (1, 1), (5, 7)]),
    "LogSoftmaxFirst": (T3, lambda x: log_softmax(x, axis=0), [(2, 3, 4), (17, 1, 3), (3, 2, 33)]),
    "LogSoftmaxNegative": (T3, lambda x: log_softmax(x, axis=-2), [(2, 3, 4), (1, 17, 3)]),
    "LogSumExpRows": (M, lambda x: pt.logsumexp(x, axis=1), [(2, 3), (1, 1), (0, 3), (3, 17), (2, 33)]),
    "LogSumExpCols": (M, lambda x: pt.logsumexp(x, axis=0), [(2, 3), (1, 5), (17, 3)]),
    "LogSumExpAll": (M, lambda x: pt.logsumexp(x), [(2, 3), (1, 1), (5, 7)]),
    "LogSumExpVector": (V, lambda x: pt.logsumexp(x), [(3,), (1,), (33,)]),
    "LogSumExpKeep": (M, lambda x: pt.logsumexp(x, axis=1, keepdims=True), [(2, 3), (3, 17)]),
    "LogSumExpOuter": (T3, lambda x: pt.logsumexp(x, axis=(0, 2)), [(2, 3, 4), (1, 17, 3), (3, 2, 1)]),
    "LogSumExpOuterKeep": (T3, lambda x: pt.logsumexp(x, axis=(0, 2), keepdims=True), [(2, 3, 4), (3, 2, 17)]),
    "LogSumExpLastTwo": (T3, lambda x: pt.logsumexp(x, axis=(-2, -1)), [(2, 3, 4), (1, 17, 3), (0, 2, 3)]),
    "LogSumExpMiddle": (T3, lambda x: pt.logsumexp(x, axis=1), [(2, 3, 4), (2, 17, 3)]),
    "LogSumExpByHand": (M, lambda x: pt.log(pt.sum(pt.exp(x), axis=1)), [(2, 3), (3, 17)]),
    "LogSumExpByHandOuter": (T3, lambda x: pt.log(pt.sum(pt.exp(x), axis=(0, 2))), [(2, 3, 4), (3, 2, 5)]),
    "LogOfSoftmax": (M, lambda x: pt.log(softmax(x, axis=1)), [(2, 3), (3, 17)]),
}

# Inputs with extreme values, by name: (function of the inputs, inputs).
INF = np.inf
EXTREMES = {
    "Rows": ([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1000.0, 1000.0, 999.0], [1.0, 2.0, 3.0]],),
    "Infinite": ([[-INF, -INF, -INF], [INF, 0.0, 1.0], [-INF, 0.0, 1.0]],),
}


def encode(v):
    """A value for JSON that System.Text.Json reads: non-finite ones as the strings "nan", "inf", "-inf"."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [encode(e) for e in v]
    v = float(v)
    return "nan" if np.isnan(v) else ("inf" if v == INF else "-inf") if np.isinf(v) else v


def run(rank, f, shapes):
    x = var(rank)
    fn = pytensor.function([x], f(x))
    out = []
    for shape in shapes:
        try:
            y = np.asarray(fn(values(shape)))
        except ValueError as e:
            assert "zero-size array" in str(e), e
            out.append({"inputs": [{"shape": list(shape)}], "error": str(e).splitlines()[0], "shape": [], "data": []})
            continue
        out.append({"inputs": [{"shape": list(shape)}], "shape": list(y.shape), "data": [float(v) for v in y.reshape(-1)]})
    return out


def extremes():
    x = pt.dmatrix("x")
    y = pt.lvector("y")
    onehot = pt.dmatrix("onehot")
    result = {}
    for name, (data,) in EXTREMES.items():
        a = np.array(data)
        fn = pytensor.function([x], [softmax(x, axis=1), log_softmax(x, axis=1), pt.logsumexp(x, axis=1),
                                     pt.log(softmax(x, axis=1)), pt.log(pt.sum(pt.exp(x), axis=1))])
        result[name] = {"x": encode(data), "outputs": [encode(np.asarray(o)) for o in fn(a)]}
    # The softmax cross-entropy at logits of +-1000 (rows of "Rows"): by index and by one-hot, with gradients.
    a = np.array(EXTREMES["Rows"][0])
    classes = np.array([1, 0, 2, 2])
    by_index = -pt.log(softmax(x, axis=1)[pt.arange(x.shape[0]), y])
    by_onehot = -pt.sum(onehot * pt.log(softmax(x, axis=1)), axis=1)
    fn = pytensor.function([x, y, onehot], [by_index, pytensor.grad(by_index.sum(), x), by_onehot, pytensor.grad(by_onehot.sum(), x), to_one_hot(y, 3)])
    outs = fn(a, classes, np.eye(3)[classes])
    result["CrossEntropy"] = {"x": encode(a), "y": classes.tolist(), "outputs": [encode(np.asarray(o)) for o in outs]}
    return result


if __name__ == "__main__":
    result = {name: run(rank, f, shapes) for name, (rank, f, shapes) in CASES.items()}
    result["extremes"] = extremes()
    with open(__file__.replace("softmax_reference.py", "softmax_expected.json"), "w") as fh:
        fh.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in result.items()) + "\n}\n")
    print(len(result), "cases")
