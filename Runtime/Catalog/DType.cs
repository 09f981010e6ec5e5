// This file is compiled into both the runtime and the generator: one definition of the dtypes,
// so the names the user writes and the names the generator checks cannot drift apart.
namespace Tensorgen;

/// <summary>Element type of a tensor, named as in NumPy and PyTensor.</summary>
public enum DType
{
    /// <summary>`bool`: C# <see cref="bool"/>.</summary>
    Bool = 0,
    /// <summary>`int32`: C# <see cref="int"/>.</summary>
    Int32 = 1,
    /// <summary>`int64`: C# <see cref="long"/>.</summary>
    Int64 = 2,
    /// <summary>`float32`: C# <see cref="float"/>.</summary>
    Float32 = 3,
    /// <summary>`float64`: C# <see cref="double"/>.</summary>
    Float64 = 4,
    /// <summary>`int8`: C# <see cref="sbyte"/>.</summary>
    Int8 = 5,
    /// <summary>`int16`: C# <see cref="short"/>.</summary>
    Int16 = 6,
    /// <summary>`uint8`: C# <see cref="byte"/>.</summary>
    UInt8 = 7,
}
