using System;

namespace Tensorgen;

// Loops in the graph (issue 15): PyTensor's scan. Overloads per number of step parameters (0 to 5) and for one
// result or several, so a lambda's parameters need no types.
public static partial class Pt
{
    /// <summary>
    /// PyTensor's <c>scan</c>: <paramref name="fn"/> run once per step, its results stacked along a new first axis.
    /// The generator runs <paramref name="fn"/> once, at build time, over symbolic per-step values, in this order:
    /// a slice of each sequence (<c>sequences[k][t]</c>), the previous result of each output that has an initial
    /// state in <paramref name="outputsInfo"/> (tap -1), then each non-sequence. Its body is compiled like a function
    /// and emitted as the loop's step.
    /// </summary>
    /// <param name="fn">A lambda or a method of graph code returning the step's result (an array for several).</param>
    /// <param name="sequences">Tensors iterated over their first axis.</param>
    /// <param name="outputsInfo">One entry per result: its initial state (fed back as the previous result), or null for a result not fed back. Null: none fed back.</param>
    /// <param name="nonSequences">Tensors passed to every step as they are (variables the body captures are passed so too).</param>
    /// <param name="nSteps">The number of steps (an int or an int scalar tensor); by default the shortest sequence's length.</param>
    /// <param name="goBackwards">Whether the sequences are read from their last element to their first.</param>
    /// <param name="truncateGradient">PyTensor's truncated back-propagation through time: a gradient through the scan goes back this many steps only (earlier steps and the initial states get none); -1, the default, goes back to the start.</param>
    /// <returns>The stacked results (each of shape (steps, ...)) and the updates the body makes: none for this overload (a body that updates shared variables returns them, see the overloads taking <c>Func&lt;..., Pairs&gt;</c>).</returns>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;

    /// <inheritdoc cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    [Call(ApiFunction.Scan)]
    public static (TensorVariable[] Outputs, Pairs Updates) Scan(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[]? sequences = null, TensorVariable?[]? outputsInfo = null, TensorVariable[]? nonSequences = null, TensorVariable? nSteps = null, bool goBackwards = false, int truncateGradient = -1) => default;
    /// <summary>
    /// PyTensor's <c>map</c>: <paramref name="fn"/> applied to each step's slices of <paramref name="sequences"/> (and the
    /// non-sequences), the results stacked; a <see cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/> with no fed-back result.
    /// </summary>
    [Call(ApiFunction.Map)]
    public static (TensorVariable Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable[] Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable[] Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable[] Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable[] Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Map(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Map)]
    public static (TensorVariable[] Outputs, Pairs Updates) Map(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <summary>
    /// PyTensor's <c>reduce</c>: a <see cref="Scan(Func{TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], TensorVariable, bool, int)"/>
    /// of which only the last step of each result is returned (with no steps, taking it is an index error).
    /// </summary>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable[] Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable[] Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable[] Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable[] Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <inheritdoc cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/>
    [Call(ApiFunction.Reduce)]
    public static (TensorVariable[] Outputs, Pairs Updates) Reduce(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null, bool goBackwards = false) => default;

    /// <summary>PyTensor's <c>foldl</c>: <see cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/> from the first element.</summary>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldl(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldl)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldl(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <summary>PyTensor's <c>foldr</c>: <see cref="Reduce(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[], bool)"/> from the last element.</summary>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <inheritdoc cref="Foldr(Func{TensorVariable, TensorVariable, TensorVariable}, TensorVariable[], TensorVariable[], TensorVariable[])"/>
    [Call(ApiFunction.Foldr)]
    public static (TensorVariable[] Outputs, Pairs Updates) Foldr(Func<TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable, TensorVariable[]> fn, TensorVariable[] sequences, TensorVariable?[] outputsInfo, TensorVariable[]? nonSequences = null) => default;

    /// <summary>
    /// PyTensor's <c>pytensor.gradient.jacobian(expression, wrt)</c>: row i is the gradient of
    /// <c>expression[i]</c> with respect to <paramref name="wrt"/>, so the result has shape
    /// (len(expression), *wrt.shape). Built at build time as a scan over the rows (the expression and everything
    /// not depending on the row computed once). A 0-d expression gives its gradient; an expression of rank 2 or more
    /// is TG0202, as PyTensor raises (flatten it first). A variable the expression does not depend on is TG0302.
    /// </summary>
    [Call(ApiFunction.Jacobian)]
    public static TensorVariable Jacobian(TensorVariable expression, TensorVariable wrt) => Inert.Variable;

    /// <summary>The Jacobians of <paramref name="expression"/> with respect to each variable, in order.</summary>
    [Call(ApiFunction.Jacobian)]
    public static TensorVariable[] Jacobian(TensorVariable expression, TensorVariable[] wrt) => [];

    /// <summary>
    /// PyTensor's <c>pytensor.gradient.hessian(cost, wrt)</c>: the Jacobian of the gradient of the scalar
    /// <paramref name="cost"/> with respect to the vector <paramref name="wrt"/>, shape (n, n).
    /// </summary>
    [Call(ApiFunction.Hessian)]
    public static TensorVariable Hessian(TensorVariable cost, TensorVariable wrt) => Inert.Variable;

    /// <summary>The Hessians of <paramref name="cost"/> with respect to each vector, in order.</summary>
    [Call(ApiFunction.Hessian)]
    public static TensorVariable[] Hessian(TensorVariable cost, TensorVariable[] wrt) => [];

    /// <summary>
    /// PyTensor's <c>pytensor.gradient.Lop(f, wrt, eval_points)</c>, the vector-Jacobian product vᵀ·∂f/∂wrt: the
    /// gradient of sum(f · <paramref name="evalPoints"/>) with respect to <paramref name="wrt"/>, shaped as wrt. The
    /// evaluation points have f's dtype and rank (TG0202 otherwise).
    /// </summary>
    [Call(ApiFunction.Lop)]
    public static TensorVariable Lop(TensorVariable f, TensorVariable wrt, TensorVariable evalPoints) => Inert.Variable;

    /// <summary>The vector-Jacobian products with respect to each variable, in order.</summary>
    [Call(ApiFunction.Lop)]
    public static TensorVariable[] Lop(TensorVariable f, TensorVariable[] wrt, TensorVariable evalPoints) => [];

    /// <summary>
    /// PyTensor's <c>pytensor.gradient.Rop(f, wrt, eval_points)</c>, the Jacobian-vector product ∂f/∂wrt · v, shaped
    /// as f; built as PyTensor 2.24 builds it by default, from two Lops (the Lop of f with respect to wrt at a
    /// placeholder u is linear in u; its Lop with respect to u at v is J·v).
    /// </summary>
    [Call(ApiFunction.Rop)]
    public static TensorVariable Rop(TensorVariable f, TensorVariable wrt, TensorVariable evalPoints) => Inert.Variable;

    /// <summary>The sum of the Jacobian-vector products with respect to each variable at its point.</summary>
    [Call(ApiFunction.Rop)]
    public static TensorVariable Rop(TensorVariable f, TensorVariable[] wrt, TensorVariable[] evalPoints) => Inert.Variable;

    /// <summary>
    /// Several steps of <paramref name="tensor"/> at once, in a Scan's <c>sequences</c> or <c>outputsInfo</c>:
    /// <list type="bullet">
    /// <item>in <c>outputsInfo</c> (PyTensor's <c>dict(initial=initial, taps=[-2, -1])</c>): a result fed back from several
    /// earlier steps; the step receives the result of each step <paramref name="taps"/> back (negative), in the order
    /// given; <paramref name="tensor"/> holds, along its first axis, the values before the first step, of which the first
    /// max(-taps) are used (x(-2), x(-1) for taps -2 and -1);</item>
    /// <item>in <c>sequences</c> (PyTensor's <c>dict(input=x, taps=[-1, 0, 1])</c>): one step argument per tap, the
    /// element tap places away from the step's: with lo = min(taps, 0) and hi = max(taps, 0), step t reads
    /// x[t - lo + tap], and the scan runs len(x) - (hi - lo) steps (taps 1, 2 leave x[0] unread, as PyTensor).</item>
    /// </list>
    /// </summary>
    [Call(ApiFunction.Taps)]
    public static TensorVariable Taps(TensorVariable tensor, params int[] taps) => Inert.Variable;

    /// <summary>
    /// PyTensor's <c>until(condition)</c>: a scan's early exit, returned as the last element of the body's results
    /// (<c>v => [v * 2, Until(v * 2 > limit)]</c>): the loop stops after the first step whose condition (a 0-d bool)
    /// holds, that step included, or after nSteps. The scan's results are then read at their last step
    /// (<c>result[-1]</c>): their stacked form, whose length is known only once the loop ran, is TG0502 for now, and a
    /// gradient through such a scan TG0222.
    /// </summary>
    [Call(ApiFunction.Until)]
    public static TensorVariable Until(TensorVariable condition) => Inert.Variable;
}
