"""Reference values for DigitsTrainingTests: the Digits sample's perceptron trained for one epoch in PyTensor 2.24.2.

Run with /work/pyref/py (PyTensor 2.24.2, NumPy 1.24):  py digits_pytensor.py > digits_pytensor.json
The same data (Samples/Digits/Data/digits.csv.gz, pixels / 16), split, initial weights and minibatches as the C# test:
np.random.default_rng(2024).permutation(1797) puts its first 360 rows in the test set and the rest in the training set;
the weights are np.random.default_rng(1).standard_normal((64, 32)) * (1 / sqrt(64)), then (32, 10) * (1 / sqrt(32)),
biases zero; the batches are np.random.default_rng(7).permutation(1437) cut into runs of 32 (the last one 29 rows).
"""
import gzip
import json
import os

import numpy as np
import pytensor
import pytensor.tensor as pt

HIDDEN, LEARNING_RATE, L2, BATCH = 32, 0.5, 1e-4, 32

here = os.path.dirname(os.path.abspath(__file__))
with gzip.open(os.path.join(here, "../../../Samples/Digits/Data/digits.csv.gz"), "rt") as f:
    data = np.loadtxt(f, delimiter=",")
images, labels = data[:, :64] / 16.0, data[:, 64].astype(np.int64)

order = np.random.default_rng(2024).permutation(len(labels))
test_rows, train_rows = order[:360], order[360:]
x_train, y_train, x_test = images[train_rows], labels[train_rows], images[test_rows]

rng = np.random.default_rng(1)
W1 = pytensor.shared(rng.standard_normal((64, HIDDEN)) * (1 / np.sqrt(64)), name="W1")
W2 = pytensor.shared(rng.standard_normal((HIDDEN, 10)) * (1 / np.sqrt(HIDDEN)), name="W2")
b1 = pytensor.shared(np.zeros(HIDDEN), name="b1")
b2 = pytensor.shared(np.zeros(10), name="b2")


def logits(x):
    return pt.dot(pt.tanh(pt.dot(x, W1) + b1), W2) + b2


x, y, idx = pt.dmatrix("x"), pt.lvector("y"), pt.lvector("idx")
logp = pt.special.log_softmax(logits(x[idx]), axis=1)
cost = -logp[pt.arange(idx.shape[0]), y[idx]].mean() + L2 * ((W1 ** 2).sum() + (W2 ** 2).sum())
params = [W1, b1, W2, b2]
grads = pt.grad(cost, params)
train_batch = pytensor.function([x, y, idx], cost, updates=[(p, p - LEARNING_RATE * g) for p, g in zip(params, grads)])
log_probabilities = pytensor.function([x], pt.special.log_softmax(logits(x), axis=1))
predict = pytensor.function([x], pt.special.log_softmax(logits(x), axis=1).argmax(axis=1))

first_log_probabilities = log_probabilities(x_test[:5])
permutation = np.random.default_rng(7).permutation(len(y_train))
batches = [permutation[s:s + BATCH] for s in range(0, len(y_train), BATCH)]
costs = [float(train_batch(x_train, y_train, b)) for b in batches]

json.dump({
    "pytensor": pytensor.__version__,
    "numpy": np.__version__,
    "batch_sizes": [len(b) for b in batches],
    "first_batch": permutation[:BATCH].tolist(),
    "initial_test_log_probabilities": first_log_probabilities.tolist(),
    "costs": costs,
    "W1": W1.get_value().tolist(),
    "b1": b1.get_value().tolist(),
    "W2": W2.get_value().tolist(),
    "b2": b2.get_value().tolist(),
    "test_log_probabilities": log_probabilities(x_test[:5]).tolist(),
    "test_predictions": predict(x_test).tolist(),
}, os.sys.stdout, indent=1)
print()
