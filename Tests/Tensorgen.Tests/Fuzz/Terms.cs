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
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if ((a == DType.Float32 && b is DType.Int32 or DType.Int64) || (b == DType.Float32 && a is DType.Int32 or DType.Int64)) return DType.Float64;
        return (DType)Math.Max((int)a, (int)b);
    }

    /// <summary>
    /// The dtype an element-wise op computes in: the tensors' common dtype, widened where a literal does not
    /// fit it (float literal with integers, int literal outside int32 or (for float32) int16, a float64 literal
    /// float32 cannot hold). Null when every operand is a literal.
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
            bool isFloat = result is DType.Float32 or DType.Float64;
            if (o.DType is DType.Float32 or DType.Float64 && !isFloat) result = DType.Float64;
            else if (o.DType == DType.Int64 && result == DType.Bool) result = DType.Int64;
            else if (o.DType == DType.Int64 && result == DType.Int32 && (v < int.MinValue || v > int.MaxValue)) result = DType.Int64;
            else if (o.DType == DType.Int64 && result == DType.Float32 && (v < short.MinValue || v > short.MaxValue)) result = DType.Float64;
            else if (o.DType == DType.Float64 && result == DType.Float32 && (float)v != v && !double.IsNaN(v)) result = DType.Float64;
        }
        return result;
    }
}
