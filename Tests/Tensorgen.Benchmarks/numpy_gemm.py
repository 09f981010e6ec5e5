"""NumPy's matmul on one thread, for GemmThroughput's, GemmBenchmarks' and the AOT runner's comparison: GFLOP/s and
ms, medians, by the calling thread's CPU time (what Tests/Tensorgen.AotBench reports: a shared machine's waits are
not counted) and by wall time.

Debian's NumPy 1.24 calls whatever libblas.so.3 the system provides: install OpenBLAS first
(apt-get install libopenblas0-pthread python3-numpy; numpy.show_config() says "blas"), then run
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 Tests/Tensorgen.Benchmarks/numpy_gemm.py
(OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in that command only: OpenBLAS then picks its kernel for this CPU).
"""
import time, numpy as np
for n in (256, 512, 1024):
    for dt in (np.float64, np.float32):
        a = np.random.default_rng(1).random((n, n)).astype(dt); b = np.random.default_rng(2).random((n, n)).astype(dt)
        out = np.empty((n, n), dt)
        np.matmul(a, b, out=out)
        runs = 9 if n >= 1024 else 15
        cpu, wall = [], []
        for _ in range(runs):
            c, w = time.thread_time(), time.perf_counter()
            np.matmul(a, b, out=out)
            cpu.append(time.thread_time() - c); wall.append(time.perf_counter() - w)
        mc, mw = sorted(cpu)[runs // 2], sorted(wall)[runs // 2]
        print(f"{np.dtype(dt).name} {n}^3: CPU {2*n**3/mc/1e9:.1f} GFLOP/s {mc*1e3:.2f} ms; wall {2*n**3/mw/1e9:.1f} GFLOP/s {mw*1e3:.2f} ms (medians of {runs})")
