using System.Collections;
using System.Collections.Generic;

namespace Tensorgen;

/// <summary>
/// (variable, value) pairs for <c>updates</c> and <c>givens</c>, written as PyTensor writes them: a list
/// <c>[(state, state + inc)]</c>, or a dictionary <c>new Dictionary&lt;TensorVariable, TensorVariable&gt; { [state] = state + inc }</c>.
/// Graph code only.
/// </summary>
public sealed class Pairs : IEnumerable<(TensorVariable Variable, TensorVariable Value)>
{
    /// <summary>An empty list, for collection expressions.</summary>
    public Pairs() { }

    /// <summary>Adds a pair (collection expressions: <c>[(a, b)]</c>).</summary>
    public void Add((TensorVariable Variable, TensorVariable Value) pair) { }

    /// <summary>Adds a pair (collection initializers: <c>{ { a, b } }</c>).</summary>
    public void Add(TensorVariable variable, TensorVariable value) { }

    /// <summary>The pairs of a dictionary, PyTensor's other way to write updates.</summary>
    [Builtin(Builtin.Pairs)]
    public static implicit operator Pairs(Dictionary<TensorVariable, TensorVariable> pairs) => new Pairs();

    /// <inheritdoc/>
    public IEnumerator<(TensorVariable Variable, TensorVariable Value)> GetEnumerator() => throw BuildTimeOnly.Error();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
