// Compiled into both the runtime and the generator, as OpCode.cs is. A symbolic API member tagged
// [Call(ApiFunction.X)] is evaluated by the generator's entry for X (Generator/Evaluate/Calls/): one
// function may build several ops (Stack is a join of new axes) or none (NewAxis is an index marker).
namespace Tensorgen;

/// <summary>The functions of the graph language that are not one element-wise op: indexing, shapes, joins, products.</summary>
public enum ApiFunction
{
    /// <summary>A conversion into an index entry, passed through (<c>x[0]</c>, <c>x[1..]</c>, <c>x[i]</c>).</summary>
    IndexEntry,
    /// <summary><c>Slice(start, stop, step)</c>.</summary>
    Slice,
    /// <summary><c>NewAxis</c> (NumPy's <c>None</c> in an index).</summary>
    NewAxis,
    /// <summary><c>Ellipsis</c> (<c>...</c> in an index).</summary>
    Ellipsis,
    /// <summary><c>x[...]</c>.</summary>
    Index,
    // Each family adds its functions below its own heading; the order carries no meaning.
    // Basic indexing

    // Advanced indexing

    // Shapes and constructors
    /// <summary><c>Arange(stop)</c>, <c>Arange(start, stop, step)</c>.</summary>
    Arange,

    // Joins
    /// <summary><c>Concatenate([a, b], axis)</c> (PyTensor's <c>concatenate</c>/<c>join</c>).</summary>
    Concatenate,
    /// <summary><c>Stack([a, b], axis)</c>.</summary>
    Stack,
    /// <summary><c>Split(x, sizes, axis)</c>.</summary>
    Split,

    // Products
    /// <summary><c>Dot(a, b)</c> for every rank (NumPy's <c>dot</c>).</summary>
    Dot,
    /// <summary><c>Matmul(a, b)</c> (NumPy's <c>matmul</c>, batched over leading axes).</summary>
    Matmul,
    /// <summary><c>Tensordot(a, b, axes)</c>.</summary>
    Tensordot,

}
