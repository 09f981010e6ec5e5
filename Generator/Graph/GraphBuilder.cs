using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Builds a graph node by node, typing each application and hash-consing, so an expression written twice is
/// one node: PyTensor's merge pass, done eagerly. Element-wise ops are typed here (dtype promotion,
/// broadcasting: <c>GraphBuilder.Elementwise.cs</c>); a structural op types its nodes itself (its class in
/// <c>Generator/Ops/</c>), and the methods here that make them keep the evaluator's calls short.
/// </summary>
internal sealed partial class GraphBuilder
{
    private readonly List<Node> _nodes = new();
    private readonly Dictionary<Node, int> _index = new();
    private readonly int _maxNodes;

    /// <param name="maxNodes">The most nodes the graph may hold: one more is a <see cref="GeneratorLimitException"/>.</param>
    public GraphBuilder(int maxNodes = 0) => _maxNodes = maxNodes > 0 ? maxNodes : GeneratorLimits.Default.MaxNodes;

    public int Count => _nodes.Count;

    public Node this[int id] => _nodes[id];

    public TensorGraph Freeze() => new(_nodes.ToEquatableArray());

    /// <summary>The nodes added so far, in order (read-only; no copy).</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>
    /// The <see cref="Node.Identity"/> given to the op nodes added from now on (0: none, so equal nodes merge).
    /// The evaluator sets it per API call; a random variable has an identity of its own (its index).
    /// </summary>
    public int Stamp { get; set; }

    public int Add(Node node)
    {
        if (Stamp != 0 && node.Identity == 0 && OpInfo.StampsIdentity(node.Op)) node = node with { Identity = Stamp };
        if (_index.TryGetValue(node, out int id)) return id;
        if (_nodes.Count == _maxNodes) throw GeneratorLimitException.Nodes(_maxNodes);
        id = _nodes.Count;
        _nodes.Add(node);
        _index.Add(node, id);
        return id;
    }

    public int Input(string? name, DType dtype, int[] shape, int ordinal) =>
        Add(new Node(OpCode.Input, dtype, shape.ToEquatableArray(), EquatableArray<int>.Empty, new SourceParams(ordinal), default, name));

    /// <summary>A shared variable's value at the start of a call; <paramref name="index"/> tells shared variables apart.</summary>
    public int Shared(string name, DType dtype, int[] shape, int index) =>
        Add(new Node(OpCode.Shared, dtype, shape.ToEquatableArray(), EquatableArray<int>.Empty, new SourceParams(index), default, name));

    /// <summary>
    /// <paramref name="root"/> with every node in <paramref name="givens"/> replaced by its replacement
    /// (PyTensor's <c>clone_replace</c>). Replacements are used as they are, not replaced in turn, so the
    /// order of givens does not matter. Static shapes are recomputed on the way up.
    /// </summary>
    /// <remarks>
    /// Iterative (an explicit stack, each node visited once thanks to <paramref name="memo"/>): a graph built
    /// by a long loop is a chain as deep as it has nodes, far deeper than the thread's stack allows recursion.
    /// </remarks>
    public int Replace(int root, IReadOnlyDictionary<int, int> givens, Dictionary<int, int> memo)
    {
        if (givens.Count == 0) return root;
        var stack = new Stack<(int Id, bool Ready)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (id, ready) = stack.Pop();
            if (givens.ContainsKey(id) || memo.ContainsKey(id)) continue;
            var node = _nodes[id];
            if (node.IsLeaf)
            {
                memo[id] = id;
                continue;
            }
            if (!ready)
            {
                // Operands first (the first on top, so nodes are added in the order a recursive walk adds
                // them), then this node again with its operands done.
                stack.Push((id, true));
                for (int k = node.Inputs.Count - 1; k >= 0; k--)
                    if (!givens.ContainsKey(node.Inputs[k]) && !memo.ContainsKey(node.Inputs[k])) stack.Push((node.Inputs[k], false));
                continue;
            }
            var inputs = new int[node.Inputs.Count];
            bool changed = false;
            for (int k = 0; k < inputs.Length; k++)
            {
                int input = node.Inputs[k];
                inputs[k] = givens.TryGetValue(input, out int replacement) ? replacement : memo[input];
                changed |= inputs[k] != input;
            }
            memo[id] = changed ? Rebuild(node, inputs) : id;
        }
        return givens.TryGetValue(root, out int given) ? given : memo[root];
    }

    /// <summary>
    /// <paramref name="node"/> applied to other operands of the same dtypes and ranks, which may know other static
    /// sizes: its static shape is inferred again.
    /// </summary>
    public int Rebuild(Node node, int[] inputs)
    {
        var shape = OpInfo.IsElementwise(node.Op) ? Broadcast(inputs.Select(Operand.Of).ToList(), out _).ToEquatableArray()
            : OpInfo.Structural(node.Op).StaticShape(node, inputs.Select(i => _nodes[i]).ToList());
        return Add(node with { Inputs = inputs.ToEquatableArray(), Shape = shape });
    }

    /// <summary>A matrix that is the transpose of another (<c>x.T</c>): that other, which a product reads through a flag instead of a copy.</summary>
    public (int Node, bool Transposed) Untranspose(int node)
    {
        var n = _nodes[node];
        return n.Params is ShuffleParams { IsTranspose: true } ? (n.Inputs[0], true) : (node, false);
    }

    /// <summary>A constant made by <c>Constant(...)</c>: distinct from equal ones until rewriting merges them.</summary>
    public int Constant(ScalarValue value, DType dtype, int identity) =>
        Add(new Node(OpCode.Constant, dtype, EquatableArray<int>.Empty, EquatableArray<int>.Empty, new ConstantParams(identity), value.To(dtype), null));

    /// <summary>A constant of <paramref name="dtype"/>: <paramref name="value"/> converted as the emitted code converts.</summary>
    public int Constant(ScalarValue value, DType dtype) =>
        Add(new Node(OpCode.Constant, dtype, EquatableArray<int>.Empty, EquatableArray<int>.Empty, null, value.To(dtype), null));

    public int Constant(double value, DType dtype) => Constant(ScalarValue.Real(value), dtype);

    /// <summary>A node for the operand, giving a literal the dtype it has met.</summary>
    public int Materialize(Operand operand, DType dtype) =>
        operand.Weak is { } literal ? Constant(literal.Value, dtype) : operand.Node;

    /// <summary>The dtype a literal has when it never meets a tensor: int64, float64 or bool.</summary>
    public static DType DefaultDType(Literal literal) => literal.Kind;

    /// <summary>A float constant of <paramref name="dtype"/>.</summary>
    public int Scalar(double value, DType dtype) => Constant(value, dtype);

    /// <summary>
    /// A reduction over <paramref name="axes"/> (sorted, non-negative): sum, max, min, or mean (lowered to a sum
    /// over a count). With <paramref name="keepdims"/> reduced axes stay as size 1.
    /// </summary>
    public int Reduce(OpCode op, int x, int[] axes, bool keepdims) => StructuralOps.Reduction(op).Build(this, x, axes, keepdims);

    /// <summary>PyTensor's DimShuffle (<see cref="DimShuffleOp"/>): output dimension j is input dimension <c>pattern[j]</c>, or a new one where -1.</summary>
    public int DimShuffle(int x, int[] pattern) => DimShuffleOp.Instance.Build(this, x, pattern);

    /// <summary>A product of vectors and matrices (<see cref="DotOp"/>), a matrix operand read as its transpose where its flag says so.</summary>
    public int Dot(int a, int b, bool transA, bool transB, out string? error) => DotOp.Instance.Build(this, a, b, transA, transB, out error);

    /// <summary>The run-time size of dimension <paramref name="axis"/> of <paramref name="x"/>, as an int64 scalar (a constant when static).</summary>
    public int DimSize(int x, int axis) => DimSizeOp.Instance.Build(this, x, axis);

    /// <summary>A draw of random variable number <paramref name="index"/> (<see cref="RandomOp"/>).</summary>
    public int Random(Distribution distribution, int[] parameters, int[] size, int[] sizeNodes, int index) =>
        RandomOp.Instance.Build(this, distribution, parameters, size, sizeNodes, index);

    /// <summary>A node of dtype <paramref name="dtype"/> holding <paramref name="node"/>'s values.</summary>
    public int Convert(int node, DType dtype)
    {
        var n = _nodes[node];
        if (n.DType == dtype) return node;
        // A literal converts to a literal; a constant that is a variable of its own (Constant(...), a constant
        // gradient) is cast by a node, so that a Grad with respect to it still reaches it (folded when rewriting).
        if (n.IsConstant && n.Params is null) return Constant(n.Value, dtype);
        return Add(Node.Apply(OpCode.Cast, dtype, n.Shape, node));
    }

    public string Describe(Operand o)
    {
        if (o.Weak is { } l) return $"the literal {l.Value.Text(l.Kind)}";
        var n = _nodes[o.Node];
        var what = n.Name is { } name ? $"'{name}' " : "";
        return $"{what}{n.DType.NumPy()}{ShapeText(n.Shape)}";
    }

    private string Describe(IEnumerable<Operand> operands) => string.Join(" and ", operands.Select(Describe));

    /// <summary>A static shape as text: <c>(?, 3)</c>, <c>()</c> for a scalar.</summary>
    public static string ShapeText(EquatableArray<int> shape) =>
        shape.Count == 1 ? $"({Dim(shape[0])},)" : "(" + string.Join(", ", shape.Select(Dim)) + ")";

    private static string Dim(int d) => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture);
}
