"""NumPy's matmul on one thread, for GemmThroughput's comparison (GFLOP/s, medians of 7).

Debian's NumPy 1.24 calls whatever libblas.so.3 the system provides: install OpenBLAS first
(apt-get install libopenblas0-pthread; numpy.show_config() says "blas"), then run
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 Tests/Tensorgen.Benchmarks/numpy_gemm.py
with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in that command.
"""
import time, numpy as np
for n in (512, 1024):
    for dt in (np.float64, np.float32):
        a = np.random.default_rng(1).random((n, n)).astype(dt); b = np.random.default_rng(2).random((n, n)).astype(dt)
        a @ b
        ts = []
        for _ in range(7):
            t = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t)
        ts.sort(); print(f"{np.dtype(dt).name} {n}^3: {2*n**3/ts[3]/1e9:.1f} GFLOP/s")
