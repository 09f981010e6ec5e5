using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>Whether a batched product reads each operand's matrices (its last two axes) transposed.</summary>
internal sealed record BatchedMatmulParams(bool TransposeA, bool TransposeB) : OpParams
{
    public bool Transposes(int operand) => operand == 0 ? TransposeA : TransposeB;
}

/// <summary>
/// NumPy's <c>matmul</c> of operands of one rank, 3 or more (PyTensor's <c>Blockwise(Dot)</c>): a matrix product
/// per index of the leading (batch) axes, which broadcast as element-wise ops do (only a static size 1
/// broadcasts). Each operand's matrices may be read transposed (its parameters), so gradients copy no
/// transpose. The runtime kernel calls <c>Linalg.Gemm</c> once per batch index.
/// </summary>
internal sealed class BatchedMatmulOp : IStructuralOp, ICallOp
{
    public static readonly BatchedMatmulOp Instance = new();

    public OpCode Op => OpCode.BatchedMatmul;

    public string Name => "batched_matmul";

    public int Arity => 2;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>
    /// The batched product of <paramref name="a"/> and <paramref name="c"/> (both of rank 2 or more; the lower rank is
    /// given leading axes of size 1), converted to their common dtype. An error with both shapes when the inner sizes
    /// or batch sizes differ statically.
    /// </summary>
    public int Build(GraphBuilder b, int a, int c, bool transA, bool transB, out string? error)
    {
        error = null;
        string Both() => $"{b.Describe(Operand.Of(a))} and {b.Describe(Operand.Of(c))}";
        if (b[a].Rank < 2 || b[c].Rank < 2)
        {
            error = $"a batched product takes tensors of rank 2 or more, not {Both()}";
            return -1;
        }
        int rank = System.Math.Max(b[a].Rank, b[c].Rank);
        var p = new BatchedMatmulParams(transA, transB);
        var (x, y) = (b[a], b[c]);
        int ka = x.Shape[x.Rank - (transA ? 2 : 1)], kb = y.Shape[y.Rank - (transB ? 1 : 2)];
        if (ka >= 0 && kb >= 0 && ka != kb)
        {
            error = $"the product of {Both()} does not fit: inner sizes {ka} and {kb} differ";
            return -1;
        }
        for (int i = 0; i < rank - 2; i++)
        {
            int da = Batch(x, rank, i), db = Batch(y, rank, i);
            if (da >= 0 && db >= 0 && da != db && da != 1 && db != 1)
            {
                error = $"the batch shapes of {Both()} do not broadcast: sizes {da} and {db} of batch axis {i} differ";
                return -1;
            }
        }
        var dtype = DTypes.Promote(x.DType, y.DType);
        if (dtype == DType.Bool) dtype = DType.Int64;
        a = Pad(b, b.Convert(a, dtype), rank);
        c = Pad(b, b.Convert(c, dtype), rank);
        return b.Add(new Node(OpCode.BatchedMatmul, dtype, Shape(b[a], b[c], p), new[] { a, c }.ToEquatableArray(), p, default, null));
    }

    /// <summary>Batch axis <paramref name="i"/> of an operand seen at <paramref name="rank"/> (1 where it has none).</summary>
    private static int Batch(Node x, int rank, int i) => i < rank - x.Rank ? 1 : x.Shape[i - (rank - x.Rank)];

    private static int Pad(GraphBuilder b, int x, int rank) =>
        b[x].Rank == rank ? x : b.DimShuffle(x, Enumerable.Repeat(-1, rank - b[x].Rank).Concat(Enumerable.Range(0, b[x].Rank)).ToArray());

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], operands[1], node.Parameters<BatchedMatmulParams>());

    private static EquatableArray<int> Shape(Node a, Node b, BatchedMatmulParams p)
    {
        int r = a.Rank;
        var shape = new List<int>();
        for (int i = 0; i < r - 2; i++) shape.Add(a.Shape[i] == 1 ? b.Shape[i] : b.Shape[i] == 1 ? a.Shape[i] : System.Math.Max(a.Shape[i], b.Shape[i]));
        shape.Add(a.Shape[r - (p.TransposeA ? 1 : 2)]);
        shape.Add(b.Shape[r - (p.TransposeB ? 2 : 1)]);
        return shape.ToEquatableArray();
    }

    public bool OwnIdentity => false;

    /// <summary>Batch axes broadcast (a static 1 stretches); inner axes meet; rows of a and columns of b are the result's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var a = sizes.Graph[node.Inputs[0]];
        var b = sizes.Graph[node.Inputs[1]];
        var p = node.Parameters<BatchedMatmulParams>();
        int r = node.Rank;
        for (int i = 0; i < r - 2; i++)
        {
            if (a.Shape[i] != 1) sizes.Same(sizes.Output(i), sizes.Operand(0, i));
            if (b.Shape[i] != 1) sizes.Same(sizes.Output(i), sizes.Operand(1, i));
        }
        sizes.Same(sizes.Operand(0, r - (p.TransposeA ? 2 : 1)), sizes.Operand(1, r - (p.TransposeB ? 1 : 2)));
        sizes.Same(sizes.Output(r - 2), sizes.Operand(0, r - (p.TransposeA ? 1 : 2)));
        sizes.Same(sizes.Output(r - 1), sizes.Operand(1, r - (p.TransposeB ? 2 : 1)));
    }

    /// <summary>
    /// As <see cref="DotOp"/>'s per batch index (gA_r = G·B_rᵀ, gB_r = A_rᵀ·G, written with transpose flags), each
    /// summed over the batch axes its operand broadcast along.
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        int a = n.Inputs[0], c = n.Inputs[1];
        var (tA, tB) = (n.Parameters<BatchedMatmulParams>().TransposeA, n.Parameters<BatchedMatmulParams>().TransposeB);
        int Product(int p, int q, bool tp, bool tq) => Build(b, p, q, tp, tq, out _);
        int gA = tA ? Product(c, g, tB, true) : Product(g, c, false, !tB);
        int gB = tB ? Product(g, a, true, tA) : Product(a, g, !tA, false);
        return [Unbroadcast(b, gA, a), Unbroadcast(b, gB, c)];
    }

    /// <summary><paramref name="grad"/> summed (keeping the axes) over the batch axes where <paramref name="operand"/> has a static 1 and it may not.</summary>
    private static int Unbroadcast(GraphBuilder b, int grad, int operand)
    {
        if (grad < 0) return grad;
        var axes = Enumerable.Range(0, b[operand].Rank - 2).Where(i => b[operand].Shape[i] == 1 && b[grad].Shape[i] != 1).ToArray();
        return axes.Length == 0 ? grad : b.Reduce(OpCode.Sum, grad, axes, keepdims: true);
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    /// <summary>A transposed operand: <c>A.mT</c> (NumPy's name for the transpose of the matrices).</summary>
    public string PrintedOperand(Node node, int k, string name) => node.Parameters<BatchedMatmulParams>().Transposes(k) ? name + ".mT" : name;

    /// <summary><c>BatchedLinalg.Matmul(a, aBatch, transA, b, bBatch, transB, c, cBatch, m, n, k)</c>, batch shapes as stack spans.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<BatchedMatmulParams>();
        var da = site.Dims(0);
        var db = site.Dims(1);
        var dc = site.OutputDims;
        int r = dc.Count;
        string Batch(IReadOnlyList<string> dims) => "stackalloc nint[] { " + string.Join(", ", dims.Take(r - 2)) + " }";
        string k = da[r - (p.TransposeA ? 2 : 1)];
        site.Line($"global::Tensorgen.BatchedLinalg.Matmul({site.Input(0)}, {Batch(da)}, {(p.TransposeA ? "true" : "false")}, " +
            $"{site.Input(1)}, {Batch(db)}, {(p.TransposeB ? "true" : "false")}, {site.Output}, {Batch(dc)}, " +
            $"{CallSite.Int(dc[r - 2])}, {CallSite.Int(dc[r - 1])}, {CallSite.Int(k)});");
    }
}
