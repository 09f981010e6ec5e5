using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// An op's parameters, as a typed record of its own (PyTensor keeps them as the op instance's
/// <c>__props__</c>). Records compare by value, so two nodes with equal parameters are one node.
/// </summary>
internal abstract record OpParams;

/// <summary>An input's position in the signature, or a shared variable's index: what tells sources apart.</summary>
internal sealed record SourceParams(int Position) : OpParams;

/// <summary>
/// A constant made by <c>Constant(...)</c> (or a constant gradient): a variable of its own, distinct from
/// equal constants until rewriting merges them. Negative identities are the differentiator's.
/// </summary>
internal sealed record ConstantParams(int Identity) : OpParams;

/// <summary>The axes a reduction removes (sorted, non-negative), and whether it keeps them as size 1.</summary>
internal sealed record ReduceParams(EquatableArray<int> Axes, bool KeepDims) : OpParams
{
    public bool Reduces(int axis) => Axes.AsImmutableArray().IndexOf(axis) >= 0;
}

/// <summary>Whether a product reads each matrix operand as its transpose.</summary>
internal sealed record DotParams(bool TransposeA, bool TransposeB) : OpParams
{
    public bool Transposes(int operand) => operand == 0 ? TransposeA : TransposeB;
}

/// <summary>PyTensor's DimShuffle pattern: output dimension j is input dimension <c>Pattern[j]</c>, or a new size-1 one where -1.</summary>
internal sealed record ShuffleParams(EquatableArray<int> Pattern) : OpParams
{
    /// <summary>Whether it keeps the order of the dimensions it keeps: a view of the same data.</summary>
    public bool IsView
    {
        get
        {
            int last = -1;
            foreach (var p in Pattern)
            {
                if (p < 0) continue;
                if (p < last) return false;
                last = p;
            }
            return true;
        }
    }

    /// <summary>Whether it is the transpose of a matrix.</summary>
    public bool IsTranspose => Pattern.Count == 2 && Pattern[0] == 1 && Pattern[1] == 0;
}

/// <summary>The axis whose run-time size a size node reads.</summary>
internal sealed record DimSizeParams(int Axis) : OpParams;

/// <summary>
/// A draw of random variable number <paramref name="Index"/>. Its inputs are the distribution's
/// <paramref name="ParameterCount"/> parameters, then the symbolic sizes.
/// </summary>
/// <param name="SizeInputs">Per dimension: the input that gives its size at run time, or -1 when static.</param>
internal sealed record RandomParams(Distribution Distribution, int Index, int ParameterCount, EquatableArray<int> SizeInputs) : OpParams
{
    public int SizeInput(int axis) => axis < SizeInputs.Count ? SizeInputs[axis] : -1;
}
