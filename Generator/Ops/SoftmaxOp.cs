using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The consecutive axes <paramref name="First"/>..<paramref name="Last"/> (non-negative; none when Last &lt; First,
/// a 0-d operand) a softmax normalizes along or a log-sum-exp reduces; <paramref name="All"/> when they are every
/// axis (PyTensor's <c>axis=None</c>, printed so); <paramref name="KeepDims"/> for a log-sum-exp.
/// </summary>
internal sealed record SoftmaxParams(int First, int Last, bool All, bool KeepDims) : OpParams
{
    public bool Spans(int axis) => axis >= First && axis <= Last;

    public int[] Axes => Enumerable.Range(First, System.Math.Max(0, Last - First + 1)).ToArray();
}

/// <summary>
/// PyTensor's <c>Softmax</c> and <c>LogSoftmax</c> (same shape as x) and the stable log-sum-exp (x's shape without
/// the axes, or with them as size 1 under keepdims): one runtime kernel call (<c>SoftmaxKernels</c>) that makes
/// one pass per row for the maximum, one for the sum of exponentials and one to write, vectorized along the row or
/// across interleaved rows. Like NumPy's max, an empty axis has no value: the call raises before any work.
/// </summary>
internal sealed class SoftmaxOp : IStructuralOp, ICallOp, INoIdentity
{
    public static readonly SoftmaxOp Softmax = new(OpCode.Softmax, "softmax", "Softmax");
    public static readonly SoftmaxOp LogSoftmax = new(OpCode.LogSoftmax, "log_softmax", "LogSoftmax");
    public static readonly SoftmaxOp LogSumExp = new(OpCode.LogSumExp, "logsumexp", "LogSumExp");

    private readonly string _kernel;

    private SoftmaxOp(OpCode op, string name, string kernel)
    {
        Op = op;
        Name = name;
        _kernel = kernel;
    }

    public OpCode Op { get; }

    public string Name { get; }

    private bool Reduces => Op == OpCode.LogSumExp;

    /// <summary>Whether <paramref name="node"/> is a softmax or a log_softmax: a value of its operand's shape.</summary>
    public static bool Normalizes(Node node) => node.Op is OpCode.Softmax or OpCode.LogSoftmax;

    /// <summary>
    /// Whether <paramref name="node"/> only selects or reorders its first operand's elements (basic or advanced
    /// indexing, a dimshuffle), so log(op(softmax(x))) is op(log(softmax(x))): PyTensor's <c>local_logsoftmax</c> lifts these.
    /// </summary>
    public static bool Selects(Node node) => node.Op is OpCode.Subtensor or OpCode.AdvancedSubtensor or OpCode.DimShuffle;

    public int Arity => 1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The op over <paramref name="x"/> (a float tensor: the caller converts) along the axes <paramref name="p"/>.</summary>
    public int Build(GraphBuilder b, int x, SoftmaxParams p) =>
        b.Add(new Node(Op, b[x].DType, Shape(b[x].Shape, p), new[] { x }.ToEquatableArray(), p, default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0].Shape, node.Parameters<SoftmaxParams>());

    private EquatableArray<int> Shape(EquatableArray<int> x, SoftmaxParams p)
    {
        if (!Reduces) return x;
        var shape = new List<int>();
        for (int d = 0; d < x.Count; d++)
        {
            if (!p.Spans(d)) shape.Add(x[d]);
            else if (p.KeepDims) shape.Add(1);
        }
        return shape.ToEquatableArray();
    }

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<SoftmaxParams>();
        int rank = sizes.Graph[node.Inputs[0]].Rank;
        for (int d = 0, j = 0; d < rank; d++)
        {
            bool reduced = Reduces && p.Spans(d);
            if (!reduced) sizes.Same(sizes.Output(j), sizes.Operand(0, d));
            if (!reduced || p.KeepDims) j++;
        }
    }

    /// <summary>
    /// PyTensor's: softmax (<c>SoftmaxGrad</c>) (g - sum(g·sm, axis)) · sm; log_softmax g - exp(lsm) · sum(g, axis);
    /// log-sum-exp (the gradient of log(sum(exp(x)))) g · exp(x - lse), g and lse broadcast back over the axes.
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        var p = node.Parameters<SoftmaxParams>();
        var axes = p.Axes;
        int x = node.Inputs[0];
        if (Op == OpCode.Softmax)
        {
            int dot = b.Reduce(OpCode.Sum, b.Ew(OpCode.Mul, g, id), axes, keepdims: true);
            return [b.Ew(OpCode.Mul, b.Ew(OpCode.Sub, g, dot), id)];
        }
        if (Op == OpCode.LogSoftmax)
        {
            int total = b.Reduce(OpCode.Sum, g, axes, keepdims: true);
            return [b.Ew(OpCode.Sub, g, b.Ew(OpCode.Mul, b.Ew(OpCode.Exp, id), total))];
        }
        int lse = Unreduce(b, id, p, b[x].Rank), gk = Unreduce(b, g, p, b[x].Rank);
        return [b.Ew(OpCode.Mul, gk, b.Ew(OpCode.Exp, b.Ew(OpCode.Sub, x, lse)))];
    }

    /// <summary>A log-sum-exp's value (or adjoint) with the reduced axes back as size 1, to broadcast against x.</summary>
    private static int Unreduce(GraphBuilder b, int value, SoftmaxParams p, int rank)
    {
        if (p.KeepDims || p.Axes.Length == 0) return value;
        var pattern = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) pattern[d] = p.Spans(d) ? -1 : k++;
        return b.DimShuffle(value, pattern);
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{axis=1}</c>, <c>{axis=None}</c>; a log-sum-exp's axes as a reduction's, <c>{axis=(0, 1), keepdims}</c>.</summary>
    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<SoftmaxParams>();
        string axes = p.All ? "None"
            : !Reduces && p.First == p.Last ? p.First.ToString(CultureInfo.InvariantCulture)
            : "(" + string.Join(", ", p.Axes.Select(a => a.ToString(CultureInfo.InvariantCulture))) + (p.Axes.Length == 1 ? ",)" : ")");
        return "{axis=" + axes + (p.KeepDims ? ", keepdims}" : "}");
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    public string EmptyError => "zero-size array to reduction operation maximum which has no identity";

    public string Verb => Name;

    public IReadOnlyList<int> NonEmptyAxes(Node node) => node.Parameters<SoftmaxParams>().Axes;

    /// <summary>
    /// <c>SoftmaxKernels.Softmax(x, [sizes], first, last, output)</c> (no axes, a 0-d operand: first 0, last -1); a 0-d
    /// result is <c>T v = SoftmaxKernels.SoftmaxScalar(x, [sizes], first, last)</c>.
    /// </summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<SoftmaxParams>();
        int first = p.Axes.Length == 0 ? 0 : p.First, last = p.Axes.Length == 0 ? -1 : p.Last;
        string arguments = string.Format(CultureInfo.InvariantCulture, "{0}, [{1}], {2}, {3}", site.Input(0), string.Join(", ", site.Dims(0)), first, last);
        site.Line(site.Node.Rank == 0
            ? $"{site.Node.DType.CSharp()} {site.OutputLocal} = global::Tensorgen.SoftmaxKernels.{_kernel}Scalar({arguments});"
            : $"global::Tensorgen.SoftmaxKernels.{_kernel}({arguments}, {site.Output});");
    }
}
