using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Builds a graph node by node, typing each application (dtype promotion, broadcasting) and
/// hash-consing, so an expression written twice is one node: PyTensor's merge pass, done eagerly.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly List<Node> _nodes = new();
    private readonly Dictionary<Node, int> _index = new();

    public int Count => _nodes.Count;

    public Node this[int id] => _nodes[id];

    public TensorGraph Freeze() => new(_nodes.ToEquatableArray());

    public int Add(Node node)
    {
        if (_index.TryGetValue(node, out int id)) return id;
        id = _nodes.Count;
        _nodes.Add(node);
        _index.Add(node, id);
        return id;
    }

    public int Input(string? name, DType dtype, int[] shape, int ordinal) =>
        Add(new Node(OpCode.Input, dtype, shape.ToEquatableArray(), EquatableArray<int>.Empty, new[] { ordinal }.ToEquatableArray(), 0, name));

    /// <summary>A shared variable's value at the start of a call; <paramref name="index"/> tells shared variables apart.</summary>
    public int Shared(string name, DType dtype, int[] shape, int index) =>
        Add(new Node(OpCode.Shared, dtype, shape.ToEquatableArray(), EquatableArray<int>.Empty, new[] { index }.ToEquatableArray(), 0, name));

    /// <summary>
    /// <paramref name="root"/> with every node in <paramref name="givens"/> replaced by its replacement
    /// (PyTensor's <c>clone_replace</c>). Replacements are used as they are, not replaced in turn, so the
    /// order of givens does not matter. Static shapes are recomputed on the way up.
    /// </summary>
    public int Replace(int root, IReadOnlyDictionary<int, int> givens, Dictionary<int, int> memo)
    {
        if (givens.TryGetValue(root, out int replacement)) return replacement;
        if (memo.TryGetValue(root, out int done)) return done;
        var node = _nodes[root];
        int result = root;
        if (!node.IsLeaf)
        {
            var inputs = node.Inputs.Select(i => Replace(i, givens, memo)).ToArray();
            if (!inputs.SequenceEqual(node.Inputs))
            {
                var shape = OpInfo.IsElementwise(node.Op) ? Broadcast(inputs.Select(Operand.Of).ToList(), out _).ToEquatableArray() : node.Shape;
                result = Add(node with { Inputs = inputs.ToEquatableArray(), Shape = shape });
            }
        }
        memo[root] = result;
        return result;
    }

    /// <summary>A constant made by <c>Constant(...)</c>: distinct from equal ones until rewriting merges them.</summary>
    public int Constant(double value, DType dtype, int identity) =>
        Add(new Node(OpCode.Constant, dtype, EquatableArray<int>.Empty, EquatableArray<int>.Empty, new[] { identity }.ToEquatableArray(), ScalarMath.Round(value, dtype), null));

    public int Constant(double value, DType dtype) =>
        Add(new Node(OpCode.Constant, dtype, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, ScalarMath.Round(value, dtype), null));

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
        if (!OpInfo.IsLogical(op) && !OpInfo.IsComparison(op) && op is not (OpCode.Switch or OpCode.Cast or OpCode.Identity)
            && valueOperands.All(o => (o.Weak?.Kind ?? _nodes[o.Node].DType) == DType.Bool))
        {
            error = $"{OpInfo.Name(op)} is arithmetic and its operands are bool ({Describe(operands)}); Cast(x, DType.Int64) first";
            return default;
        }

        // Literals only: fold now, the result stays a literal.
        if (operands.All(o => o.IsLiteral))
        {
            var values = operands.Select(o => o.Weak!.Value.Value).ToArray();
            var kind = LiteralResultKind(op, operands.Select(o => o.Weak!.Value.Kind).ToArray(), castTo);
            return Operand.Of(new Literal(kind, ScalarMath.Evaluate(op, kind, values)));
        }

        if (op == OpCode.Identity) return Operand.Of(operands[0].Node);
        if (op == OpCode.Cast) return Operand.Of(Convert(operands[0].Node, castTo!.Value));

        DType operandType = CommonType(valueOperands);
        DType resultType = op switch
        {
            OpCode.Cast => castTo!.Value,
            _ when OpInfo.IsComparison(op) || OpInfo.IsLogical(op) => DType.Bool,
            _ when OpInfo.IsFloatMath(op) && !operandType.IsFloat() => DType.Float64,
            _ => operandType,
        };

        var shape = Broadcast(operands, out error);
        if (error is not null)
        {
            isShapeError = true;
            return default;
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

    /// <summary>A node of dtype <paramref name="dtype"/> holding <paramref name="node"/>'s values.</summary>
    public int Convert(int node, DType dtype)
    {
        var n = _nodes[node];
        if (n.DType == dtype) return node;
        if (n.IsConstant) return Constant(n.Value, dtype);
        return Add(Node.Apply(OpCode.Cast, dtype, n.Shape, node));
    }

    private DType CommonType(IReadOnlyList<Operand> operands)
    {
        DType? strong = null;
        foreach (var o in operands)
            if (!o.IsLiteral) strong = strong is { } s ? DTypes.Promote(s, _nodes[o.Node].DType) : _nodes[o.Node].DType;
        DType result = strong!.Value;
        foreach (var o in operands)
        {
            if (o.Weak is not { } l) continue;
            // A literal adopts the tensor's dtype unless it needs a wider kind (1.5 + int32 -> float64).
            if (l.Kind == DType.Float64 && !result.IsFloat()) result = DType.Float64;
            else if (l.Kind == DType.Int64 && result == DType.Bool) result = DType.Int64;
        }
        return result;
    }

    private static DType LiteralResultKind(OpCode op, DType[] kinds, DType? castTo)
    {
        if (op == OpCode.Cast) return castTo!.Value;
        if (OpInfo.IsComparison(op) || OpInfo.IsLogical(op)) return DType.Bool;
        var valueKinds = op == OpCode.Switch ? kinds.Skip(1) : kinds;
        var kind = valueKinds.Aggregate(DTypes.Promote);
        return OpInfo.IsFloatMath(op) && !kind.IsFloat() ? DType.Float64 : kind;
    }

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
        if (o.Weak is { } l) return $"the literal {l.Value.ToString("R", CultureInfo.InvariantCulture)}";
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
