using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// How a reduction folds, as C#: the value it starts from, the scalar and vector combination of an
/// accumulator with the next value, and the fold of a vector accumulator's lanes.
/// </summary>
internal sealed class ReductionFacet
{
    private readonly System.Func<DType, string> _identity;
    private readonly System.Func<DType, string, string, string> _combine;
    private readonly System.Func<string, string, string> _vectorCombine;
    private readonly System.Func<string, string> _across;

    public ReductionFacet(System.Func<DType, string> identity, System.Func<DType, string, string, string> combine,
        System.Func<string, string, string> vectorCombine, System.Func<string, string> across)
    {
        _identity = identity;
        _combine = combine;
        _vectorCombine = vectorCombine;
        _across = across;
    }

    public string Identity(DType dtype) => _identity(dtype);

    public string Combine(DType dtype, string accumulator, string value) => _combine(dtype, accumulator, value);

    public string VectorCombine(string accumulator, string value) => _vectorCombine(accumulator, value);

    public string Across(string vector) => _across(vector);

    public static readonly ReductionFacet Sum = new(
        dtype => Literals.Of(0, dtype),
        (_, a, b) => $"{a} + {b}",
        (a, b) => $"{a} + {b}",
        v => $"{Emit.VectorCode.V}.Sum({v})");

    // Math.Max/Min propagate NaN, as NumPy's max and min do. NumPy orders False < True, so the max of
    // bools is their logical or and the min their logical and (bool reductions never take the vector loop).
    public static readonly ReductionFacet Max = new(
        dtype => dtype == DType.Bool ? "false" : dtype.IsFloat() ? Literals.Of(double.NegativeInfinity, dtype) : dtype.CSharp() + ".MinValue",
        (dtype, a, b) => dtype == DType.Bool ? $"{a} | {b}" : $"global::System.Math.Max({a}, {b})",
        (a, b) => $"{Emit.VectorCode.V}.Max({a}, {b})",
        v => $"global::Tensorgen.VectorMath.MaxAcross({v})");

    public static readonly ReductionFacet Min = new(
        dtype => dtype == DType.Bool ? "true" : dtype.IsFloat() ? Literals.Of(double.PositiveInfinity, dtype) : dtype.CSharp() + ".MaxValue",
        (dtype, a, b) => dtype == DType.Bool ? $"{a} & {b}" : $"global::System.Math.Min({a}, {b})",
        (a, b) => $"{Emit.VectorCode.V}.Min({a}, {b})",
        v => $"global::Tensorgen.VectorMath.MinAcross({v})");

    // reductions (issue 13)
    public static readonly ReductionFacet Prod = new(
        dtype => Literals.Of(1, dtype),
        (_, a, b) => $"{a} * {b}",
        (a, b) => $"{a} * {b}",
        v => $"global::Tensorgen.VectorMath.ProductAcross({v})");

    // All and Any fold bools (their operand is converted to bool first), which never take the vector loop.
    public static readonly ReductionFacet All = new(
        _ => "true",
        (_, a, b) => $"{a} & {b}",
        (a, b) => $"{Emit.VectorCode.V}.BitwiseAnd({a}, {b})",
        v => $"global::System.Numerics.Vector.EqualsAll({v}, global::System.Numerics.Vector<byte>.AllBitsSet)");

    public static readonly ReductionFacet Any = new(
        _ => "false",
        (_, a, b) => $"{a} | {b}",
        (a, b) => $"{Emit.VectorCode.V}.BitwiseOr({a}, {b})",
        v => $"!global::System.Numerics.Vector.EqualsAll({v}, global::System.Numerics.Vector<byte>.Zero)");
}
