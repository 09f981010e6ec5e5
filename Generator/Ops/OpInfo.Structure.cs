using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Graph;

// The questions stages ask of any node, element-wise or structural: answered by the element-wise entry or
// the structural op's class, so no stage lists ops of its own.
internal static partial class OpInfo
{
    public static OpKind Kind(OpCode op) => OpRegistry.Of(op).Kind;

    /// <summary>The structural op's class (<see cref="IStructuralOp"/>); an element-wise op has none.</summary>
    public static IStructuralOp Structural(OpCode op) => StructuralOps.Of(op);

    /// <summary>How a node of the op is scheduled: in a fused element-wise kernel, or the structural op's step.</summary>
    public static StepKind StepOf(OpCode op) => IsElementwise(op) ? StepKind.Fused : StructuralOps.Of(op).Step;

    /// <summary>Whether a node of the op only views its operand's data (no step computes it).</summary>
    public static bool IsView(Node node) => !IsElementwise(node.Op) && StructuralOps.Of(node.Op).IsView(node);

    /// <summary>
    /// Whether a node reads operand <paramref name="k"/>'s values, not only its shape: not a size's operand, nor
    /// <c>second</c>'s first (it gives only the shape its second operand is broadcast to).
    /// </summary>
    public static bool ReadsValue(Node node, int k) =>
        IsElementwise(node.Op) ? !(node.Op == OpCode.Second && k == 0) : StructuralOps.Of(node.Op).ReadsValue(k);

    /// <summary>The op as printed for <paramref name="node"/>: PyTensor's name, a draw's distribution and variable (<c>normal_rv#0</c>).</summary>
    public static string PrintedName(Node node) => IsElementwise(node.Op) ? Name(node.Op) : StructuralOps.Of(node.Op).PrintedName(node);

    /// <summary>The node's parameters as printed, in PyTensor's braces (<c>{axis=(1,)}</c>), or empty.</summary>
    public static string PrintedParameters(Node node) => IsElementwise(node.Op) ? "" : StructuralOps.Of(node.Op).PrintedParameters(node);

    /// <summary>Operand <paramref name="k"/> as printed: <paramref name="name"/>, or <c>A.T</c> for a transposed product operand.</summary>
    public static string PrintedOperand(Node node, int k, string name) => IsElementwise(node.Op) ? name : StructuralOps.Of(node.Op).PrintedOperand(node, k, name);

    /// <summary>Whether the API call that makes a node of the op stamps its identity (<see cref="GraphBuilder.Stamp"/>).</summary>
    public static bool StampsIdentity(OpCode op) => IsElementwise(op) || !StructuralOps.Of(op).OwnIdentity;

    /// <summary>Whether a cost reaching the op's operands only with zero gradients still depends on them: not through a size or a draw.</summary>
    public static bool PassesZeros(OpCode op) => IsElementwise(op) || !StructuralOps.Of(op).Disconnected;
}
