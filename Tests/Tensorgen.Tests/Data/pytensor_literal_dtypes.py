# The dtypes PyTensor 2.24.2 gives a tensor meeting a Python number (its autocast of literals), the
# reference for EvaluationSemanticsTests.Literals_take_the_dtype_PyTensor_gives_them.
# Run: PYTHONPATH=<pytensor>:<etuples>:<unification>:<kanren>:<cons> PYTENSOR_FLAGS='cxx=' /usr/bin/python3 pytensor_literal_dtypes.py
import numpy as np
import pytensor.tensor as pt

f = pt.fvector("f")
d = pt.dvector("d")
i = pt.ivector("i")
l = pt.lvector("l")
cases = {
    "f * 0.5": f * 0.5,
    "f * 0.1": f * 0.1,
    "f * np.float32(0.1)": f * np.float32(0.1),
    "f + 1000": f + 1000,
    "f + 32767": f + 32767,
    "f + 40000": f + 40000,
    "f * 1e300": f * 1e300,
    "d + 40000": d + 40000,
    "i + 1": i + 1,
    "i + 2147483647": i + 2147483647,
    "i + 3000000000": i + 3000000000,
    "i * 1.5": i * 1.5,
    "i * np.float32(0.5)": i * np.float32(0.5),
    "l + 1.5": l + 1.5,
}
for text, value in cases.items():
    print(f"{text}: {value.dtype}")
# f * 0.5: float32
# f * 0.1: float64
# f * np.float32(0.1): float32
# f + 1000: float32
# f + 32767: float32
# f + 40000: float64
# f * 1e300: float64
# d + 40000: float64
# i + 1: int32
# i + 2147483647: int32
# i + 3000000000: int64
# i * 1.5: float64
# i * np.float32(0.5): float64
# l + 1.5: float64
