using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>Argmax</c> and <c>Argmin</c>: the int64 position of the largest (smallest) element over the axes, as
/// NumPy computes it: the first on ties, the first NaN if there is one, over several axes the row-major position
/// among them. A runtime kernel reads the operand's buffer (<c>ReductionKernels.Argmax</c>); an empty reduced axis
/// raises before any work, as NumPy's "attempt to get argmax of an empty sequence".
/// </summary>
internal sealed class ArgExtremumOp(OpCode op, string name, bool isMaximum) : IStructuralOp, ICallOp, INoIdentity
{
    public static readonly ArgExtremumOp Argmax = new(OpCode.Argmax, "argmax", isMaximum: true);

    public static readonly ArgExtremumOp Argmin = new(OpCode.Argmin, "argmin", isMaximum: false);

    public OpCode Op { get; } = op;

    public string Name { get; } = name;

    public bool IsMaximum { get; } = isMaximum;

    public int Arity => 1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    public string EmptyError => $"attempt to get {Name} of an empty sequence";

    public string Verb => Name;

    public IReadOnlyList<int> NonEmptyAxes(Node node) => node.Parameters<ReduceParams>().Axes;

    /// <summary>The positions over <paramref name="axes"/> (sorted, non-negative); a 0-d operand's is 0, as NumPy's.</summary>
    public int Build(GraphBuilder b, int x, int[] axes, bool keepdims)
    {
        if (b[x].Rank == 0) return b.Constant(ScalarValue.Integer(0), DType.Int64);
        var parameters = new ReduceParams(axes.ToEquatableArray(), keepdims);
        return b.Add(new Node(Op, DType.Int64, Shape(b[x].Shape, parameters), new[] { x }.ToEquatableArray(), parameters, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0].Shape, node.Parameters<ReduceParams>());

    private static EquatableArray<int> Shape(EquatableArray<int> operand, ReduceParams p) =>
        Enumerable.Range(0, operand.Count).Where(d => !p.Reduces(d) || p.KeepDims).Select(d => p.Reduces(d) ? 1 : operand[d]).ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>Each kept axis is the operand's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<ReduceParams>();
        int rank = sizes.Graph[node.Inputs[0]].Rank;
        for (int d = 0, j = 0; d < rank; d++)
        {
            bool reduced = p.Reduces(d);
            if (!reduced) sizes.Same(sizes.Output(j), sizes.Operand(0, d));
            if (!reduced || p.KeepDims) j++;
        }
    }

    /// <summary>A position is piecewise constant: no gradient flows to the operand (PyTensor's is zeros).</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1];

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{axis=(1,)}</c>, with <c>keepdims</c>, as a reduction's.</summary>
    public string PrintedParameters(Node node) => SumOp.Instance.PrintedParameters(node);

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>
    /// <c>ReductionKernels.Argmax(x, [sizes], [axes], output)</c>; one position of every element (a 0-d result) is
    /// <c>ReductionKernels.ArgmaxFlat(x)</c>.
    /// </summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<ReduceParams>();
        string kernel = IsMaximum ? "Argmax" : "Argmin";
        if (site.Node.Rank == 0)
        {
            site.Line($"long {site.OutputLocal} = global::Tensorgen.ReductionKernels.{kernel}Flat({site.Input(0)});");
            return;
        }
        var axes = string.Join(", ", p.Axes.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        site.Line($"global::Tensorgen.ReductionKernels.{kernel}({site.Input(0)}, [{string.Join(", ", site.Dims(0))}], [{axes}], {site.Output});");
    }
}
