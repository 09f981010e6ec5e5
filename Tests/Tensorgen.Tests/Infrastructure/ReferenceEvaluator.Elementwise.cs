extern alias generator;
using System;

namespace Tensorgen.Tests.Infrastructure;

using DType = generator::Tensorgen.DType;
using OpCode = generator::Tensorgen.OpCode;

// The element-wise functions of issue 13 by their definitions, written apart from the runtime's ScalarOps:
// .NET's own Math functions where it has them (Math.Asinh, Math.Log2, ...), and for the gamma family the
// Lanczos approximation and series of their own (not the generator's shift-and-Stirling).
internal static partial class ReferenceEvaluator
{
    private static double Functions(OpCode op, DType operandType, double[] a) => op switch
    {
        // NumPy's clip: minimum(maximum(x, lo), hi), NaN anywhere is NaN.
        OpCode.Clip => double.IsNaN(a[0]) || double.IsNaN(a[1]) || double.IsNaN(a[2]) ? double.NaN : Math.Min(Math.Max(a[0], a[1]), a[2]),
        OpCode.Floor => Math.Floor(a[0]),
        OpCode.Ceil => Math.Ceiling(a[0]),
        OpCode.RoundHalfToEven => RoundHalfEven(a[0]),
        OpCode.Trunc => a[0] < 0 ? -Math.Floor(-a[0]) : Math.Floor(a[0]),
        OpCode.IsNan => double.IsNaN(a[0]) ? 1 : 0,
        OpCode.IsInf => double.IsInfinity(a[0]) ? 1 : 0,
        OpCode.Reciprocal => 1 / a[0],
        OpCode.Exp2 => Math.Pow(2, a[0]),
        OpCode.Log2 => Math.Log2(a[0]),
        OpCode.Log10 => Math.Log10(a[0]),
        OpCode.Tan => Math.Tan(a[0]),
        OpCode.Arcsin => Math.Asin(a[0]),
        OpCode.Arccos => Math.Acos(a[0]),
        OpCode.Arctan => Math.Atan(a[0]),
        OpCode.Arctan2 => Math.Atan2(a[0], a[1]),
        OpCode.Sinh => Math.Sinh(a[0]),
        OpCode.Cosh => Math.Cosh(a[0]),
        OpCode.Arcsinh => Math.Asinh(a[0]),
        OpCode.Arccosh => Math.Acosh(a[0]),
        OpCode.Arctanh => Math.Atanh(a[0]),
        OpCode.Gammaln => LogGamma(a[0]),
        OpCode.Digamma => Psi(a[0]),
        OpCode.TriGamma => Psi1(a[0]),
        OpCode.Xor or OpCode.Invert => Bitwise(op, operandType, a),
        _ => throw new NotSupportedException($"the reference evaluator has no {op}"),
    };

    /// <summary>NumPy's bitwise ops on integers (held exactly in doubles below 2^53); bools are 0 and 1, and ~ of a bool is not.</summary>
    private static double Bitwise(OpCode op, DType operandType, double[] a)
    {
        long x = (long)a[0];
        if (op == OpCode.Invert) return operandType == DType.Bool ? 1 - x : ~x;
        long y = (long)a[1];
        return op switch { OpCode.And => x & y, OpCode.Or => x | y, _ => x ^ y };
    }

    /// <summary>Halves to even, by its definition: the nearer whole number, the even one of two equally near.</summary>
    private static double RoundHalfEven(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        double f = Math.Floor(x), d = x - f;
        double r = d < 0.5 ? f : d > 0.5 ? f + 1 : (f % 2 == 0 ? f : f + 1);
        // A zero result keeps the sign of x (NumPy: round(-0.4) is -0.0).
        return r == 0 ? (x < 0 || double.IsNegative(x) ? -0.0 : 0.0) : r;
    }

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>log |Γ(x)| by Lanczos' approximation (g = 7), with reflection below 1/2; SciPy's edge values.</summary>
    private static double LogGamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return x;
        if (x <= 0 && x == Math.Floor(x)) return double.PositiveInfinity;
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * (x - 2 * Math.Floor(x / 2))))) - LogGamma(1 - x);
        x -= 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ψ(x): the recurrence up to x ≥ 30 and the asymptotic series there; reflection below 0; SciPy's edge values.</summary>
    private static double Psi(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        if (x == 0) return double.IsNegative(x) ? double.PositiveInfinity : double.NegativeInfinity;
        if (x < 0) return x == Math.Floor(x) ? double.NaN : Psi(1 - x) - Math.PI / Math.Tan(Math.PI * (x - Math.Floor(x)));
        double result = 0;
        for (; x < 30; x++) result -= 1 / x;
        double inv2 = 1 / (x * x);
        return result + Math.Log(x) - 1 / (2 * x) - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 / 240)));
    }

    /// <summary>ψ'(x): the recurrence up to x ≥ 30 and the asymptotic series; reflection below 1/2; SciPy's edge values.</summary>
    private static double Psi1(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return x > 0 ? 0 : double.PositiveInfinity;
        if (x <= 0 && x == Math.Floor(x)) return double.PositiveInfinity;
        if (x < 0.5)
        {
            double s = Math.Sin(Math.PI * (x - Math.Floor(x)));
            return Math.PI * Math.PI / (s * s) - Psi1(1 - x);
        }
        double result = 0;
        for (; x < 30; x++) result += 1 / (x * x);
        double inv = 1 / x, inv2 = inv * inv;
        return result + inv + inv2 / 2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 / 42));
    }
}
