using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

// Reshape and Flatten: views of the same elements in another shape.
internal static partial class ShapeCalls
{
    /// <summary><c>Reshape(x, [a, -1])</c>: sizes are ints or int scalar tensors, at most one -1.</summary>
    private static Value Reshape(ApiCall call)
    {
        int x = call.Tensor("x");
        var sizes = call.Sizes("shape");
        if (x < 0 || sizes is null) return ErrorValue.Instance;
        return Reshaped(call, x, sizes, "shape");
    }

    /// <summary>
    /// <paramref name="x"/> reshaped to <paramref name="sizes"/>: checked at build time where the sizes and the element
    /// count are static (TG0206), else by a <see cref="ReshapeSizeOp"/> at call time.
    /// </summary>
    private static Value Reshaped(ApiCall call, int x, int[] sizes, string parameter)
    {
        var b = call.Graph;
        var given = sizes.Select(s => b[s].IsConstant ? b[s].Value.Long : (long?)null).ToArray();
        string wanted = "(" + string.Join(", ", given.Select(g => g?.ToString(CultureInfo.InvariantCulture) ?? "?")) + (given.Length == 1 ? ",)" : ")");
        var free = Enumerable.Range(0, sizes.Length).Where(j => given[j] == -1).ToList();
        if (free.Count > 1)
            return call.SizeMismatch($"Reshape of {call.Describe(x)} into {wanted} has more than one -1", parameter);
        if (given.Any(g => g < -1))
            return call.SizeMismatch($"Reshape of {call.Describe(x)} into {wanted} has a negative size", parameter);

        long? total = b[x].Shape.All(d => d >= 0) ? b[x].Shape.Aggregate(1L, (p, d) => p * d) : null;
        long known = given.Where(g => g >= 0).Aggregate(1L, (p, g) => p * g!.Value);
        bool othersStatic = given.Count(g => g is null) == 0;
        var shape = given.Select(g => g is >= 0 ? (int)g.Value : -1).ToArray();
        if (total is { } count && othersStatic)
        {
            // Everything static: checked now, no check at call time.
            if (free.Count == 1 && (known == 0 || count % known != 0))
                return call.SizeMismatch($"cannot reshape {call.Describe(x)} ({count} elements) into {wanted}: " +
                    (known == 0 ? "a -1 is ambiguous beside a size of 0" : $"{count} is not a multiple of {known}"), parameter);
            if (free.Count == 0 && known != count)
                return call.SizeMismatch($"cannot reshape {call.Describe(x)} ({count} elements) into {wanted} ({known} elements)", parameter);
            if (free.Count == 1)
            {
                shape[free[0]] = (int)(count / known);
                sizes[free[0]] = b.Constant(ScalarValue.Integer(count / known), DType.Int64);
            }
            return call.Result(ReshapeOp.Instance.Build(b, x, sizes, shape));
        }
        if (sizes.Length == 0)
            return call.SizeMismatch($"Reshape of {call.Describe(x)} into a 0-d tensor needs a static element count of 1", parameter);
        int which = free.Count == 1 ? free[0] : sizes.Length - 1;
        sizes[which] = ReshapeSizeOp.Instance.Build(b, x, sizes, which);
        return call.Result(ReshapeOp.Instance.Build(b, x, sizes, shape));
    }

    /// <summary><c>Flatten(x, ndim)</c> (PyTensor's): the first ndim - 1 dimensions kept, the rest as one.</summary>
    private static Value Flatten(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.Int("ndim", 1) is not { } ndim) return ErrorValue.Instance;
        var b = call.Graph;
        int rank = b[x].Rank;
        if (ndim < 1 || ndim > System.Math.Max(rank, 1))
            return call.BadAxis($"Flatten of {call.Describe(x)} to {ndim.ToString(CultureInfo.InvariantCulture)} dimensions: ndim must be from 1 to the rank", "ndim");
        return call.Result(Flat(b, x, ndim));
    }

    /// <summary><paramref name="x"/> with its dimensions from <paramref name="ndim"/> - 1 on as one (a view; the size their product).</summary>
    internal static int Flat(GraphBuilder b, int x, int ndim)
    {
        int rank = b[x].Rank;
        var sizes = Enumerable.Range(0, ndim - 1).Select(k => b.DimSize(x, k)).ToList();
        var shape = Enumerable.Range(0, ndim - 1).Select(k => b[x].Shape[k]).ToList();
        var rest = Enumerable.Range(ndim - 1, System.Math.Max(0, rank - ndim + 1)).ToList();
        long product = rest.Where(k => b[x].Shape[k] >= 0).Aggregate(1L, (p, k) => p * b[x].Shape[k]);
        int last = b.Constant(ScalarValue.Integer(product), DType.Int64);
        foreach (var k in rest.Where(k => b[x].Shape[k] < 0))
            last = b[last].IsConstant && b[last].Value.Long == 1 ? b.DimSize(x, k) : b.Ew(OpCode.Mul, last, b.DimSize(x, k));
        sizes.Add(last);
        shape.Add(rest.All(k => b[x].Shape[k] >= 0) ? (int)product : -1);
        return ReshapeOp.Instance.Build(b, x, sizes.ToArray(), shape.ToArray());
    }
}
