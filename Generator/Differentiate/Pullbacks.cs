using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// The pullback of each op (PyTensor's <c>Op.L_op</c>/<c>grad</c>): given the adjoint <c>g</c> of a node,
/// the contribution to the adjoint of each operand, built as graph nodes, or -1 where none flows
/// (comparisons, integer and discrete ops, conditions, <c>ZeroGrad</c>). Contributions have the operand's
/// exact shape: a broadcast operand receives the sum over the axes it was broadcast along.
/// </summary>
internal static class Pullbacks
{
    public static int[] Of(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        if (!OpInfo.IsElementwise(n.Op)) return OpInfo.Structural(n.Op).Pullback(b, id, g);
        int x = n.Inputs.Count > 0 ? n.Inputs[0] : -1;
        int y = n.Inputs.Count > 1 ? n.Inputs[1] : -1;
        var dtype = n.DType;
        int C(double v) => b.Scalar(v, dtype);
        int Add(int p, int q) => b.Ew(OpCode.Add, p, q);
        int Sub(int p, int q) => b.Ew(OpCode.Sub, p, q);
        int Mul(int p, int q) => b.Ew(OpCode.Mul, p, q);
        int Div(int p, int q) => b.Ew(OpCode.TrueDiv, p, q);
        int Neg(int p) => b.Ew(OpCode.Neg, p);
        int To(int contribution, int operand) => SumTo(b, contribution, operand);
        int Mask(int condition) => b.Convert(condition, dtype);

        switch (n.Op)
        {
            case OpCode.Add: return [To(g, x), To(g, y)];
            case OpCode.Sub: return [To(g, x), To(Neg(g), y)];
            case OpCode.Mul: return [To(Mul(g, y), x), To(Mul(g, x), y)];
            // z = x / y: dz/dy = -z / y.
            case OpCode.TrueDiv: return [To(Div(g, y), x), To(Neg(Div(Mul(g, id), y)), y)];
            case OpCode.Neg: return [Neg(g)];
            case OpCode.Identity: return [g];
            case OpCode.Exp: return [Mul(g, id)];
            case OpCode.Expm1: return [Mul(g, Add(id, C(1)))];
            case OpCode.Log: return [Div(g, x)];
            case OpCode.Log1p: return [Div(g, Add(x, C(1)))];
            case OpCode.Tanh: return [Mul(g, Sub(C(1), Mul(id, id)))];
            case OpCode.Sigmoid: return [Mul(g, Mul(id, Sub(C(1), id)))];
            case OpCode.Softplus: return [Mul(g, b.Ew(OpCode.Sigmoid, x))];
            case OpCode.Sqr: return [Mul(g, Mul(C(2), x))];
            case OpCode.Sqrt: return [Div(Mul(g, C(0.5)), id)];
            case OpCode.Abs: return [Mul(g, b.Ew(OpCode.Sign, x))];
            case OpCode.Sin: return [Mul(g, b.Ew(OpCode.Cos, x))];
            case OpCode.Cos: return [Neg(Mul(g, b.Ew(OpCode.Sin, x)))];
            // z = x ** y: dz/dx = y x^(y-1), dz/dy = log(x) z.
            case OpCode.Pow:
                return [To(Mul(g, Mul(y, b.Ew(OpCode.Pow, x, Sub(y, C(1))))), x), To(Mul(g, Mul(b.Ew(OpCode.Log, x), id)), y)];
            // Ties share the gradient, as PyTensor's maximum does.
            case OpCode.Maximum:
            case OpCode.Minimum:
                return [To(Mul(g, Mask(b.Ew(OpCode.Eq, id, x))), x), To(Mul(g, Mask(b.Ew(OpCode.Eq, id, y))), y)];
            // x mod y = x - floor(x / y) y.
            case OpCode.Mod: return [To(g, x), To(Neg(Mul(g, b.Ew(OpCode.IntDiv, x, y))), y)];
            case OpCode.Switch:
            {
                int zero = C(0);
                return [-1, To(b.Ew(OpCode.Switch, x, g, zero), y), To(b.Ew(OpCode.Switch, x, zero, g), n.Inputs[2])];
            }
            case OpCode.Cast: return [b[x].DType.IsFloat() ? b.Convert(g, b[x].DType) : -1];
            case OpCode.Second: return [-1, To(g, y)];
            default: return n.Inputs.Select(_ => -1).ToArray();
        }
    }

    /// <summary>
    /// <paramref name="g"/> summed to <paramref name="operand"/>'s shape: over the leading axes the operand
    /// lacks, and over the axes where it has static size 1 but <paramref name="g"/> does not.
    /// </summary>
    public static int SumTo(GraphBuilder b, int g, int operand)
    {
        var target = b[operand];
        var grad = b[g];
        int lead = grad.Rank - target.Rank;
        var axes = Enumerable.Range(0, lead)
            .Concat(Enumerable.Range(0, target.Rank).Where(k => target.Shape[k] == 1 && grad.Shape[lead + k] != 1).Select(k => lead + k))
            .ToArray();
        if (axes.Length == 0) return g;
        if (axes.Length == lead) return b.Reduce(OpCode.Sum, g, axes, keepdims: false);
        int summed = b.Reduce(OpCode.Sum, g, axes, keepdims: true);
        return b.DimShuffle(summed, Enumerable.Range(lead, target.Rank).ToArray());
    }
}
