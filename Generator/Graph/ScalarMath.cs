using System;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Evaluates one element of an op at build time (constant folding), exactly as the emitted code
/// computes it: integers in 64-bit integer arithmetic (wrapping, and int32 results wrapped to 32 bits),
/// floats in double (float32 results rounded). Where the emitted code calls the runtime's
/// <see cref="ScalarOps"/> (NumPy's floor division and remainder, log1p, softplus, ...), so does this: one
/// definition, compiled into both.
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
                OpCode.IntDiv => ScalarOps.FloorDiv(a[0], a[1]),
                OpCode.Mod => ScalarOps.Mod(a[0], a[1]),
                OpCode.Pow => ScalarOps.Pow(a[0], a[1]),
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
            OpCode.Mod => ScalarOps.Mod(a[0], a[1]),
            OpCode.Pow => Math.Pow(a[0], a[1]),
            OpCode.Maximum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
            OpCode.Minimum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
            OpCode.Neg => -a[0],
            OpCode.Abs => Math.Abs(a[0]),
            OpCode.Exp => Math.Exp(a[0]),
            OpCode.Expm1 => ScalarOps.Expm1(a[0]),
            OpCode.Log => Math.Log(a[0]),
            OpCode.Log1p => ScalarOps.Log1p(a[0]),
            OpCode.Tanh => Math.Tanh(a[0]),
            OpCode.Sigmoid => ScalarOps.Sigmoid(a[0]),
            OpCode.Softplus => ScalarOps.Softplus(a[0]),
            OpCode.Sqr => a[0] * a[0],
            OpCode.Sqrt => Math.Sqrt(a[0]),
            OpCode.Sin => Math.Sin(a[0]),
            OpCode.Cos => Math.Cos(a[0]),
            OpCode.Sign => double.IsNaN(a[0]) ? a[0] : a[0] > 0 ? 1 : a[0] < 0 ? -1 : a[0],
            _ => throw new InvalidOperationException($"no constant folding for {op}"),
        };
        return ScalarValue.Real(r).To(dtype);
    }
}
