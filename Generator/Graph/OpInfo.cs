namespace Tensorgen.Generator.Graph;

/// <summary>How each op types its result; the lowering and the emitters agree through this table.</summary>
internal static class OpInfo
{
    public static int Arity(OpCode op) => op switch
    {
        OpCode.Input or OpCode.Constant or OpCode.Shared => 0,
        OpCode.Neg or OpCode.Abs or OpCode.Exp or OpCode.Expm1 or OpCode.Log or OpCode.Log1p or OpCode.Tanh
            or OpCode.Sigmoid or OpCode.Softplus or OpCode.Sqr or OpCode.Sqrt or OpCode.Sin or OpCode.Cos
            or OpCode.Not or OpCode.Cast or OpCode.Identity or OpCode.Sign or OpCode.ZeroGrad
            or OpCode.Sum or OpCode.Max or OpCode.Min or OpCode.DimShuffle or OpCode.DimSize => 1,
        OpCode.Switch => 3,
        _ => 2,
    };

    /// <summary>Ops computed element by element with broadcasting: what kernels fuse.</summary>
    public static bool IsElementwise(OpCode op) => op is not (OpCode.Input or OpCode.Constant or OpCode.Shared
        or OpCode.Dot or OpCode.Sum or OpCode.Max or OpCode.Min or OpCode.DimShuffle or OpCode.DimSize or OpCode.Random);

    public static bool IsReduction(OpCode op) => op is OpCode.Sum or OpCode.Max or OpCode.Min;

    /// <summary>Ops whose result is float even for integer operands (PyTensor upcasts ints to float64).</summary>
    public static bool IsFloatMath(OpCode op) => op is OpCode.Exp or OpCode.Expm1 or OpCode.Log or OpCode.Log1p
        or OpCode.Tanh or OpCode.Sigmoid or OpCode.Softplus or OpCode.Sqrt or OpCode.Sin or OpCode.Cos or OpCode.TrueDiv;

    public static bool IsComparison(OpCode op) => op is OpCode.Lt or OpCode.Gt or OpCode.Le or OpCode.Ge or OpCode.Eq or OpCode.Neq;

    public static bool IsLogical(OpCode op) => op is OpCode.And or OpCode.Or or OpCode.Not;

    /// <summary>The name used in printed graphs (PyTensor's scalar op names).</summary>
    public static string Name(OpCode op) => op switch
    {
        OpCode.TrueDiv => "true_div",
        OpCode.IntDiv => "int_div",
        OpCode.Maximum => "maximum",
        OpCode.Minimum => "minimum",
        _ => op.ToString().ToLowerInvariant(),
    };
}
