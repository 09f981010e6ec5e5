using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// The fuzzer's model of the graph language: for each op, whether the generator accepts it on these
/// operands (dtypes, static broadcasting) and what it gives (dtype, dimensions, range). Returns null
/// for what the generator rejects, and for what the fuzzer keeps out of its graphs on purpose: integer
/// results outside the range where they are exact (|v| ≤ 2^30 for int32, 2^52 for int64, so the
/// reference's doubles hold them), float-to-integer casts of values C# leaves unspecified, integer
/// powers other than 0..3 (NumPy raises on negative ones).
/// </summary>
internal static class Algebra
{
    public const double Int32Limit = 1 << 30;
    public const double Int64Limit = 1L << 52;

    /// <summary>The largest length a size symbol takes in any call.</summary>
    public const int MaxSize = 33;

    private static readonly HashSet<OpCode> Comparisons = [OpCode.Lt, OpCode.Gt, OpCode.Le, OpCode.Ge, OpCode.Eq, OpCode.Neq];
    private static readonly HashSet<OpCode> Logic = [OpCode.And, OpCode.Or, OpCode.Not];
    private static readonly HashSet<OpCode> FloatMath = [OpCode.Exp, OpCode.Expm1, OpCode.Log, OpCode.Log1p, OpCode.Tanh, OpCode.Sigmoid, OpCode.Softplus, OpCode.Sqrt, OpCode.Sin, OpCode.Cos, OpCode.TrueDiv];

    /// <summary>Ops whose gradient flows to their (float) operands.</summary>
    private static readonly HashSet<OpCode> Differentiable =
    [
        OpCode.Add, OpCode.Sub, OpCode.Mul, OpCode.TrueDiv, OpCode.Pow, OpCode.Maximum, OpCode.Minimum, OpCode.Neg, OpCode.Abs, OpCode.Exp,
        OpCode.Expm1, OpCode.Log, OpCode.Log1p, OpCode.Tanh, OpCode.Sigmoid, OpCode.Softplus, OpCode.Sqr, OpCode.Sqrt, OpCode.Sin, OpCode.Cos,
        OpCode.Identity, OpCode.Switch, OpCode.Cast,
    ];

    public static bool IsComparison(OpCode op) => Comparisons.Contains(op);

    /// <summary>Static broadcasting: dimensions align on the right; a static 1 stretches; two size symbols must be the same one.</summary>
    public static ImmutableArray<Dim>? Broadcast(IReadOnlyList<Term> operands)
    {
        int rank = operands.Max(o => o.Rank);
        var dims = new Dim[rank];
        for (int d = 0; d < rank; d++)
        {
            dims[d] = Dim.One;
            foreach (var o in operands)
            {
                int k = d - (rank - o.Rank);
                if (k < 0 || o.Dims[k].IsOne) continue;
                if (dims[d].IsOne) dims[d] = o.Dims[k];
                else if (dims[d] != o.Dims[k]) return null;
            }
        }
        return dims.ToImmutableArray();
    }

    /// <summary>An element-wise op, <paramref name="code"/> being its C# spelling.</summary>
    public static Term? Elementwise(OpCode op, string code, params Term[] operands)
    {
        if (operands.All(o => o.IsLiteral)) return null;
        if (Logic.Contains(op) && operands.Any(o => !o.IsBool)) return null;
        if (op == OpCode.Switch && !operands[0].IsBool) return null;
        var values = op == OpCode.Switch ? operands.Skip(1).ToArray() : operands;
        if (!Logic.Contains(op) && !Comparisons.Contains(op) && op is not (OpCode.Switch or OpCode.Identity) && values.All(o => o.IsBool)) return null;
        // Switch(c, 1, 2.5): every value a literal; the literals' own dtypes decide.
        var computeType = Promotion.Common(values) ?? values.Select(o => o.DType).Aggregate(Promotion.Promote);
        // The fuzzer's terms are bool, int32, int64, float32 and float64 (a bool with an int literal would be int8).
        if (computeType is DType.Int8 or DType.Int16 or DType.UInt8) return null;
        if (op == OpCode.Pow && computeType is DType.Int32 or DType.Int64 && !(values[1].Literal is { } k && k is 0 or 1 or 2 or 3)) return null;
        var dtype = Comparisons.Contains(op) || Logic.Contains(op) ? DType.Bool : FloatMath.Contains(op) && computeType is not (DType.Float32 or DType.Float64) ? DType.Float64 : computeType;
        if (Broadcast(operands) is not { } dims) return null;
        var range = Range(op, dtype, operands.Select(o => o.Range).ToArray(), operands);
        if (!Fits(range, dtype)) return null;
        var flows = Differentiable.Contains(op) && dtype is DType.Float32 or DType.Float64
            ? (op == OpCode.Switch ? values : operands).Where(o => o.IsFloat).Aggregate(ImmutableHashSet<string>.Empty, (s, o) => s.Union(o.Differentiable))
            : ImmutableHashSet<string>.Empty;
        return new Term(code, dtype, dims, range, null, flows);
    }

    /// <summary><c>Cast(a, to)</c>; floats become integers only when finite and in range.</summary>
    public static Term? Cast(Term a, DType to, string code)
    {
        if (a.IsLiteral) return null;
        Interval range;
        if (to == DType.Bool) range = Interval.Boolean;
        else if (to is DType.Int32 or DType.Int64 && a.IsFloat)
        {
            double limit = to == DType.Int32 ? Int32Limit : Int64Limit;
            if (!a.Range.IsFinite || a.Range.Magnitude >= limit) return null;
            range = new(Math.Truncate(a.Range.Lo), Math.Truncate(a.Range.Hi), false);
        }
        else range = a.Range;
        if (!Fits(range, to)) return null;
        var flows = to is DType.Float32 or DType.Float64 && a.IsFloat ? a.Differentiable : ImmutableHashSet<string>.Empty;
        return new Term(code, to, a.Dims, range, null, flows);
    }

    /// <summary>
    /// Sum, Mean, Max or Min over <paramref name="axes"/> (non-negative). Integer and bool Max/Min need a
    /// non-empty reduction (NumPy raises on an empty one); their symbols go into <paramref name="nonEmpty"/>.
    /// </summary>
    public static Term? Reduce(OpCode op, Term a, int[] axes, bool keepdims, string code, ISet<int> nonEmpty, IReadOnlyDictionary<int, int> staticSizes)
    {
        if (a.IsLiteral) return null;
        var reduced = axes.Select(d => a.Dims[d]).Where(d => !d.IsOne).ToList();
        bool mayBeEmpty = reduced.Any(d => !staticSizes.ContainsKey(d.Symbol));
        double count = reduced.Aggregate(1.0, (n, d) => n * (staticSizes.TryGetValue(d.Symbol, out var s) ? s : MaxSize));
        var dims = new List<Dim>();
        for (int d = 0; d < a.Rank; d++)
            if (!axes.Contains(d)) dims.Add(a.Dims[d]);
            else if (keepdims) dims.Add(Dim.One);
        DType dtype = op switch
        {
            OpCode.Sum => a.IsFloat ? a.DType : DType.Int64,
            OpCode.Mean => a.IsFloat ? a.DType : DType.Float64,
            _ => a.DType,
        };
        var r = a.Range;
        Interval range = op switch
        {
            OpCode.Sum when reduced.Count == 0 => a.IsBool ? Interval.Boolean : r,
            OpCode.Sum => Interval.Hull(r.NaN, 0, count * Math.Min(r.Lo, 0), count * Math.Max(r.Hi, 0)),
            OpCode.Mean => a.IsBool ? new(0, 1, mayBeEmpty) : r with { NaN = r.NaN || mayBeEmpty },
            OpCode.Max when mayBeEmpty && a.IsFloat => r with { Lo = double.NegativeInfinity },
            OpCode.Min when mayBeEmpty && a.IsFloat => r with { Hi = double.PositiveInfinity },
            _ => r,
        };
        if (op is OpCode.Max or OpCode.Min && !a.IsFloat && mayBeEmpty)
            foreach (var d in reduced.Where(d => !staticSizes.ContainsKey(d.Symbol))) nonEmpty.Add(d.Symbol);
        if (!Fits(range, dtype)) return null;
        return new Term(code, dtype, dims.ToImmutableArray(), range, null, a.IsFloat ? a.Differentiable : ImmutableHashSet<string>.Empty);
    }

    /// <summary><c>Dot(a, b)</c> of vectors and matrices, <paramref name="a"/>'s and <paramref name="b"/>'s dims as read (transposes applied).</summary>
    public static Term? Dot(Term a, Term b, string code, IReadOnlyDictionary<int, int> staticSizes)
    {
        if (a.IsLiteral || b.IsLiteral || a.Rank is < 1 or > 2 || b.Rank is < 1 or > 2) return null;
        var inner = a.Dims[^1];
        if (inner != b.Dims[0]) return null;
        var dtype = Promotion.Promote(a.DType, b.DType);
        if (dtype == DType.Bool) dtype = DType.Int64;
        double count = inner.IsOne ? 1 : staticSizes.TryGetValue(inner.Symbol, out var s) ? s : MaxSize;
        var products = new[] { a.Range.Lo * b.Range.Lo, a.Range.Lo * b.Range.Hi, a.Range.Hi * b.Range.Lo, a.Range.Hi * b.Range.Hi };
        bool nan = a.Range.NaN || b.Range.NaN || !a.Range.IsFinite || !b.Range.IsFinite;
        var range = Interval.Hull(nan, 0, count * products.Min(), count * products.Max());
        if (!Fits(range, dtype)) return null;
        var dims = a.Dims.Take(a.Rank - 1).Concat(b.Dims.Skip(1)).ToImmutableArray();
        var flows = dtype is DType.Float32 or DType.Float64 ? a.Differentiable.Union(b.Differentiable) : ImmutableHashSet<string>.Empty;
        return new Term(code, dtype, dims, range, null, flows);
    }

    public static Term Transpose(Term a, string code) => a with { Code = code, Dims = a.Dims.Reverse().ToImmutableArray(), Literal = null };

    /// <summary>Whether every value of <paramref name="range"/> is exact in <paramref name="dtype"/> as the fuzzer needs.</summary>
    private static bool Fits(Interval range, DType dtype) => dtype switch
    {
        DType.Int32 => range.IsFinite && range.Magnitude <= Int32Limit,
        DType.Int64 => range.IsFinite && range.Magnitude <= Int64Limit,
        _ => true,
    };

    private static Interval Range(OpCode op, DType dtype, Interval[] r, Term[] operands)
    {
        bool nan = r.Any(x => x.NaN);
        bool integer = dtype is DType.Int32 or DType.Int64;
        if (Comparisons.Contains(op) || Logic.Contains(op)) return Interval.Boolean;
        var a = r[0];
        switch (op)
        {
            case OpCode.Identity:
                return a;
            case OpCode.Switch:
                return r[1].Union(r[2]);
            case OpCode.Add:
                return Interval.Hull(nan || (a.Lo == double.NegativeInfinity && r[1].Hi == double.PositiveInfinity) || (a.Hi == double.PositiveInfinity && r[1].Lo == double.NegativeInfinity),
                    a.Lo + r[1].Lo, a.Hi + r[1].Hi);
            case OpCode.Sub:
                return Interval.Hull(nan || (a.Hi == double.PositiveInfinity && r[1].Hi == double.PositiveInfinity) || (a.Lo == double.NegativeInfinity && r[1].Lo == double.NegativeInfinity),
                    a.Lo - r[1].Hi, a.Hi - r[1].Lo);
            case OpCode.Mul:
            {
                var b = r[1];
                bool zeroTimesInfinity = (a.Contains(0) && !double.IsFinite(b.Magnitude)) || (b.Contains(0) && !double.IsFinite(a.Magnitude));
                return Interval.Hull(nan || zeroTimesInfinity, a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi);
            }
            case OpCode.TrueDiv:
            {
                var b = r[1];
                if (b.Contains(0)) return Interval.Wild;
                return Interval.Hull(nan || (!a.IsFinite && !b.IsFinite), a.Lo / b.Lo, a.Lo / b.Hi, a.Hi / b.Lo, a.Hi / b.Hi);
            }
            case OpCode.IntDiv when integer:
                return new(-a.Magnitude, a.Magnitude, false);
            case OpCode.IntDiv:
            {
                var b = r[1];
                if (b.Contains(0)) return Interval.Wild;
                return Interval.Hull(nan || (!a.IsFinite && !b.IsFinite), Math.Floor(a.Lo / b.Lo), Math.Floor(a.Lo / b.Hi), Math.Floor(a.Hi / b.Lo), Math.Floor(a.Hi / b.Hi));
            }
            case OpCode.Mod when integer:
                return new(-r[1].Magnitude, r[1].Magnitude, false);
            case OpCode.Mod:
                if (r[1].Contains(0) || !a.IsFinite) return Interval.Wild;
                return new(-r[1].Magnitude, r[1].Magnitude, nan);
            case OpCode.Pow:
            {
                var b = r[1];
                if (integer || operands[1].Literal is 2 or 3)
                {
                    int k = (int)operands[1].Literal!.Value;
                    var corners = new List<double> { Math.Pow(a.Lo, k), Math.Pow(a.Hi, k) };
                    if (a.Contains(0)) corners.Add(k == 0 ? 1 : 0);
                    return Interval.Hull(nan, corners.ToArray());
                }
                if (a.Lo > 0)
                    return Interval.Hull(nan, Math.Pow(a.Lo, b.Lo), Math.Pow(a.Lo, b.Hi), Math.Pow(a.Hi, b.Lo), Math.Pow(a.Hi, b.Hi));
                return Interval.Wild;
            }
            case OpCode.Maximum:
                return new(Math.Max(a.Lo, r[1].Lo), Math.Max(a.Hi, r[1].Hi), nan);
            case OpCode.Minimum:
                return new(Math.Min(a.Lo, r[1].Lo), Math.Min(a.Hi, r[1].Hi), nan);
            case OpCode.Neg:
                return new(-a.Hi, -a.Lo, nan);
            case OpCode.Abs:
                return a.Contains(0) ? new(0, a.Magnitude, nan) : new(Math.Min(Math.Abs(a.Lo), Math.Abs(a.Hi)), a.Magnitude, nan);
            case OpCode.Sqr:
                return a.Contains(0) ? new(0, a.Magnitude * a.Magnitude, nan) : Interval.Hull(nan, a.Lo * a.Lo, a.Hi * a.Hi);
            case OpCode.Sign:
                return new(Math.Sign(a.Lo), Math.Sign(a.Hi), nan);
            case OpCode.Exp:
                return new(Math.Exp(a.Lo), Math.Exp(a.Hi), nan);
            case OpCode.Expm1:
                return new(Math.Exp(a.Lo) - 1, Math.Exp(a.Hi) - 1, nan);
            case OpCode.Log:
                return Boundary(a, 0, Math.Log, nan);
            case OpCode.Log1p:
                return Boundary(a, -1, x => Math.Log(1 + x), nan);
            case OpCode.Sqrt:
                return Boundary(a, 0, Math.Sqrt, nan);
            case OpCode.Tanh:
                return new(Math.Tanh(a.Lo), Math.Tanh(a.Hi), nan);
            case OpCode.Sigmoid:
                return new(1 / (1 + Math.Exp(-a.Lo)), 1 / (1 + Math.Exp(-a.Hi)), nan);
            case OpCode.Softplus:
                return new(Softplus(a.Lo), Softplus(a.Hi), nan);
            case OpCode.Sin or OpCode.Cos:
                return new(-1, 1, nan || !a.IsFinite);
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "no range rule");
        }
    }

    /// <summary>A monotone function defined from <paramref name="edge"/> up: NaN below it.</summary>
    private static Interval Boundary(Interval a, double edge, Func<double, double> f, bool nan)
    {
        if (a.Hi < edge) return new(0, 0, true);
        return new(a.Lo <= edge ? f(edge) : f(a.Lo), f(a.Hi), nan || a.Lo < edge);
    }

    private static double Softplus(double x) => x > 30 ? x : x < -30 ? Math.Exp(x) : Math.Log(1 + Math.Exp(x));
}
