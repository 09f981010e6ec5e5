"""NumPy's matmul on one thread, for GemmThroughput's and GemmBenchmarks' comparison (GFLOP/s and ms, medians).

Debian's NumPy 1.24 calls whatever libblas.so.3 the system provides: install OpenBLAS first
(apt-get install libopenblas0-pthread python3-numpy; numpy.show_config() says "blas"), then run
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 Tests/Tensorgen.Benchmarks/numpy_gemm.py
(OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in that command only).
"""
import time, numpy as np
for n in (256, 512, 1024):
    for dt in (np.float64, np.float32):
        a = np.random.default_rng(1).random((n, n)).astype(dt); b = np.random.default_rng(2).random((n, n)).astype(dt)
        c = np.empty((n, n), dt)
        np.matmul(a, b, out=c)
        runs = 7 if n >= 1024 else 15
        ts = []
        for _ in range(runs):
            t = time.perf_counter(); np.matmul(a, b, out=c); ts.append(time.perf_counter() - t)
        ts.sort(); m = ts[runs // 2]
        print(f"{np.dtype(dt).name} {n}^3: {2*n**3/m/1e9:.1f} GFLOP/s, {m*1e3:.2f} ms (median of {runs})")
