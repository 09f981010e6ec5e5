# Expected values for JoinNumPyTests.cs and ProductNumPyTests.cs.
# Run with /work/pyref/py joins_reference.py (PyTensor 2.24.2, NumPy 1.24): each case is computed by NumPy and
# by PyTensor's own op, and both must agree before the value is printed.
import numpy as np
import pytensor
import pytensor.tensor as pt

def show(name, np_value, pt_value):
    np_value = np.asarray(np_value, dtype=np.float64)
    assert np.allclose(np_value, pt_value), name
    print(f"{name}: shape {np_value.shape} values {np_value.ravel().tolist()}")

a = np.arange(6.0).reshape(2, 3)
b = np.array([[10.0, 11.0, 12.0]])
c = np.array([[-1.0, -2.0], [-3.0, -4.0]])
show("concat rows", np.concatenate([a, b], axis=0), pt.concatenate([pt.as_tensor(a), pt.as_tensor(b)], axis=0).eval())
show("concat last axis", np.concatenate([a, c], axis=-1), pt.concatenate([pt.as_tensor(a), pt.as_tensor(c)], axis=-1).eval())
v = np.array([1.0, 2.0, 3.0]); w = np.array([4.0, 5.0, 6.0])
show("stack axis 1", np.stack([v, w], axis=1), pt.stack([pt.as_tensor(v), pt.as_tensor(w)], axis=1).eval())
show("stack axis -1 of matrices", np.stack([a, a * 2], axis=-1), pt.stack([pt.as_tensor(a), pt.as_tensor(a * 2)], axis=-1).eval())
x = np.arange(10.0).reshape(5, 2)
first, second = np.split(x, [2], axis=0)
pfirst, psecond = pt.split(pt.as_tensor(x), [2, 3], 2, axis=0)
show("split first", first, pfirst.eval())
show("split second", second, psecond.eval())
p = np.arange(24.0).reshape(2, 3, 4); q = np.arange(20.0).reshape(4, 5)
show("matmul 3x2", np.matmul(p, q), pt.matmul(pt.as_tensor(p), pt.as_tensor(q)).eval())
r = np.arange(12.0).reshape(2, 1, 3, 2) - 5; s = np.arange(16.0).reshape(4, 2, 2) / 4
show("matmul broadcast", np.matmul(r, s), pt.matmul(pt.as_tensor(r), pt.as_tensor(s)).eval())
u = np.array([1.0, -1.0, 2.0])
show("matmul vector tensor3", np.matmul(u, np.arange(24.0).reshape(2, 3, 4)), pt.matmul(pt.as_tensor(u), pt.as_tensor(np.arange(24.0).reshape(2, 3, 4))).eval())
d1 = np.arange(12.0).reshape(2, 3, 2); d2 = np.arange(12.0).reshape(3, 2, 2) - 6
show("dot tensor3 tensor3", np.dot(d1, d2), pt.dot(pt.as_tensor(d1), pt.as_tensor(d2)).eval())
show("dot tensor3 vector", np.dot(d1, np.array([2.0, -1.0])), pt.dot(pt.as_tensor(d1), pt.as_tensor(np.array([2.0, -1.0]))).eval())
t1 = np.arange(24.0).reshape(2, 3, 4); t2 = np.arange(12.0).reshape(4, 3)
show("tensordot pairs", np.tensordot(t1, t2, axes=[[1, 2], [1, 0]]), pt.tensordot(pt.as_tensor(t1), pt.as_tensor(t2), axes=[[1, 2], [1, 0]]).eval())
show("tensordot 1", np.tensordot(t1, t2, axes=1), pt.tensordot(pt.as_tensor(t1), pt.as_tensor(t2), axes=1).eval())
