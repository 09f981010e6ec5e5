namespace Tensorgen;

public partial class TensorVariable
{
    /// <summary>
    /// The tensor this index was taken from, with the indexed region replaced by <paramref name="y"/> (broadcast to it):
    /// <c>x[1..].Set(y)</c> is PyTensor's <c>x[1:].set(y)</c> and <c>set_subtensor(x[1:], y)</c>. x is not changed.
    /// </summary>
    [Call(ApiFunction.SetSubtensor)]
    public TensorVariable Set(TensorVariable y) => Inert.Variable;

    /// <summary>
    /// The tensor this index was taken from, with <paramref name="y"/> added to the indexed region: <c>x[1..].Inc(y)</c>
    /// is PyTensor's <c>x[1:].inc(y)</c> and <c>inc_subtensor(x[1:], y)</c>. x is not changed.
    /// </summary>
    [Call(ApiFunction.IncSubtensor)]
    public TensorVariable Inc(TensorVariable y) => Inert.Variable;
}
