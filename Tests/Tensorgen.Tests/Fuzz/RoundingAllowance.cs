extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using Array = Tensorgen.Tests.Infrastructure.Array;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;
using GDType = generator::Tensorgen.DType;
using GOp = generator::Tensorgen.OpCode;
using Node = generator::Tensorgen.Generator.Graph.Node;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// How far a correct compiled value may lie from the reference's, element by element: running error
/// analysis over the unoptimized graph at the reference's values. Each op's result may carry a rounding
/// error of ρ units of its dtype's roundoff u (ρ = 2 for arithmetic, whose order and constant folding the
/// generator may change; ρ = 16, 8 ulp, for exp, log, tanh, sigmoid, softplus, sin, cos and pow, whose
/// vectorized and scalar implementations differ), plus what the reference's own formulas lose (log1p,
/// expm1 and softplus of a tiny term), plus its operands' errors times the op's derivative. Sums and
/// products add N·u·Σ|terms| (any summation order). Where an operand's error could move a result across a
/// discontinuity (a comparison, floor, a cast to an integer, sign, a switch's condition, an overflow) the
/// allowance is infinite: that element is not compared. Exact operands give exact results: integer and
/// bool arithmetic, NaN and infinities of exact operands, and single IEEE operations on exact floats are
/// compared for equality up to the base tolerance.
/// </summary>
internal static class RoundingAllowance
{
    private const double Transcendental = 16, Arithmetic = 2;
    private const double U64 = 1.0 / (1L << 53);

    /// <summary>Per node, per element: the allowance (0 for exact, ∞ for not comparable).</summary>
    public static double[]?[] Run(FunctionSpec spec, Array?[] values)
    {
        var graph = spec.Graph;
        var errors = new double[]?[graph.Count];
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            var value = values[id];
            if (value is null) continue;
            if (node.IsLeaf || node.Op == GOp.DimSize)
            {
                errors[id] = new double[value.Size];
                continue;
            }
            var operands = node.Inputs.Select(i => values[i]!).ToArray();
            var operandErrors = node.Inputs.Select(i => errors[i]!).ToArray();
            errors[id] = node.Op switch
            {
                GOp.Dot => Dot(node, operands[0], operandErrors[0], operands[1], operandErrors[1], value),
                GOp.Sum or GOp.Max or GOp.Min => Reduce(node, operands[0], operandErrors[0], value),
                GOp.DimShuffle => Shuffle(operands[0], operandErrors[0], node.Parameters<generator::Tensorgen.Generator.Graph.ShuffleParams>().Pattern.ToArray()),
                _ => Elementwise(node, graph[node.Inputs[node.Op is GOp.Switch or GOp.Second ? 1 : 0]].DType, operands, operandErrors, value),
            };
        }
        return errors;
    }

    private static double Unit(GDType dtype) => dtype switch
    {
        GDType.Float64 => U64,
        GDType.Float32 => 1.0 / (1 << 24),
        _ => 0,
    };

    private static double[] Elementwise(Node node, GDType operandType, Array[] operands, double[][] errors, Array result)
    {
        var offsets = Infrastructure.ReferenceEvaluator.BroadcastOffsets(result.Shape, operands);
        bool sameOperands = node.Inputs.Count == 2 && node.Inputs[0] == node.Inputs[1];
        var allowance = new double[result.Size];
        var x = new double[operands.Length];
        var e = new double[operands.Length];
        for (int k = 0; k < result.Size; k++)
        {
            for (int j = 0; j < operands.Length; j++)
            {
                x[j] = operands[j].Data[offsets[j][k]];
                e[j] = errors[j][offsets[j][k]];
            }
            // x < x, x == x: the same node on both sides compares alike however it was rounded, unless the node itself is not
            // comparable: x ** 0.5 of -∞ is NaN compiled (sqrt, as PyTensor rewrites it) and +∞ in the reference, and NaN == NaN is false.
            allowance[k] = sameOperands && Algebra.IsComparison((OpCode)(int)node.Op) && !double.IsInfinity(e[0]) ? 0
                : Element(node.Op, node.DType, operandType, result.Data[k], x, e);
        }
        return allowance;
    }

    /// <summary>Σ |derivative|·error over the operands; ∞ where an error meets an infinite or undefined derivative.</summary>
    private static double Propagate(double[] e, params double[] derivatives)
    {
        double sum = 0;
        for (int j = 0; j < derivatives.Length; j++)
        {
            if (e[j] == 0) continue;
            double d = Math.Abs(derivatives[j]);
            if (!double.IsFinite(d) || double.IsInfinity(e[j])) return double.PositiveInfinity;
            sum += d * e[j];
        }
        return sum;
    }

    private static double Element(GOp op, GDType dtype, GDType operandType, double y, double[] x, double[] e)
    {
        // PyTensor's local_pow_specialize, which the generator applies too, makes x ** 0.5 sqrt(x): NaN for -∞, where pow gives +∞.
        if (op == GOp.Pow && x[1] == 0.5 && double.IsNegativeInfinity(x[0])) return double.PositiveInfinity;
        double u = Unit(dtype);
        bool exact = e.All(v => v == 0);
        bool anyInfinite = e.Any(double.IsPositiveInfinity);
        switch (op)
        {
            case GOp.Lt or GOp.Gt or GOp.Le or GOp.Ge or GOp.Eq or GOp.Neq:
                // The answer is exact unless the operands' errors could reorder them.
                return exact || double.IsNaN(x[0]) || double.IsNaN(x[1]) || Math.Abs(x[0] - x[1]) > e[0] + e[1] ? 0 : double.PositiveInfinity;
            case GOp.And or GOp.Or or GOp.Not:
                return anyInfinite ? double.PositiveInfinity : 0;
            case GOp.Switch:
                if (!double.IsInfinity(e[0])) return x[0] != 0 ? e[1] : e[2];
                return double.IsFinite(x[1]) && double.IsFinite(x[2]) ? Math.Max(e[1], e[2]) + Math.Abs(x[1] - x[2]) : double.PositiveInfinity;
            case GOp.Sign:
                return exact || double.IsNaN(x[0]) || Math.Abs(x[0]) > e[0] ? 0 : double.PositiveInfinity;
            case GOp.Cast:
                if (operandType == GDType.Bool) return e[0];
                if (dtype == GDType.Bool) return exact || double.IsNaN(x[0]) || Math.Abs(x[0]) > e[0] ? 0 : double.PositiveInfinity;
                if (dtype is GDType.Int32 or GDType.Int64)
                    return exact || Math.Abs(x[0] - Math.Round(x[0])) > e[0] ? 0 : double.PositiveInfinity;
                return Finish(y, e[0] + u * Math.Abs(y), x, exact, op);
            case GOp.Identity or GOp.ZeroGrad:
                return e[0];
            case GOp.Second:
                return e[1];
            case GOp.Maximum or GOp.Minimum:
                // max and min are 1-Lipschitz in each operand; NaN of comparable operands propagates exactly.
                return double.IsNaN(y) && !anyInfinite ? 0 : Math.Max(e[0], e[1]);
        }
        if (dtype is GDType.Int32 or GDType.Int64 or GDType.Bool) return anyInfinite ? double.PositiveInfinity : 0;

        switch (op)
        {
            case GOp.IntDiv:
            {
                if (exact) return 0;
                double q = x[0] / x[1];
                double eq = Propagate(e, 1 / x[1], x[0] / (x[1] * x[1])) + 2 * u * Math.Abs(q);
                return double.IsFinite(q) && Math.Abs(q - Math.Round(q)) > eq ? 0 : double.PositiveInfinity;
            }
            case GOp.Mod:
            {
                // fmod is exact; an operand's error may carry the quotient across a whole number, where the remainder jumps by b.
                if (exact) return 0;
                double q = x[0] / x[1];
                if (!double.IsFinite(q) || !double.IsFinite(x[1])) return double.PositiveInfinity;
                double eq = Propagate(e, 1 / x[1], x[0] / (x[1] * x[1])) + 2 * u * Math.Abs(q);
                if (Math.Abs(q - Math.Round(q)) <= eq) return double.PositiveInfinity;
                return Propagate(e, 1, Math.Floor(q)) + u * Math.Abs(y);
            }
        }

        double derived = op switch
        {
            GOp.Add or GOp.Sub => Propagate(e, 1, 1),
            GOp.Mul => Propagate(e, x[1], x[0]),
            GOp.TrueDiv => Propagate(e, 1 / x[1], x[0] / (x[1] * x[1])),
            GOp.Pow => Propagate(e, x[1] * y / x[0], y * Math.Log(x[0])),
            GOp.Neg or GOp.Abs => Propagate(e, 1),
            GOp.Exp => Propagate(e, y),
            GOp.Expm1 => Propagate(e, y + 1),
            GOp.Log => Propagate(e, 1 / x[0]),
            GOp.Log1p => Propagate(e, 1 / (1 + x[0])),
            GOp.Tanh => Propagate(e, 1 - y * y),
            GOp.Sigmoid => Propagate(e, y * (1 - y)),
            GOp.Softplus => Propagate(e, 1 / (1 + Math.Exp(-x[0]))),
            GOp.Sqr => Propagate(e, 2 * x[0]),
            GOp.Sqrt => Propagate(e, 0.5 / y),
            GOp.Sin => Propagate(e, Math.Cos(x[0])),
            GOp.Cos => Propagate(e, Math.Sin(x[0])),
            _ => throw new NotSupportedException($"no allowance rule for {op}"),
        };
        bool transcendental = op is GOp.Exp or GOp.Expm1 or GOp.Log or GOp.Log1p or GOp.Tanh or GOp.Sigmoid or GOp.Softplus or GOp.Sin or GOp.Cos or GOp.Pow;
        double rounding = (transcendental ? Transcendental : Arithmetic) * u * Math.Abs(y);
        // The reference's log(1 + x), exp(x) - 1 and log(1 + exp(x)) lose what rounding 1 + x loses.
        double reference = op switch
        {
            GOp.Log1p or GOp.Softplus => 4 * U64,
            GOp.Expm1 => 4 * U64 * Math.Max(1, Math.Abs(y + 1)),
            _ => 0,
        };
        return Finish(y, derived + rounding + reference, x, exact, op);
    }

    /// <summary>
    /// NaN and infinite results: exact when the operands are exact and the result is not an overflow
    /// (an infinite or NaN operand, a division by an exact zero, the log of zero); otherwise not comparable.
    /// </summary>
    private static double Finish(double y, double allowance, double[] x, bool exact, GOp op)
    {
        if (double.IsFinite(y)) return allowance;
        if (!exact) return double.PositiveInfinity;
        // Outside their domain log, log1p, sqrt and pow give NaN or ±∞ on both sides alike (pow runs lane by lane).
        bool fromSpecial = x.Any(v => !double.IsFinite(v)) || (op == GOp.TrueDiv && x[1] == 0) || op is GOp.Log or GOp.Log1p or GOp.Sqrt or GOp.Pow;
        return fromSpecial ? 0 : double.PositiveInfinity;
    }

    /// <summary>Sums: operands' errors plus N·u·Σ|x| for any order of summation; max and min: the largest operand error.</summary>
    private static double[] Reduce(Node node, Array x, double[] e, Array result)
    {
        var axes = node.Parameters<generator::Tensorgen.Generator.Graph.ReduceParams>().Axes.ToArray();
        var absolute = new double[result.Size];
        var errors = new double[result.Size];
        var counts = new int[result.Size];
        var exact = Enumerable.Repeat(true, result.Size).ToArray();
        var reducedTo = Infrastructure.ReferenceEvaluator.ReducedOffsets(x.Shape, axes);
        for (int flat = 0; flat < x.Size; flat++)
        {
            int o = reducedTo[flat];
            counts[o]++;
            if (e[flat] != 0) exact[o] = false;
            if (node.Op == GOp.Sum)
            {
                absolute[o] += Math.Abs(x.Data[flat]);
                errors[o] += e[flat];
            }
            else errors[o] = Math.Max(errors[o], e[flat]);
        }
        if (node.Op != GOp.Sum || node.DType is not (GDType.Float32 or GDType.Float64)) return errors;
        double u = Unit(node.DType);
        for (int o = 0; o < result.Size; o++)
        {
            double y = result.Data[o];
            if (!double.IsFinite(y)) errors[o] = exact[o] ? 0 : double.PositiveInfinity;
            else errors[o] += counts[o] * u * absolute[o] + u * Math.Abs(y);
        }
        return errors;
    }

    /// <summary>C[i, j] = Σ_k A[i, k]·B[k, j]: operand errors times the other factor, plus (K + 1)·u·Σ|A[i, k]·B[k, j]|.</summary>
    private static double[] Dot(Node node, Array a, double[] ea, Array b, double[] eb, Array result)
    {
        var (transA, transB) = node.Parameters<generator::Tensorgen.Generator.Graph.DotParams>();
        int A(int i, int k) => a.Shape.Length == 1 ? k : transA ? k * a.Shape[1] + i : i * a.Shape[1] + k;
        int B(int k, int j) => b.Shape.Length == 1 ? k : transB ? j * b.Shape[1] + k : k * b.Shape[1] + j;
        int m = a.Shape.Length == 1 ? 1 : transA ? a.Shape[1] : a.Shape[0];
        int inner = a.Shape.Length == 1 ? a.Shape[0] : transA ? a.Shape[0] : a.Shape[1];
        int n = b.Shape.Length == 1 ? 1 : transB ? b.Shape[0] : b.Shape[1];
        double u = Unit(node.DType);
        var errors = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double absolute = 0, propagated = 0;
                bool exact = true;
                for (int k = 0; k < inner; k++)
                {
                    double x = a.Data[A(i, k)], y = b.Data[B(k, j)], ex = ea[A(i, k)], ey = eb[B(k, j)];
                    absolute += Math.Abs(x * y);
                    if (ex != 0 || ey != 0)
                    {
                        exact = false;
                        propagated += (ex == 0 ? 0 : Math.Abs(y) * ex) + (ey == 0 ? 0 : Math.Abs(x) * ey);
                    }
                }
                double value = result.Data[i * n + j];
                errors[i * n + j] = !double.IsFinite(value) ? (exact ? 0 : double.PositiveInfinity)
                    : double.IsNaN(propagated) ? double.PositiveInfinity : propagated + (inner + 1) * u * absolute;
            }
        return errors;
    }

    /// <summary>Errors move with their elements: output dimension j is input dimension pattern[j] (or a new 1).</summary>
    private static double[] Shuffle(Array x, double[] e, int[] pattern) =>
        Infrastructure.ReferenceEvaluator.DimShuffle(new Array(e, x.Shape), pattern).Data;
}
