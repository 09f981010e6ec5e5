using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// A call of a compiled function got an input of the wrong rank, shapes that do not broadcast, sizes
/// too large for an array, or an empty axis to take a maximum or minimum over. The message names the
/// function, the input and the shapes; nothing was computed or written.
/// </summary>
public sealed class TensorShapeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public TensorShapeException(string message, string? paramName) : base(message, paramName) { }
}

/// <summary>
/// Throw helpers for generated functions. Generated code tests each condition inline and calls these
/// only on failure, so messages are built only when there is something to report.
/// </summary>
public static class Check
{
    /// <summary>Input <paramref name="input"/> is null.</summary>
    [DoesNotReturn]
    public static void ThrowNull(string function, string input) =>
        throw new ArgumentNullException(input, $"{function}: input '{input}' is null.");

    /// <summary>Input <paramref name="input"/> is a view with more elements than an array can hold (a broadcast view can claim billions).</summary>
    [DoesNotReturn]
    public static void ThrowTooLarge(string function, string input, string shape) =>
        throw new TensorShapeException(
            $"{function}: input '{input}' has shape {shape}, more elements than the {Array.MaxLength} an input can have.", input);

    /// <summary>Input <paramref name="input"/> has rank <paramref name="actual"/>, not <paramref name="expected"/>.</summary>
    [DoesNotReturn]
    public static void ThrowRank(string function, string input, int actual, int expected, string shape) =>
        throw new TensorShapeException(
            $"{function}: input '{input}' must have rank {expected}, but got rank {actual} with shape {shape}.", input);

    /// <summary>Dimension <paramref name="dimension"/> of <paramref name="input"/> differs from its declared static size.</summary>
    [DoesNotReturn]
    public static void ThrowStaticSize(string function, string input, int dimension, nint expected, string shape) =>
        throw new TensorShapeException(
            $"{function}: input '{input}' must have size {expected} in dimension {dimension} (its static shape), but has shape {shape}.", input);

    /// <summary>Two inputs disagree in a dimension that neither broadcasts.</summary>
    [DoesNotReturn]
    public static void ThrowMismatch(string function, string input, string inputShape, int dimension, nint actual,
        string other, string otherShape, nint expected) =>
        throw new TensorShapeException(
            $"{function}: shapes do not match: '{input}' has shape {inputShape} and '{other}' has shape {otherShape}; " +
            $"dimension {dimension} of '{input}' is {actual} where {expected} is needed (only dimensions of static size 1 broadcast).", input);

    /// <summary>A size given by a value (a random variable's symbolic size): checked non-negative, returned as a size.</summary>
    public static nint Size(string function, string variable, long value)
    {
        if (value < 0) throw new TensorShapeException($"{function}: size '{variable}' is {value}; sizes cannot be negative.", variable);
        return (nint)value;
    }

    /// <summary>A size computed from the call's values (a slice's length, a range's) disagrees with an input's dimension it must equal.</summary>
    [DoesNotReturn]
    public static void ThrowComputedSize(string function, string what, long value, string input, string shape, int dimension, nint expected) =>
        throw new TensorShapeException(
            $"{function}: {what} is {value}, but '{input}' has shape {shape}, whose dimension {dimension} ({expected}) it must equal.", input);

    /// <summary>A size given by a value disagrees with the dimension it must equal.</summary>
    [DoesNotReturn]
    public static void ThrowSize(string function, string variable, long value, nint expected) =>
        throw new TensorShapeException($"{function}: size '{variable}' is {value} where {expected} is needed by the shapes it meets.", variable);

    /// <summary>An update would give a shared variable a size its static shape does not allow; nothing was written.</summary>
    [DoesNotReturn]
    public static void ThrowUpdateSize(string function, string variable, int dimension, nint expected, nint actual) =>
        throw new TensorShapeException(
            $"{function}: the update of shared variable '{variable}' has size {actual} in dimension {dimension}, but its static shape fixes it to {expected}; no update was written.", variable);

    /// <summary>
    /// Whether a value of shape <paramref name="lengths"/> has more elements than an array holds
    /// (<see cref="Array.MaxLength"/>), not counting zero sizes: an empty shape is too large when its other
    /// sizes are, since loops would still run over them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TooLarge(params ReadOnlySpan<nint> lengths)
    {
        ulong count = 1;
        foreach (var length in lengths)
        {
            if (length == 0) continue;
            if ((ulong)length > (ulong)Array.MaxLength / count) return true;
            count *= (ulong)length;
        }
        return false;
    }

    /// <summary>A value would have too many elements (see <see cref="TooLarge"/>); <paramref name="sources"/> says where its sizes come from.</summary>
    [DoesNotReturn]
    public static void ThrowTooLarge(string function, ReadOnlySpan<nint> lengths, string input, string sources)
    {
        var count = BigInteger.One;
        foreach (var length in lengths) count *= length == 0 ? 1 : length;
        bool empty = lengths.Contains(0);
        throw new TensorShapeException(
            $"{function}: a value of shape {ShapeText(lengths)} would have {count.ToString(CultureInfo.InvariantCulture)} elements{(empty ? " (not counting its zero sizes)" : "")}, " +
            $"more than an array can hold ({Array.MaxLength.ToString(CultureInfo.InvariantCulture)}); its sizes come from {sources}. Nothing was computed or written.", input);
    }

    /// <summary>
    /// A reduction over an axis of size 0 that has no value there (NumPy's and PyTensor's <c>ValueError</c>:
    /// "zero-size array to reduction operation maximum which has no identity").
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="error">NumPy's words for the error.</param>
    /// <param name="verb">The operation, as the message names it: "max".</param>
    /// <param name="axis">The empty axis of the reduced value.</param>
    /// <param name="operand">What is reduced: <c>'x'</c> for an input, else a description.</param>
    /// <param name="lengths">The reduced value's shape.</param>
    /// <param name="input">The input (or size) the empty axis comes from.</param>
    /// <param name="inputShape">Its shape, or for a size given by a value, null.</param>
    [DoesNotReturn]
    public static void ThrowEmptyReduction(string function, string error, string verb, int axis, string operand, ReadOnlySpan<nint> lengths, string input, string? inputShape)
    {
        string origin = input.Length == 0 || operand == $"'{input}'" ? ""
            : inputShape is null ? $", whose size is given by '{input}'"
            : $", whose size comes from '{input}' with shape {inputShape}";
        throw new TensorShapeException(
            $"{function}: {error}: " +
            $"{verb} over axis {axis} of {operand} with shape {ShapeText(lengths)}{origin}. Nothing was computed or written.", input);
    }

    /// <summary>How messages name a shared variable: the name it was given, else the member that declares it.</summary>
    public static string Name(ISharedVariable variable, string member) => variable.Name ?? member;

    private static string ShapeText(ReadOnlySpan<nint> lengths)
    {
        var parts = new string[lengths.Length];
        for (int i = 0; i < parts.Length; i++) parts[i] = lengths[i].ToString(CultureInfo.InvariantCulture);
        return parts.Length == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A kernel got spans of different lengths: a Tensorgen bug, caught before any memory is touched.</summary>
    [DoesNotReturn]
    public static void ThrowKernelLength() =>
        throw new InvalidOperationException("Tensorgen internal error: a kernel got buffers of different lengths. Please report it.");
}
