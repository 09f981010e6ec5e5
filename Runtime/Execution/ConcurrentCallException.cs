using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Tensorgen;

/// <summary>
/// A call (or a <c>SetValue</c>/<c>GetValue</c>) was refused because state it needs was in use on
/// another thread: a shared variable another call was updating (or reading, while this one would
/// write it), a random variable another call was drawing, or borrowed outputs another call was writing.
/// The refused operation did nothing at all, so it can simply be retried. Compiled functions, like
/// PyTensor's, are not thread-safe: make operations that share such state from one thread at a time
/// (or under a lock), or give each thread its own state.
/// </summary>
public sealed class ConcurrentCallException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrentCallException(string message, string? function, string variable) : base(message)
    {
        Function = function;
        Variable = variable;
    }

    /// <summary>The function whose call was refused (<c>Type.Method</c>), or null for a refused <c>SetValue</c> or <c>GetValue</c>.</summary>
    public string? Function { get; }

    /// <summary>The state that was in use: a shared variable's or random variable's name, or "borrowed outputs".</summary>
    public string Variable { get; }

    private const string Contract =
        "Compiled functions are not thread-safe (as in PyTensor): make calls that share a variable from one thread at a time or under a lock";

    /// <summary>A call was refused: shared variable <paramref name="shared"/> (bound as <paramref name="member"/>) is in use. For generated code.</summary>
    [DoesNotReturn, EditorBrowsable(EditorBrowsableState.Never)]
    public static void ThrowShared(string function, ISharedVariable shared, string member)
    {
        string name = shared.Name ?? member;
        throw new ConcurrentCallException(
            $"{function}: shared variable '{name}' is in use by another call on another thread, so this call was refused and changed nothing. " +
            $"{Contract}, or give each thread a Copy(swap: ...) bound to variables of its own.", function, name);
    }

    /// <summary>A call was refused: random variable <paramref name="variable"/> is drawing for another call. For generated code.</summary>
    [DoesNotReturn, EditorBrowsable(EditorBrowsableState.Never)]
    public static void ThrowRandom(string function, string variable, SharedRandomState rng) =>
        throw new ConcurrentCallException(
            $"{function}: random variable '{variable}' (generator '{rng.Name}') is in use by another call on another thread, so this call was refused and changed nothing. " +
            $"{Contract}, or give each thread functions over random variables of its own (one made inside a graph method belongs to each function object).", function, variable);

    /// <summary>A call was refused: the function's borrowed outputs are being written by another call. For generated code.</summary>
    [DoesNotReturn, EditorBrowsable(EditorBrowsableState.Never)]
    public static void ThrowOutputs(string function) =>
        throw new ConcurrentCallException(
            $"{function}: its borrowed outputs (BorrowOutputs is set) are being written by another call on another thread, so this call was refused and changed nothing. " +
            $"{Contract}, or give each thread its own function object (Copy()), or turn BorrowOutputs off.", function, "borrowed outputs");

    /// <summary><paramref name="operation"/> on a variable was refused because a call on another thread is using it.</summary>
    /// <param name="variable">The variable's name.</param>
    /// <param name="display">How messages call it: "shared variable 'w'".</param>
    /// <param name="operation">What was refused: "SetValue".</param>
    internal static ConcurrentCallException ForAccess(string variable, string display, string operation) =>
        new($"{display} is in use by a function call on another thread, so {operation} was refused and changed nothing. " +
            "Shared variables are not thread-safe (as in PyTensor): read and set them between calls, from the calling thread or under the same lock.",
            null, variable);
}
