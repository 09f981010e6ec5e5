using System;
using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>dot</c> of vectors and matrices. A matrix operand may be read as its transpose
/// (<see cref="DotParams"/>), so <c>Dot(A.T, B)</c> never copies a transpose; it prints as <c>dot(A.T, B)</c>.
/// </summary>
internal sealed class DotOp : IStructuralOp
{
    public static readonly DotOp Instance = new();

    public OpCode Op => OpCode.Dot;

    public string Name => "dot";

    public int Arity => 2;

    public OpKind Kind => OpKind.Product;

    public StepKind Step => StepKind.Product;

    /// <summary>
    /// The product of <paramref name="a"/> and <paramref name="b"/>, each read transposed when its flag says so;
    /// operands are converted to their common dtype first (bools to int64). An error for operands that are not
    /// vectors or matrices, or whose inner sizes differ.
    /// </summary>
    public int Build(GraphBuilder b, int a, int c, bool transA, bool transB, out string? error)
    {
        error = null;
        var x = b[a];
        var y = b[c];
        if (x.Rank is < 1 or > 2 || y.Rank is < 1 or > 2)
        {
            error = $"Dot takes vectors and matrices, not {b.Describe(Operand.Of(a))} and {b.Describe(Operand.Of(c))}";
            return -1;
        }
        var dtype = DTypes.Promote(x.DType, y.DType);
        if (dtype == DType.Bool) dtype = DType.Int64;
        a = b.Convert(a, dtype);
        c = b.Convert(c, dtype);
        int aInner = Inner(x, 0, transA), bInner = Inner(y, 1, transB);
        if (x.Shape[aInner] >= 0 && y.Shape[bInner] >= 0 && x.Shape[aInner] != y.Shape[bInner])
        {
            error = $"Dot of {b.Describe(Operand.Of(a))} and {b.Describe(Operand.Of(c))}: inner sizes {x.Shape[aInner]} and {y.Shape[bInner]} differ";
            return -1;
        }
        var parameters = new DotParams(transA, transB);
        return b.Add(new Node(OpCode.Dot, dtype, Shape(x, y, parameters), new[] { a, c }.ToEquatableArray(), parameters, default, null));
    }

    /// <summary>The axis of operand <paramref name="k"/> that meets the other's: a vector's only one, a matrix's columns (a) or rows (b), as read.</summary>
    private static int Inner(Node operand, int k, bool transposed) => operand.Rank == 1 ? 0 : (k == 0) != transposed ? 1 : 0;

    /// <summary>The axis of matrix operand <paramref name="k"/> that becomes a dimension of the result: its rows (a) or columns (b), as read.</summary>
    private static int Outer(int k, bool transposed) => (k == 0) != transposed ? 0 : 1;

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], operands[1], node.Parameters<DotParams>());

    private static EquatableArray<int> Shape(Node a, Node b, DotParams p)
    {
        var shape = new List<int>();
        if (a.Rank == 2) shape.Add(a.Shape[Outer(0, p.TransposeA)]);
        if (b.Rank == 2) shape.Add(b.Shape[Outer(1, p.TransposeB)]);
        return shape.ToEquatableArray();
    }

    public bool OwnIdentity => false;

    /// <summary>The inner dimensions meet; the outer ones become the result's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var a = sizes.Graph[node.Inputs[0]];
        var b = sizes.Graph[node.Inputs[1]];
        var (tA, tB) = node.Parameters<DotParams>();
        sizes.Same(sizes.Operand(0, Inner(a, 0, tA)), sizes.Operand(1, Inner(b, 1, tB)));
        int j = 0;
        if (a.Rank == 2) sizes.Same(sizes.Output(j++), sizes.Operand(0, Outer(0, tA)));
        if (b.Rank == 2) sizes.Same(sizes.Output(j), sizes.Operand(1, Outer(1, tB)));
    }

    /// <summary>
    /// z = A_r · B_r where A_r is A or Aᵀ as the node reads it: gA_r = G · B_rᵀ and gB_r = A_rᵀ · G, written with
    /// transpose flags so no transpose is ever copied; vector operands give outer products (broadcast products).
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        int a = n.Inputs[0], c = n.Inputs[1];
        var (tA, tB) = n.Parameters<DotParams>();
        int ra = b[a].Rank, rc = b[c].Rank;
        int Product(int p, int q, bool tp, bool tq) => b.Dot(p, q, tp, tq, out _);
        int OuterProduct(int column, int row) => b.Ew(OpCode.Mul, b.DimShuffle(column, [0, -1]), b.DimShuffle(row, [-1, 0]));

        if (ra == 1 && rc == 1) return [b.Ew(OpCode.Mul, g, c), b.Ew(OpCode.Mul, g, a)];
        if (ra == 2 && rc == 1) return [tA ? OuterProduct(c, g) : OuterProduct(g, c), Product(a, g, !tA, false)];
        if (ra == 1 && rc == 2) return [Product(c, g, tB, false), tB ? OuterProduct(g, a) : OuterProduct(a, g)];
        int gA = tA ? Product(c, g, tB, true) : Product(g, c, false, !tB);
        int gB = tB ? Product(g, a, true, tA) : Product(a, g, !tA, false);
        return [gA, gB];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    /// <summary>Linalg reads both operands from memory.</summary>
    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    /// <summary>A transposed operand as PyTensor prints it: <c>A.T</c>.</summary>
    public string PrintedOperand(Node node, int k, string name) => node.Parameters<DotParams>().Transposes(k) ? name + ".T" : name;

    private const string Linalg = "global::Tensorgen.Linalg";

    /// <summary>The function's degree of parallelism (<c>CompiledFunction.Cores</c>): large products split across cores.</summary>
    public const string Cores = "this.Cores";

    /// <summary>A product of two vectors, as a C# expression.</summary>
    public static string Inner(string a, string b) => $"global::System.Numerics.Tensors.TensorPrimitives.Dot({a}, {b})";

    /// <summary>
    /// The Linalg call writing a product of rank 1 or 2 into <paramref name="c"/>, reading each matrix in memory
    /// order whatever its transpose flag; <paramref name="dim"/> gives a size's C# <c>int</c> expression.
    /// </summary>
    /// <param name="a">Operand a's span; <paramref name="da"/> its sizes (dimension indices for <paramref name="dim"/>).</param>
    public static string Call(Node node, int rankA, int rankB, string a, string b, string c, int[] da, int[] db, int[] dc, Func<int, string> dim)
    {
        var (tA, tB) = node.Parameters<DotParams>();
        if (rankA == 2 && rankB == 1) return $"{Linalg}.{(tA ? "MatTVec" : "MatVec")}({a}, {dim(da[0])}, {dim(da[1])}, {b}, {c}, {Cores});";
        if (rankA == 1 && rankB == 2) return $"{Linalg}.{(tB ? "MatVec" : "MatTVec")}({b}, {dim(db[0])}, {dim(db[1])}, {a}, {c}, {Cores});";
        return $"{Linalg}.Gemm({a}, {(tA ? "true" : "false")}, {b}, {(tB ? "true" : "false")}, {c}, {dim(dc[0])}, {dim(dc[1])}, {dim(tA ? da[0] : da[1])}, {Cores});";
    }
}
