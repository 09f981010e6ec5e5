using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Differentiate;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

// Ops beyond element-wise ones: reductions, products, transposes and gradients.
internal sealed partial class GraphEvaluator
{
    /// <summary><c>Sum/Mean/Max/Min(x, axis, keepdims)</c>, as a function or as <c>x.Sum(...)</c>.</summary>
    private Value Reduce(OpCode op, IrMethod method, int at, int[] args, Value?[] values, Value? receiver)
    {
        var x = receiver ?? values[0];
        if (x is not TensorValue { Operand: var operand })
            return Mistyped(at, $"the operand of {op.ToString().ToLowerInvariant()} is not a tensor");
        int node = operand.Weak is { } literal ? Graph.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : operand.Node;
        int rank = Graph[node].Rank;

        int axisIndex = Parameter(method, "axis");
        var axisValue = axisIndex >= 0 ? values[axisIndex] : null;
        List<int> axes;
        switch (axisValue)
        {
            case null or ConstValue { Constant: null }:
                axes = Enumerable.Range(0, rank).ToList();
                break;
            case ConstValue { Constant: int a }:
                axes = new List<int> { a };
                break;
            case ListValue list when list.Items.All(i => i is ConstValue { Constant: int }):
                axes = list.Items.Select(i => (int)((ConstValue)i).Constant!).ToList();
                break;
            default:
                Report(Model.Diagnostics.NotConstant, args[axisIndex], "the axis of a reduction", Shorten(Text(args[axisIndex])));
                return ErrorValue.Instance;
        }
        for (int i = 0; i < axes.Count; i++)
        {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank || axes.Take(i).Contains(a))
            {
                // An axis that does not fit is TG0207 at the axis argument, as for every other reduction.
                Report(Model.Diagnostics.BadAxis, args[axisIndex] >= 0 ? args[axisIndex] : at, $"axis {axes[i].ToString(CultureInfo.InvariantCulture)} is out of range or repeated for {Graph.Describe(Operand.Of(node))}");
                return ErrorValue.Instance;
            }
            axes[i] = a;
        }
        axes.Sort();
        int keepIndex = Parameter(method, "keepdims");
        bool keepdims = keepIndex >= 0 && values[keepIndex] is ConstValue { Constant: true };

        // A mean is lowered to a sum over a count (MeanOp).
        return new TensorValue(Operand.Of(Graph.Reduce(op, node, axes.ToArray(), keepdims)));
    }

    /// <summary><c>Dot(a, b)</c>; a transposed operand (<c>x.T</c>) is read through a flag instead of copied.</summary>
    private Value Dot(int at, int[] args, Value?[] values)
    {
        if (values[0] is not TensorValue { Operand: { IsLiteral: false } a } || values[1] is not TensorValue { Operand: { IsLiteral: false } b })
            return Mistyped(at, "Dot takes two tensors (vectors or matrices)");
        var (left, transA) = Graph.Untranspose(a.Node);
        var (right, transB) = Graph.Untranspose(b.Node);
        int result = Graph.Dot(left, right, transA, transB, out var error);
        if (error is null) return new TensorValue(Operand.Of(result));
        Report(Model.Diagnostics.ShapeMismatch, at, error);
        return ErrorValue.Instance;
    }

    /// <summary><c>x.Shape</c>: one int64 scalar per dimension, a constant where the size is static.</summary>
    private Value ShapeOf(int at, Value value)
    {
        if (value is ErrorValue) return value;
        if (value is not TensorValue { Operand: { IsLiteral: false } operand }) return Mistyped(at, "the shape of something that is not a tensor");
        var sizes = Enumerable.Range(0, Graph[operand.Node].Rank).Select(k => (Value)new TensorValue(Operand.Of(Graph.DimSize(operand.Node, k)))).ToImmutableArray();
        return new ListValue(sizes, sizes.Select(_ => Node(at).Span).ToImmutableArray());
    }

    private Value Transpose(int at, Value value)
    {
        if (value is ErrorValue) return value;
        if (value is not TensorValue { Operand: var operand }) return Mistyped(at, "the transpose of something that is not a tensor");
        if (operand.IsLiteral) return value;
        int rank = Graph[operand.Node].Rank;
        return new TensorValue(Operand.Of(Graph.DimShuffle(operand.Node, Enumerable.Range(0, rank).Reverse().ToArray())));
    }

    /// <summary>Where later stages report: Grad calls and their variables, the Function call.</summary>
    public SiteTable Sites { get; } = new();

    /// <summary>The site of the expression <paramref name="at"/>, for a diagnostic a later stage reports there.</summary>
    internal int Site(int at) => Sites.Add(Relative(Node(at).Span));

    /// <summary>
    /// <c>Grad(cost, wrt, considerConstant:, disconnectedInputs:)</c>: checked here, recorded as a request per
    /// variable, typed as the variable; the differentiate stage takes the gradients.
    /// </summary>
    private Value Grad(IrMethod method, int at, int[] args, Value?[] values)
    {
        if (values[0] is not TensorValue { Operand: var costOperand })
            return Mistyped(at, "the cost of Grad is not a tensor");
        int cost = Graph.Materialize(costOperand, DType.Float64);
        var costNode = Graph[cost];
        if (costNode.Rank != 0)
        {
            Report(Model.Diagnostics.CostNotScalar, args[0], Graph.Describe(Operand.Of(cost)));
            return ErrorValue.Instance;
        }
        if (!costNode.DType.IsFloat())
        {
            Report(Model.Diagnostics.NotDifferentiable, args[0], "the cost", costNode.DType.NumPy());
            return ErrorValue.Instance;
        }

        bool many = values[1] is ListValue;
        var wrtValues = values[1] is ListValue list ? list.Items : ImmutableArray.Create(values[1]!);
        var wrtLocations = values[1] is ListValue l ? l.Locations : ImmutableArray.Create(Node(args[1]).Span);
        var wrt = new List<int>();
        for (int i = 0; i < wrtValues.Length; i++)
        {
            if (wrtValues[i] is not TensorValue { Operand: { IsLiteral: false } w })
            {
                Report(Model.Diagnostics.UnsupportedExpression, wrtLocations[i], "this variable", "a Grad variable that is not a tensor expression");
                return ErrorValue.Instance;
            }
            if (!Graph[w.Node].DType.IsFloat())
            {
                Report(Model.Diagnostics.NotDifferentiable, wrtLocations[i], Graph.Describe(w), Graph[w.Node].DType.NumPy());
                return ErrorValue.Instance;
            }
            wrt.Add(w.Node);
        }

        var constants = new List<int>();
        int constantIndex = Parameter(method, "considerConstant");
        if (constantIndex >= 0 && values[constantIndex] is ListValue considered)
            foreach (var item in considered.Items)
                if (item is TensorValue { Operand: { IsLiteral: false } c } && !constants.Contains(c.Node)) constants.Add(c.Node);
        int disconnectedIndex = Parameter(method, "disconnectedInputs");
        bool ignore = disconnectedIndex >= 0 && values[disconnectedIndex] is ConstValue { Constant: 1 };

        var sites = wrtLocations.Select(l => Sites.Add(Relative(l))).ToList();
        var requests = GradRequest.Add(Graph, cost, wrt, constants, ignore, Sites.Add(Relative(Node(at).Span)), sites);
        var results = requests.Select(r => (Value)new TensorValue(Operand.Of(r))).ToImmutableArray();
        return many ? new ListValue(results, wrtLocations) : results[0];
    }
}
