using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

// Element-wise application: dtype promotion (NumPy's, with PyTensor's autocast of literals), constant folding
// of literals, and broadcasting by static shapes.
internal sealed partial class GraphBuilder
{
    /// <summary>
    /// Applies an element-wise op. Returns the result, or an error message (a dtype or shape
    /// problem, with the kind in <paramref name="isShapeError"/>) and no result.
    /// </summary>
    public Operand Apply(OpCode op, IReadOnlyList<Operand> operands, DType? castTo, out string? error, out bool isShapeError)
    {
        error = null;
        isShapeError = false;
        var dtypes = operands.Select(o => o.Weak is { } l ? l.Kind : _nodes[o.Node].DType).ToArray();

        // Bitwise logic wants ints or bools, round wants floats, ... (the op's own rule); arithmetic does not want bools.
        if (OpInfo.Refusal(op, dtypes) is { } refused)
        {
            error = $"{OpInfo.Name(op)} {refused}, but got {Describe(operands)}";
            return default;
        }
        if (op == OpCode.Switch && dtypes[0] != DType.Bool)
        {
            error = $"the condition of switch must be a bool tensor, but is {Describe(operands[0])}";
            return default;
        }
        var valueOperands = op == OpCode.Switch ? operands.Skip(1).ToArray() : operands.ToArray();
        // Arithmetic on bools only (PyTensor's output type preferences): True + True is True, pow gives int8,
        // and sub, neg and sign refuse them. Float math upgrades bools to float32 like any small integer.
        var onBools = BoolOperands.Refused;
        if (!OpInfo.TakesBools(op) && !OpInfo.IsFloatMath(op) && valueOperands.All(o => (o.Weak?.Kind ?? _nodes[o.Node].DType) == DType.Bool))
        {
            onBools = OpInfo.OnBools(op);
            if (onBools == BoolOperands.Refused)
            {
                error = $"{OpInfo.Name(op)} does not take bool operands ({Describe(operands)}), as in PyTensor; Cast(x, DType.Int8) first";
                return default;
            }
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
        // Bools are added, multiplied, ... as int8 (0 and 1); a bool result is then "not zero" (True + True is True).
        if (onBools != BoolOperands.Refused) operandType = resultType = DType.Int8;

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
        int applied = Add(Node.Apply(op, resultType, shape.ToEquatableArray(), inputs));
        return Operand.Of(onBools == BoolOperands.Bool ? Convert(applied, DType.Bool) : applied);
    }

    /// <summary>An element-wise op that cannot fail (operands already typed): for graphs the generator builds itself, as gradients.</summary>
    public int Ew(OpCode op, params int[] operands)
    {
        var result = Apply(op, operands.Select(Operand.Of).ToList(), null, out var error, out _);
        if (error is not null) throw new System.InvalidOperationException($"internal: {OpInfo.Name(op)} failed: {error}");
        return result.Node;
    }

    private DType CommonType(IReadOnlyList<Operand> operands)
    {
        DType? strong = null;
        foreach (var o in operands)
            if (!o.IsLiteral) strong = strong is { } s ? DTypes.Promote(s, _nodes[o.Node].DType) : _nodes[o.Node].DType;
        // Switch(c, 1, 2.5): no value operand is a tensor, so the literals' own dtypes decide.
        DType result = strong ?? operands.Select(o => o.Weak!.Value.Kind).Aggregate(DTypes.Promote);
        if (strong is null) return result;
        // A literal stands for the Python number it writes: it takes the dtype PyTensor's autocast gives that number
        // (int8, int16, int32 or int64 by value; float32 when float32 holds it exactly, else float64), and then
        // promotes with the tensors as NumPy does. So float32 + 1000 is float32, float32 + 40000 (int32) and
        // float32 * 0.1 are float64, int32 + 3_000_000_000 is int64, int8 * 0.5 is float32, int32 * 1.5 is
        // float64, uint8 + 1 is int16 (uint8 with int8), and (x > 0) + 1 is int8.
        foreach (var o in operands)
            if (o.Weak is { } l) result = DTypes.Promote(result, DTypes.Autocast(l.Value, l.Kind));
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
}
