using System;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Evaluates one element of an op at build time (constant folding). Integer semantics follow
/// NumPy: floor division, remainder with the divisor's sign, wrap-around on overflow.
/// </summary>
internal static class ScalarMath
{
    public static double Evaluate(OpCode op, DType dtype, double[] a)
    {
        double r = op switch
        {
            OpCode.Add => a[0] + a[1],
            OpCode.Sub => a[0] - a[1],
            OpCode.Mul => a[0] * a[1],
            OpCode.TrueDiv => a[0] / a[1],
            OpCode.IntDiv => dtype.IsInteger() ? FloorDivInt(a[0], a[1]) : Math.Floor(a[0] / a[1]),
            OpCode.Mod => PyMod(a[0], a[1]),
            OpCode.Pow => Math.Pow(a[0], a[1]),
            OpCode.Maximum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
            OpCode.Minimum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
            OpCode.Neg => -a[0],
            OpCode.Identity => a[0],
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
            OpCode.Lt => Bool(a[0] < a[1]),
            OpCode.Gt => Bool(a[0] > a[1]),
            OpCode.Le => Bool(a[0] <= a[1]),
            OpCode.Ge => Bool(a[0] >= a[1]),
            OpCode.Eq => Bool(a[0] == a[1]),
            OpCode.Neq => Bool(a[0] != a[1]),
            OpCode.And => Bool(a[0] != 0 && a[1] != 0),
            OpCode.Or => Bool(a[0] != 0 || a[1] != 0),
            OpCode.Not => Bool(a[0] == 0),
            OpCode.Switch => a[0] != 0 ? a[1] : a[2],
            OpCode.Cast => a[0],
            OpCode.Sign => double.IsNaN(a[0]) ? a[0] : Math.Sign(a[0]),
            OpCode.Second => a[1],
            OpCode.ZeroGrad => a[0],
            _ => throw new InvalidOperationException($"no constant folding for {op}"),
        };
        return Round(r, dtype);
    }

    /// <summary>Rounds a double to what the dtype can hold, as the emitted code would.</summary>
    public static double Round(double value, DType dtype) => dtype switch
    {
        DType.Bool => value != 0 ? 1 : 0,
        DType.Int32 => double.IsNaN(value) ? 0 : unchecked((int)(long)value),
        DType.Int64 => double.IsNaN(value) ? 0 : (long)value,
        DType.Float32 => (float)value,
        _ => value,
    };

    private static double Bool(bool b) => b ? 1 : 0;

    private static double FloorDivInt(double a, double b) => b == 0 ? 0 : Math.Floor(a / b);

    private static double PyMod(double a, double b)
    {
        if (b == 0) return double.NaN;
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
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
