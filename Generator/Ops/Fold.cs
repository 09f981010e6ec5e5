using System;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// How an element-wise op folds constants: one element, computed at build time exactly as the emitted
/// code computes it. Integers in 64-bit integer arithmetic (wrapping, int32 results wrapped to 32 bits),
/// floats in double (float32 results rounded); where the emitted code calls the runtime's
/// <see cref="ScalarOps"/>, the fold calls the same function (compiled into both), so a folded constant
/// is what the loop computes.
/// </summary>
internal sealed class Fold
{
    private readonly Func<ScalarValue[], ScalarValue>? _values;
    private readonly Func<long[], long>? _integer;
    private readonly Func<double[], double>? _real;
    private readonly Func<long, long, bool>? _compareIntegers;
    private readonly Func<double, double, bool>? _compareReals;
    private readonly Func<long[], DType, long>? _bits;

    private Fold(Func<ScalarValue[], ScalarValue>? values = null, Func<long[], long>? integer = null, Func<double[], double>? real = null,
        Func<long, long, bool>? compareIntegers = null, Func<double, double, bool>? compareReals = null, Func<long[], DType, long>? bits = null)
    {
        _bits = bits;
        _values = values;
        _integer = integer;
        _real = real;
        _compareIntegers = compareIntegers;
        _compareReals = compareReals;
    }

    /// <summary>An op that passes values on or picks among them (cast, switch, logic): the result converted to the node's dtype.</summary>
    public static Fold Values(Func<ScalarValue[], ScalarValue> values) => new(values: values);

    /// <summary>Arithmetic: in integers when the operands are integers, else in double.</summary>
    public static Fold Numbers(Func<long[], long> integer, Func<double[], double> real) => new(integer: integer, real: real);

    /// <summary>Float math: computed in double whatever the operands, as they are converted to float first.</summary>
    public static Fold Real(Func<double[], double> real) => new(real: real);

    /// <summary>A comparison: bool, comparing integers as integers (exactly, above 2^53 too).</summary>
    public static Fold Compare(Func<long, long, bool> integers, Func<double, double, bool> reals) => new(compareIntegers: integers, compareReals: reals);

    /// <summary>Bitwise logic: on the integers' bits, or on bools as 0 and 1, told the result's dtype (a complement differs).</summary>
    public static Fold Bits(Func<long[], DType, long> bits) => new(bits: bits);

    /// <param name="dtype">The result's dtype.</param>
    /// <param name="operandType">The dtype the operands are computed in (for a switch, its values').</param>
    /// <param name="a">The operands.</param>
    public ScalarValue Evaluate(DType dtype, DType operandType, ScalarValue[] a)
    {
        if (_values is not null) return _values(a).To(dtype);
        if (_bits is not null) return ScalarValue.Integer(_bits(Array.ConvertAll(a, v => v.Long), dtype)).To(dtype);
        bool integral = !operandType.IsFloat();
        if (_compareReals is not null)
            return ScalarValue.Bool(integral ? _compareIntegers!(a[0].Long, a[1].Long) : _compareReals(a[0].Double, a[1].Double));
        // int32 arithmetic wraps at 32 bits; computing in 64 bits and truncating gives the same bits.
        if (integral && _integer is not null) return ScalarValue.Integer(_integer(Array.ConvertAll(a, v => v.Long))).To(dtype);
        return ScalarValue.Real(_real!(Array.ConvertAll(a, v => v.Double))).To(dtype);
    }
}
