using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// One dimension of a fuzzed value: a static 1 (which broadcasts), or one of the graph's size symbols,
/// whose length is chosen per call (or fixed, when the graph declares it static).
/// </summary>
internal readonly record struct Dim(int Symbol)
{
    public static readonly Dim One = new(-1);

    public bool IsOne => Symbol < 0;

    public override string ToString() => IsOne ? "1" : "s" + Symbol;
}

/// <summary>
/// What a value may hold: every element lies in [Lo, Hi] (infinite bounds allowed), or is NaN when
/// <see cref="NaN"/> is set. The fuzzer keeps integer arithmetic inside the range where it is exact
/// and casts of floats to integers inside the range where C# defines them.
/// </summary>
internal readonly record struct Interval(double Lo, double Hi, bool NaN)
{
    public static readonly Interval Wild = new(double.NegativeInfinity, double.PositiveInfinity, true);
    public static readonly Interval Boolean = new(0, 1, false);

    public static Interval Point(double v) => double.IsNaN(v) ? new(0, 0, true) : new(v, v, false);

    public double Magnitude => Math.Max(Math.Abs(Lo), Math.Abs(Hi));

    public bool IsFinite => !NaN && double.IsFinite(Lo) && double.IsFinite(Hi);

    public bool Contains(double v) => Lo <= v && v <= Hi;

    public bool IsPositive => Lo > 0;

    /// <summary>The smallest interval holding each of <paramref name="values"/>; NaN among them sets the flag.</summary>
    public static Interval Hull(bool nan, params double[] values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                nan = true;
                continue;
            }
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (lo > hi) return new(0, 0, true);
        return new(lo, hi, nan);
    }

    public Interval Union(Interval other) => new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi), NaN || other.NaN);
}

/// <summary>
/// A fuzzed expression or local: its C# text and what the fuzzer predicts the generator makes of it
/// (dtype, dimensions, range). <see cref="Literal"/> marks a C# number, which takes the dtype of the
/// tensor it meets (PyTensor's autocast). <see cref="Differentiable"/> are the inputs and locals the value
/// depends on through differentiable ops, so Grad with respect to them is connected.
/// </summary>
internal sealed record Term(string Code, DType DType, ImmutableArray<Dim> Dims, Interval Range, double? Literal, ImmutableHashSet<string> Differentiable)
{
    public int Rank => Dims.Length;

    public bool IsLiteral => Literal is not null;

    public bool IsFloat => DType is DType.Float32 or DType.Float64;

    public bool IsInteger => DType is DType.Int32 or DType.Int64;

    public bool IsBool => DType == DType.Bool;

    public static Term Number(string code, DType kind, double value) =>
        new(code, kind, ImmutableArray<Dim>.Empty, kind == DType.Bool ? Interval.Boolean : Interval.Point(value), value, ImmutableHashSet<string>.Empty);

    /// <summary>The same value under another name (a local it was assigned to).</summary>
    public Term Named(string name) => this with { Code = name, Literal = Literal, Differentiable = IsLiteral ? Differentiable : Differentiable.Add(name) };

    public string Describe() => $"{DType} ({string.Join(", ", Dims)}) [{Range.Lo:G4}, {Range.Hi:G4}]{(Range.NaN ? " NaN" : "")}";

    public static bool SameType(Term a, Term b) => a.DType == b.DType && a.Dims.SequenceEqual(b.Dims) && a.IsLiteral == b.IsLiteral;
}

/// <summary>NumPy's promotion of dtypes, and PyTensor's autocast of literals, as the README states them.</summary>
internal static class Promotion
{
    /// <summary>NumPy's <c>promote_types</c>, as a table of kinds and sizes.</summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if (a == DType.Bool) return b;
        if (b == DType.Bool) return a;
        int Size(DType t) => t switch { DType.Int8 or DType.UInt8 => 1, DType.Int16 => 2, DType.Int32 or DType.Float32 => 4, _ => 8 };
        bool IsFloat(DType t) => t is DType.Float32 or DType.Float64;
        if (IsFloat(a) && IsFloat(b)) return DType.Float64;
        if (IsFloat(a) || IsFloat(b))
        {
            var (f, i) = IsFloat(a) ? (a, b) : (b, a);
            return f == DType.Float32 && Size(i) <= 2 ? DType.Float32 : DType.Float64;
        }
        if (a == DType.UInt8 || b == DType.UInt8)
        {
            var signed = a == DType.UInt8 ? b : a;
            return Size(signed) == 1 ? DType.Int16 : signed;
        }
        return Size(a) >= Size(b) ? a : b;
    }

    /// <summary>
    /// The dtype an element-wise op computes in: the tensors' common dtype promoted with each literal's autocast
    /// dtype (the smallest of int8, int16, int32, int64 holding an integer; float32 for a real float32 holds
    /// exactly, else float64). Null when every operand is a literal.
    /// </summary>
    public static DType? Common(IEnumerable<Term> operands)
    {
        DType? strong = null;
        var list = operands.ToList();
        foreach (var o in list.Where(o => !o.IsLiteral))
            strong = strong is { } s ? Promote(s, o.DType) : o.DType;
        if (strong is not { } result) return null;
        foreach (var o in list.Where(o => o.IsLiteral))
        {
            double v = o.Literal!.Value;
            var autocast = o.DType is DType.Float32 or DType.Float64
                ? ((float)v == v || double.IsInfinity(v) ? DType.Float32 : DType.Float64)
                : v is >= sbyte.MinValue and <= sbyte.MaxValue ? DType.Int8 : v is >= short.MinValue and <= short.MaxValue ? DType.Int16
                : v is >= int.MinValue and <= int.MaxValue ? DType.Int32 : DType.Int64;
            result = Promote(result, autocast);
        }
        return result;
    }
}
