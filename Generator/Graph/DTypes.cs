namespace Tensorgen.Generator.Graph;

/// <summary>Facts about dtypes: C# names, kinds and NumPy's promotion order.</summary>
internal static class DTypes
{
    public static bool IsFloat(this DType t) => t is DType.Float32 or DType.Float64;

    public static bool IsInteger(this DType t) => t is DType.Int32 or DType.Int64;

    public static string CSharp(this DType t) => t switch
    {
        DType.Bool => "bool",
        DType.Int32 => "int",
        DType.Int64 => "long",
        DType.Float32 => "float",
        _ => "double",
    };

    /// <summary>NumPy's name, as printed in graphs and messages.</summary>
    public static string NumPy(this DType t) => t switch
    {
        DType.Bool => "bool",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Float32 => "float32",
        _ => "float64",
    };

    /// <summary>NumPy's result type for two strongly typed operands.</summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        // float32 cannot hold every int32/int64 exactly, so NumPy widens to float64.
        if ((a == DType.Float32 && b.IsInteger()) || (b == DType.Float32 && a.IsInteger())) return DType.Float64;
        return (DType)System.Math.Max((int)a, (int)b);
    }
}
