using System;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Evaluates one element of an op at build time (constant folding), exactly as the emitted code
/// computes it: integers in 64-bit integer arithmetic (wrapping, and int32 results wrapped to 32 bits),
/// floats in double (float32 results rounded). Integer semantics follow NumPy: floor division and a
/// remainder with the divisor's sign, both 0 when dividing by 0.
/// </summary>
internal static class ScalarMath
{
    /// <param name="dtype">The result's dtype.</param>
    /// <param name="operandType">The dtype the operands are computed in (for a switch, its values').</param>
    public static ScalarValue Evaluate(OpCode op, DType dtype, DType operandType, ScalarValue[] a)
    {
        if (op is OpCode.Cast or OpCode.Identity or OpCode.ZeroGrad) return a[0].To(dtype);
        if (op == OpCode.Second) return a[1].To(dtype);
        if (op == OpCode.Switch) return (a[0].IsTrue ? a[1] : a[2]).To(dtype);
        if (op is OpCode.And or OpCode.Or or OpCode.Not)
            return ScalarValue.Bool(op switch
            {
                OpCode.And => a[0].IsTrue && a[1].IsTrue,
                OpCode.Or => a[0].IsTrue || a[1].IsTrue,
                _ => !a[0].IsTrue,
            });
        // Float math on integers (exp, true division) computes in float, as the operands are converted first.
        bool integral = !operandType.IsFloat() && !OpInfo.IsFloatMath(op);
        return integral ? Integer(op, dtype, Array.ConvertAll(a, v => v.Long)) : Real(op, dtype, Array.ConvertAll(a, v => v.Double));
    }

    private static ScalarValue Integer(OpCode op, DType dtype, long[] a)
    {
        unchecked
        {
            if (OpInfo.IsComparison(op))
                return ScalarValue.Bool(op switch
                {
                    OpCode.Lt => a[0] < a[1],
                    OpCode.Gt => a[0] > a[1],
                    OpCode.Le => a[0] <= a[1],
                    OpCode.Ge => a[0] >= a[1],
                    OpCode.Eq => a[0] == a[1],
                    _ => a[0] != a[1],
                });
            long r = op switch
            {
                OpCode.Add => a[0] + a[1],
                OpCode.Sub => a[0] - a[1],
                OpCode.Mul => a[0] * a[1],
                OpCode.IntDiv => FloorDiv(a[0], a[1]),
                OpCode.Mod => Mod(a[0], a[1]),
                OpCode.Pow => Pow(a[0], a[1]),
                OpCode.Maximum => Math.Max(a[0], a[1]),
                OpCode.Minimum => Math.Min(a[0], a[1]),
                OpCode.Neg => -a[0],
                OpCode.Abs => a[0] < 0 ? -a[0] : a[0],
                OpCode.Sqr => a[0] * a[0],
                OpCode.Sign => Math.Sign(a[0]),
                _ => throw new InvalidOperationException($"no integer constant folding for {op}"),
            };
            // int32 arithmetic wraps at 32 bits; computing in 64 bits and truncating gives the same bits.
            return ScalarValue.Integer(r).To(dtype);
        }
    }

    private static ScalarValue Real(OpCode op, DType dtype, double[] a)
    {
        if (OpInfo.IsComparison(op))
            return ScalarValue.Bool(op switch
            {
                OpCode.Lt => a[0] < a[1],
                OpCode.Gt => a[0] > a[1],
                OpCode.Le => a[0] <= a[1],
                OpCode.Ge => a[0] >= a[1],
                OpCode.Eq => a[0] == a[1],
                _ => a[0] != a[1],
            });
        double r = op switch
        {
            OpCode.Add => a[0] + a[1],
            OpCode.Sub => a[0] - a[1],
            OpCode.Mul => a[0] * a[1],
            OpCode.TrueDiv => a[0] / a[1],
            OpCode.IntDiv => Math.Floor(a[0] / a[1]),
            OpCode.Mod => PyMod(a[0], a[1]),
            OpCode.Pow => Math.Pow(a[0], a[1]),
            OpCode.Maximum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
            OpCode.Minimum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
            OpCode.Neg => -a[0],
            OpCode.Abs => Math.Abs(a[0]),
            OpCode.Exp => Math.Exp(a[0]),
            OpCode.Expm1 => Expm1(a[0]),
            OpCode.Log => Math.Log(a[0]),
            OpCode.Log1p => Log1p(a[0]),
            OpCode.Tanh => Math.Tanh(a[0]),
            OpCode.Sigmoid => 1.0 / (1.0 + Math.Exp(-a[0])),
            OpCode.Softplus => Softplus(a[0]),
            OpCode.Sqr => a[0] * a[0],
            OpCode.Sqrt => Math.Sqrt(a[0]),
            OpCode.Sin => Math.Sin(a[0]),
            OpCode.Cos => Math.Cos(a[0]),
            OpCode.Sign => double.IsNaN(a[0]) ? a[0] : a[0] > 0 ? 1 : a[0] < 0 ? -1 : a[0],
            _ => throw new InvalidOperationException($"no constant folding for {op}"),
        };
        return ScalarValue.Real(r).To(dtype);
    }

    private static double PyMod(double a, double b)
    {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    // The integer helpers are the runtime's ScalarOps, which the emitted code calls: the same definitions.
    private static long FloorDiv(long a, long b)
    {
        if (b == 0) return 0;
        if (b == -1) return unchecked(-a);
        long q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    private static long Mod(long a, long b)
    {
        if (b == 0 || b == -1) return 0;
        long r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    private static long Pow(long a, long b)
    {
        if (b < 0) return a == 1 ? 1 : a == -1 ? (b % 2 == 0 ? 1 : -1) : 0;
        long result = 1;
        unchecked
        {
            while (b > 0)
            {
                if ((b & 1) != 0) result *= a;
                a *= a;
                b >>= 1;
            }
        }
        return result;
    }

    // Kahan's tricks: the rounding error of 1 + x (or of e^x) cancels in the ratio.
    public static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        if (double.IsInfinity(u)) return u;
        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    public static double Softplus(double x) => x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));
}
