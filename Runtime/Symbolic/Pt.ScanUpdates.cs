using System;

namespace Tensorgen;

// Scan over bodies that update shared variables (issue 15): PyTensor's fn returning an updates dict, alone or with
// its outputs. Overloads per number of step parameters, as Pt.Scan.cs.
public static partial class Pt
{
    /// <summary>
    /// PyTensor's <c>scan</c> over a body that updates shared variables (<c>lambda: {k: k + 1}</c>): <paramref name="fn"/>
    /// returns the updates, as pairs (<c>[(K, K + 1)]</c> or a dictionary), alone or after its results. A shared variable
    /// the body updates is a state of the loop: each step reads the value the step before gave it (the first step its
    /// current value), and the scan's updates hold its value after the last step, to pass to <c>Function</c>. Parameters
    /// as <see cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>;
    /// the shared variables' states follow no parameter. A body that returns only updates has no results (an empty array).
    /// </summary>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, Pairs> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<(TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, (TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, (TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, (TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, (TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, (TensorVariable Output, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<(TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, (TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, (TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, (TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, (TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{Pairs}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.ScanWithUpdates)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, (TensorVariable[] Outputs, Pairs Updates)> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;
}
