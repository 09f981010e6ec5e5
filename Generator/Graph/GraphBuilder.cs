using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Builds a graph node by node, typing each application (dtype promotion, broadcasting) and
/// hash-consing, so an expression written twice is one node: PyTensor's merge pass, done eagerly.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly List<Node> _nodes = new();
    private readonly Dictionary<Node, int> _index = new();
    private readonly int _maxNodes;

    /// <param name="maxNodes">The most nodes the graph may hold: one more is a <see cref="GeneratorLimitException"/>.</param>
    public GraphBuilder(int maxNodes = 0) => _maxNodes = maxNodes > 0 ? maxNodes : GeneratorLimits.Default.MaxNodes;

    public int Count => _nodes.Count;

    public Node this[int id] => _nodes[id];

    public TensorGraph Freeze() => new(_nodes.ToEquatableArray());

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
            int result = id;
            if (changed)
            {
                var shape = OpInfo.IsElementwise(node.Op) ? Broadcast(inputs.Select(Operand.Of).ToList(), out _).ToEquatableArray()
                    : OpInfo.Structural(node.Op).StaticShape(node, inputs.Select(i => _nodes[i]).ToList());
                result = Add(node with { Inputs = inputs.ToEquatableArray(), Shape = shape });
            }
            memo[id] = result;
        }
        return givens.TryGetValue(root, out int given) ? given : memo[root];
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

    /// <summary>
    /// Applies an element-wise op. Returns the result, or an error message (a dtype or shape
    /// problem, with the kind in <paramref name="isShapeError"/>) and no result.
    /// </summary>
    public Operand Apply(OpCode op, IReadOnlyList<Operand> operands, DType? castTo, out string? error, out bool isShapeError)
    {
        error = null;
        isShapeError = false;
        var dtypes = operands.Select(o => o.Weak is { } l ? l.Kind : _nodes[o.Node].DType).ToArray();

        // Logic and conditions want bools, arithmetic does not.
        if (OpInfo.IsLogical(op) && dtypes.Any(d => d != DType.Bool))
        {
            error = $"{OpInfo.Name(op)} needs bool operands, but got {Describe(operands)}; compare first (a > 0) or Cast(x, DType.Bool)";
            return default;
        }
        if (op == OpCode.Switch && dtypes[0] != DType.Bool)
        {
            error = $"the condition of switch must be a bool tensor, but is {Describe(operands[0])}";
            return default;
        }
        var valueOperands = op == OpCode.Switch ? operands.Skip(1).ToArray() : operands.ToArray();
        if (!OpInfo.TakesBools(op) && valueOperands.All(o => (o.Weak?.Kind ?? _nodes[o.Node].DType) == DType.Bool))
        {
            error = $"{OpInfo.Name(op)} is arithmetic and its operands are bool ({Describe(operands)}); Cast(x, DType.Int64) first";
            return default;
        }

        // Literals only: fold now, the result stays a literal.
        if (operands.All(o => o.IsLiteral))
        {
            var values = operands.Select(o => o.Weak!.Value.Value).ToArray();
            var kinds = operands.Select(o => o.Weak!.Value.Kind).ToArray();
            var kind = LiteralResultKind(op, kinds, castTo);
            var operandKind = (op == OpCode.Switch ? kinds.Skip(1) : kinds).Aggregate(DTypes.Promote);
            return Operand.Of(new Literal(kind, ScalarMath.Evaluate(op, kind, operandKind, values)));
        }

        if (op == OpCode.Identity) return Operand.Of(operands[0].Node);
        if (op == OpCode.Cast) return Operand.Of(Convert(operands[0].Node, castTo!.Value));

        DType operandType = CommonType(valueOperands);
        DType resultType = OpInfo.ResultType(op, operandType, castTo);

        var shape = Broadcast(operands, out error);
        if (error is not null)
        {
            isShapeError = true;
            return default;
        }

        // second(a, b): b broadcast to a's shape; a gives only the shape, so it keeps its dtype.
        if (op == OpCode.Second)
        {
            var shapeOf = operands[0].IsLiteral ? Materialize(operands[0], dtypes[1]) : operands[0].Node;
            var valueType = operands[1].IsLiteral ? _nodes[shapeOf].DType : dtypes[1];
            int value = Convert(Materialize(operands[1], valueType), valueType);
            return Operand.Of(Add(Node.Apply(op, valueType, shape.ToEquatableArray(), shapeOf, value)));
        }

        // Operands are converted to the type the op computes in, so kernels never mix dtypes.
        DType computeType = OpInfo.IsFloatMath(op) ? resultType : operandType;
        var inputs = new int[operands.Count];
        for (int i = 0; i < operands.Count; i++)
        {
            var want = op == OpCode.Switch && i == 0 ? DType.Bool : computeType;
            inputs[i] = Convert(Materialize(operands[i], want), want);
        }
        return Operand.Of(Add(Node.Apply(op, resultType, shape.ToEquatableArray(), inputs)));
    }

    /// <summary>An element-wise op that cannot fail (operands already typed): for graphs the generator builds itself, as gradients.</summary>
    public int Ew(OpCode op, params int[] operands)
    {
        var result = Apply(op, operands.Select(Operand.Of).ToList(), null, out var error, out _);
        if (error is not null) throw new System.InvalidOperationException($"internal: {OpInfo.Name(op)} failed: {error}");
        return result.Node;
    }

    /// <summary>A float constant of <paramref name="dtype"/>.</summary>
    public int Scalar(double value, DType dtype) => Constant(value, dtype);

    /// <summary>
    /// A reduction over <paramref name="axes"/> (sorted, non-negative): sum, max, min, or mean (lowered to a sum
    /// over a count). With <paramref name="keepdims"/> reduced axes stay as size 1.
    /// </summary>
    public int Reduce(OpCode op, int x, int[] axes, bool keepdims) => StructuralOps.Reduction(op).Build(this, x, axes, keepdims);

    /// <summary>The axes a reduction removes (sorted), and whether it keeps them as size 1.</summary>
    public static (int[] Axes, bool KeepDims) ReduceAxes(Node node)
    {
        var p = node.Parameters<ReduceParams>();
        return (p.Axes.ToArray(), p.KeepDims);
    }

    /// <summary>PyTensor's DimShuffle (<see cref="DimShuffleOp"/>): output dimension j is input dimension <c>pattern[j]</c>, or a new one where -1.</summary>
    public int DimShuffle(int x, int[] pattern) => DimShuffleOp.Instance.Build(this, x, pattern);

    /// <summary>Whether a DimShuffle keeps the order of the dimensions it keeps: a view of the same data.</summary>
    public static bool IsView(Node dimShuffle) => dimShuffle.Parameters<ShuffleParams>().IsView;

    /// <summary>A product of vectors and matrices (<see cref="DotOp"/>), a matrix operand read as its transpose where its flag says so.</summary>
    public int Dot(int a, int b, bool transA, bool transB, out string? error) => DotOp.Instance.Build(this, a, b, transA, transB, out error);

    /// <summary>The run-time size of dimension <paramref name="axis"/> of <paramref name="x"/>, as an int64 scalar (a constant when static).</summary>
    public int DimSize(int x, int axis) => DimSizeOp.Instance.Build(this, x, axis);

    /// <summary>A draw of random variable number <paramref name="index"/> (<see cref="RandomOp"/>).</summary>
    public int Random(Distribution distribution, int[] parameters, int[] size, int[] sizeNodes, int index) =>
        RandomOp.Instance.Build(this, distribution, parameters, size, sizeNodes, index);

    /// <summary>How many of a draw's inputs are the distribution's parameters (the rest are sizes).</summary>
    public static int RandomParameterCount(Node draw) => draw.Parameters<RandomParams>().ParameterCount;

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

    private DType CommonType(IReadOnlyList<Operand> operands)
    {
        DType? strong = null;
        foreach (var o in operands)
            if (!o.IsLiteral) strong = strong is { } s ? DTypes.Promote(s, _nodes[o.Node].DType) : _nodes[o.Node].DType;
        // Switch(c, 1, 2.5): no value operand is a tensor, so the literals' own dtypes decide.
        DType result = strong ?? operands.Select(o => o.Weak!.Value.Kind).Aggregate(DTypes.Promote);
        foreach (var o in operands)
        {
            if (o.Weak is not { } l) continue;
            // A literal adopts the tensor's dtype when that dtype holds it exactly; otherwise the result widens,
            // as PyTensor's autocast of Python numbers decides (int literals are int16/int32/int64 by value,
            // float literals float32 when exactly representable): float32 + 1000 is float32, float32 + 40000
            // and float32 * 0.1 are float64, int32 + 3_000_000_000 is int64, int32 * 1.5 is float64.
            double v = l.Value.Double;
            if (l.Kind.IsFloat() && !result.IsFloat()) result = DType.Float64;
            else if (l.Kind == DType.Int64 && result == DType.Bool) result = DType.Int64;
            else if (l.Kind == DType.Int64 && result == DType.Int32 && l.Value.Long != (int)l.Value.Long) result = DType.Int64;
            else if (l.Kind == DType.Int64 && result == DType.Float32 && l.Value.Long is < short.MinValue or > short.MaxValue) result = DType.Float64;
            else if (l.Kind == DType.Float64 && result == DType.Float32 && (float)v != v && !double.IsNaN(v)) result = DType.Float64;
        }
        return result;
    }

    private static DType LiteralResultKind(OpCode op, DType[] kinds, DType? castTo) =>
        OpInfo.ResultType(op, (op == OpCode.Switch ? kinds.Skip(1) : kinds).Aggregate(DTypes.Promote), castTo);

    /// <summary>NumPy broadcasting with PyTensor's rule: only a dimension of static size 1 broadcasts.</summary>
    private int[] Broadcast(IReadOnlyList<Operand> operands, out string? error)
    {
        error = null;
        int rank = operands.Max(o => o.IsLiteral ? 0 : _nodes[o.Node].Rank);
        var shape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            int size = 1;
            foreach (var o in operands)
            {
                if (o.IsLiteral) continue;
                var s = _nodes[o.Node].Shape;
                int k = d - (rank - s.Count);
                if (k < 0) continue;
                int dim = s[k];
                if (dim == 1) continue;
                if (size == 1) size = dim;
                else if (size == -1) size = dim;
                else if (dim != -1 && dim != size)
                {
                    error = $"shapes {Describe(operands)} cannot broadcast: dimension {d} has static sizes {size} and {dim}";
                    return shape;
                }
            }
            shape[d] = size;
        }
        return shape;
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
