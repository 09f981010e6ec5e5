using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;

namespace Tensorgen;

/// <summary>
/// What a generated <c>Scan</c> loop needs besides its body's compiled function: the checks of its steps and the
/// copy of a step's result into the stacked output. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScanSteps
{
    /// <summary>The number of steps, checked: not negative, and no longer than any sequence.</summary>
    public static nint Steps(string function, long steps, ReadOnlySpan<nint> sequenceLengths)
    {
        if (steps < 0) throw new TensorShapeException($"{function}: Scan's number of steps is {steps}; it cannot be negative.", "nSteps");
        foreach (var length in sequenceLengths)
            if (length < steps)
                throw new TensorShapeException($"{function}: Scan runs {steps} steps, but a sequence has only {length} elements along its first axis.", "sequences");
        return (nint)steps;
    }

    /// <summary>Step <paramref name="step"/>'s result: copied into <paramref name="destination"/>, whose length it must have.</summary>
    public static void Copy<T>(string function, int output, long step, Tensor<T> result, Span<T> destination)
    {
        if (result.FlattenedLength != destination.Length) ThrowStepSize(function, output, step, result.FlattenedLength, destination.Length);
        // A body's results are dense (its own buffers): a block copy, not an element walk.
        if (result.IsDense) System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref result.GetPinnableReference(), destination.Length).CopyTo(destination);
        else result.FlattenTo(destination);
    }

    /// <summary><c>result[-1]</c> of a scan that ran no steps, of a result with no initial state.</summary>
    [DoesNotReturn]
    public static void ThrowNoLastStep(string function) =>
        throw new ArgumentOutOfRangeException("result", $"{function}: index -1 is out of range for axis 0 of a Scan's result that ran no steps (a result fed back would give its initial state).");

    [DoesNotReturn]
    private static void ThrowStepSize(string function, int output, long step, nint actual, nint expected) =>
        throw new TensorShapeException(
            $"{function}: Scan's result {output} has {actual} elements at step {step}, where its initial state or its first step had {expected}; a scan's results keep their shape.", "outputsInfo");
}
