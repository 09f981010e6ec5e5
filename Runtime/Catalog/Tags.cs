using System;

namespace Tensorgen;

/// <summary>Tags a symbolic API member with the graph operation it builds (read by the generator).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class OpAttribute(OpCode code) : Attribute
{
    public OpCode Code { get; } = code;
}

/// <summary>Tags a symbolic API member that is not an element-wise op (read by the generator).</summary>
/// <param name="builtin">What the member does.</param>
/// <param name="rank">For variable constructors: the rank, or -1 when an argument gives it.</param>
/// <param name="dtype">For variable constructors: the dtype, or -1 when an argument gives it.</param>
/// <param name="broadcastable">For variable constructors: bit i set means dimension i has static size 1.</param>
/// <param name="op">For reductions: which one (Sum, Max, Min, Mean).</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class BuiltinAttribute(Builtin builtin, int rank = -1, int dtype = -1, int broadcastable = 0, OpCode op = OpCode.Input) : Attribute
{
    public OpCode Op { get; } = op;
    public Builtin Builtin { get; } = builtin;
    public int Rank { get; } = rank;
    public int DType { get; } = dtype;
    public int Broadcastable { get; } = broadcastable;
}

/// <summary>Tags a symbolic API member evaluated by a function of the graph language (read by the generator; see <see cref="ApiFunction"/>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class CallAttribute(ApiFunction function) : Attribute
{
    public ApiFunction Function { get; } = function;
}
