using System;

namespace Tensorgen;

/// <summary>What every shared variable tells about itself, whatever its element type.</summary>
public interface ISharedVariable
{
    /// <summary>The name given at creation (PyTensor's <c>shared(..., name=)</c>), used in messages and printed graphs.</summary>
    string? Name { get; }

    /// <summary>The element type.</summary>
    DType DType { get; }

    /// <summary>The number of dimensions, fixed at creation.</summary>
    int Rank { get; }

    /// <summary>The static size of each dimension (null: any size); fixed at creation and checked on every write.</summary>
    ReadOnlySpan<int?> StaticShape { get; }

    /// <summary>The current size of each dimension.</summary>
    ReadOnlySpan<nint> Lengths { get; }

    /// <summary>"int64 scalar", "float64 vector (?,)", "float64 matrix (1, ?)": the type, for messages.</summary>
    string TypeText { get; }
}
