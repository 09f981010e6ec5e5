namespace Tensorgen;

public partial class TensorVariable
{
    /// <summary>
    /// Indexing as NumPy and PyTensor define it (<c>x[0]</c>, <c>x[^1]</c>, <c>x[1..^1, 0]</c>, <c>x[.., 1..]</c>,
    /// <c>x[Slice(null, null, -1)]</c>, <c>x[idx]</c>, <c>x[x > 0]</c>, <c>x[.., NewAxis]</c>): see <see cref="TensorIndex"/>.
    /// </summary>
    public TensorVariable this[params TensorIndex[] indices]
    {
        [Call(ApiFunction.Index)]
        get => Inert.Variable;
    }

    /// <summary>An int scalar variable as the end of a C# range: <c>x[..n]</c>, <c>x[i..(i + 10)]</c>.</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator System.Index(TensorVariable position) => default;
}
