using System;
using System.Diagnostics.CodeAnalysis;

namespace Tensorgen;

/// <summary>
/// A call of a compiled function got an input of the wrong rank, or shapes that do not broadcast.
/// The message names the function, the input and the shapes; nothing was computed or written.
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

    /// <summary>A size given by a value disagrees with the dimension it must equal.</summary>
    [DoesNotReturn]
    public static void ThrowSize(string function, string variable, long value, nint expected) =>
        throw new TensorShapeException($"{function}: size '{variable}' is {value} where {expected} is needed by the shapes it meets.", variable);

    /// <summary>An update would give a shared variable a size its static shape does not allow; nothing was written.</summary>
    [DoesNotReturn]
    public static void ThrowUpdateSize(string function, string variable, int dimension, nint expected, nint actual) =>
        throw new TensorShapeException(
            $"{function}: the update of shared variable '{variable}' has size {actual} in dimension {dimension}, but its static shape fixes it to {expected}; no update was written.", variable);

    /// <summary>A kernel got spans of different lengths: a Tensorgen bug, caught before any memory is touched.</summary>
    [DoesNotReturn]
    public static void ThrowKernelLength() =>
        throw new InvalidOperationException("Tensorgen internal error: a kernel got buffers of different lengths. Please report it.");
}
