"""Fits the coefficients of ScalarOps.Erf/Erfc (Runtime/Catalog/ScalarOps.cs) and prints them as C#.

Run with mpmath (Debian: python3-mpmath; 1.2.1 was used): /usr/bin/python3 erf_coefficients.py
Takes a few minutes. Polynomials are Chebyshev fits (near-minimax); the two rational functions of the
tail are fitted by linearized least squares (Sanathanan-Koerner iteration) with Lawson's reweighting
towards minimax, on 400 Chebyshev points, in 60-digit arithmetic. Coefficients print highest power first.
"""
import mpmath as mp

mp.mp.dps = 60
SHIFT = mp.mpf(11) / 16  # ScalarOps.ErfcShift


def erf_over_x_minus_1(z):  # erf(x)/x - 1 as a function of z = x^2
    if z == 0:
        return 2 / mp.sqrt(mp.pi) - 1
    x = mp.sqrt(z)
    return mp.erf(x) / x - 1


def log_g(t):  # log(x e^(x^2) erfc(x)) + SHIFT as a function of t = 1/x^2
    x = 1 / mp.sqrt(t)
    return mp.log(x * mp.exp(x * x) * mp.erfc(x)) + SHIFT


def rational_fit(f, a, b, m, n, points=400, iterations=40):
    """P/Q, degrees m and n, Q(0) = 1, near-minimax in absolute error on [a, b]; returns (error, P, Q) lowest power first."""
    a, b = mp.mpf(a), mp.mpf(b)
    xs = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / points) for k in range(points)] + [a, b]
    fs = [f(x) for x in xs]
    q_previous = [mp.mpf(1)] * len(xs)
    lawson = [mp.mpf(1)] * len(xs)
    best = None
    for it in range(iterations):
        rows, rhs = [], []
        for x, fx, qp, w in zip(xs, fs, q_previous, lawson):
            scale = mp.sqrt(w) / abs(qp)
            rows.append([-scale * x ** i for i in range(m + 1)] + [scale * fx * x ** j for j in range(1, n + 1)])
            rhs.append(-scale * fx)
        solution = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))[0]
        p = [solution[i] for i in range(m + 1)]
        q = [mp.mpf(1)] + [solution[m + j] for j in range(1, n + 1)]
        errors = [mp.polyval(p[::-1], x) / mp.polyval(q[::-1], x) - fx for x, fx in zip(xs, fs)]
        error = max(abs(e) for e in errors)
        if best is None or error < best[0]:
            best = (error, p, q)
        q_previous = [mp.polyval(q[::-1], x) for x in xs]
        if it >= 8:
            lawson = [w * abs(e) for w, e in zip(lawson, errors)]
            total = sum(lawson)
            lawson = [w / total * len(lawson) for w in lawson]
    return best


def show(name, coefficients, error):
    print(f"// {name}: max error {mp.nstr(error, 3)}")
    print(", ".join(repr(float(c)) for c in coefficients))


erf_one = float(mp.erf(1))
print(f"ErfOne = {erf_one!r}")
p, e = mp.chebyfit(erf_over_x_minus_1, [0, mp.mpf(0.84375) ** 2], 12, error=True)
show("ErfSmall", p, e)
p, e = mp.chebyfit(lambda s: mp.erf(1 + s) - erf_one, [mp.mpf(0.84375) - 1, mp.mpf(0.25)], 14, error=True)
show("ErfNearOne", p, e)
ln2 = mp.log(2)
ln2_high = float(ln2)
ln2_high = float(mp.mpf(ln2_high) - mp.mpf(ln2_high) % mp.mpf(2) ** -33)  # 33 significant bits
print(f"InvLn2 = {float(1 / ln2)!r}, Ln2High = {ln2_high!r}, Ln2Low = {float(ln2 - ln2_high)!r}")
remainder = lambda r: mp.mpf(1) / 2 if r == 0 else (mp.exp(r) - 1 - r) / r ** 2
p, e = mp.chebyfit(remainder, [-ln2 / 2 * 1.0001, ln2 / 2 * 1.0001], 11, error=True)
show("ExpRemainder", p, e)
for name, (low, high), (m, n) in [("ErfcMid", (1.25, 3), (7, 8)), ("ErfcFar", (3, 28), (6, 7))]:
    e, p, q = rational_fit(log_g, 1 / mp.mpf(high) ** 2, 1 / mp.mpf(low) ** 2, m, n)
    show(name + "P", p[::-1], e)
    show(name + "Q", q[::-1], e)
