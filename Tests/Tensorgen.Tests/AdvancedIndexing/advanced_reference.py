# Expected values of the advanced indexing tests (TakeTests.cs, AdvancedIndexTests.cs), printed by NumPy 1.24.
# Run: /work/pyref/py advanced_reference.py   (NumPy 1.24, PyTensor 2.24.2)
import numpy as np

x = np.arange(12.0).reshape(3, 4)
print("take rows", np.take(x, [2, 0, -1, 2], axis=0).ravel().tolist())
print("take cols f32 * 2", (np.take(x.astype(np.float32), [-4, 3, 1], axis=-1) * 2).ravel().tolist())
print("take flat", np.take(x, [[11, -12], [5, 0]]).ravel().tolist())
try:
    np.take(x, [0, 3], axis=0)
except IndexError as e:
    print("take out of range:", e)

# x[idx], x[idx, j], x[:, idx], several arrays broadcast together, masks
print("x[[2,0,-1]]", x[[2, 0, -1]].ravel().tolist())
print("x[[2,0,-1], 1]", x[[2, 0, -1], 1].tolist())
print("x[:, [3,-1,0]]", x[:, [3, -1, 0]].ravel().tolist())
print("x[[[0],[2]], [1,3]]", x[[[0], [2]], [1, 3]].ravel().tolist(), x[[[0], [2]], [1, 3]].shape)
print("x[x > 4]", x[x > 4].tolist())
print("x[[True, False, True]]", x[np.array([True, False, True])].ravel().tolist())
t = np.arange(24.0).reshape(2, 3, 4)
print("t[:, [2, 0]]", t[:, [2, 0]].ravel().tolist(), t[:, [2, 0]].shape)
print("t[[1, 0], [2, -1]]", t[[1, 0], [2, -1]].ravel().tolist(), t[[1, 0], [2, -1]].shape)

# inc_subtensor / set_subtensor: np.add.at accumulates repeated indices, assignment keeps the last write
v = np.arange(5.0)
a = v.copy(); np.add.at(a, [1, 3, 1, -1], [10.0, 20.0, 30.0, 40.0]); print("inc v[[1,3,1,-1]]", a.tolist())
s = v.copy(); s[[1, 3, 1, -1]] = [10.0, 20.0, 30.0, 40.0]; print("set v[[1,3,1,-1]]", s.tolist())
m = x.copy(); np.add.at(m, [0, 0, 2], np.array([1.0, 2.0, 3.0, 4.0])); print("inc x[[0,0,2]] row", m.ravel().tolist())
m = x.copy(); m[x > 4] = 0; print("set x[x > 4] = 0", m.ravel().tolist())

import pytensor, pytensor.tensor as pt
xv = pt.dvector("x"); iv = pt.lvector("i"); yv = pt.dvector("y")
f = pytensor.function([xv, iv, yv], pt.inc_subtensor(xv[iv], yv))
print("pytensor inc_subtensor", f(v, [1, 3, 1, -1], [10.0, 20.0, 30.0, 40.0]).tolist())
