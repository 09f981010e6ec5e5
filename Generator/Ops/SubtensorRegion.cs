using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The region a basic index selects (PyTensor's <c>Subtensor</c> <c>idx_list</c>): per indexed axis of the tensor,
/// <c>Steps[k]</c> is 0 for a position (the axis is dropped; one operand, the position as written, negative counting
/// from the end) or a slice's step (two operands: its first position and its length, already clamped as NumPy's
/// slice rule does). Axes past <c>Steps.Count</c> are whole.
/// </summary>
internal record SubtensorParams(EquatableArray<int> Steps) : OpParams
{
    /// <summary>How many index operands follow the tensor (and the written value).</summary>
    public int OperandCount => Steps.Sum(s => s == 0 ? 1 : 2);
}

/// <summary>The region written by an <see cref="IncSubtensorOp"/>, and whether the value replaces (set) or is added (inc).</summary>
internal sealed record IncSubtensorParams(EquatableArray<int> Steps, bool Set) : SubtensorParams(Steps);

/// <summary>What <see cref="SubtensorOp"/> and <see cref="IncSubtensorOp"/> share: the region's shape, its text and its kernel arguments.</summary>
internal static class SubtensorRegion
{
    /// <summary>The static shape of the region of <paramref name="x"/>: slices' lengths where constant, whole axes as they are.</summary>
    public static EquatableArray<int> Shape(Node x, SubtensorParams p, IReadOnlyList<Node> index)
    {
        var shape = new List<int>();
        int o = 0;
        for (int k = 0; k < x.Rank; k++)
        {
            if (k >= p.Steps.Count) shape.Add(x.Shape[k]);
            else if (p.Steps[k] == 0) o++;
            else
            {
                var length = index[o + 1];
                shape.Add(length.IsConstant ? (int)length.Value.Long : -1);
                o += 2;
            }
        }
        return shape.ToEquatableArray();
    }

    /// <summary>
    /// The region's output dimensions: a slice's is given by its length operand (<paramref name="first"/> is the
    /// first index operand's position among the node's operands), a whole axis is the tensor's.
    /// </summary>
    public static void RelateSizes(Node node, SizeRelations sizes, int first, int tensor)
    {
        var p = node.Parameters<SubtensorParams>();
        int rank = sizes.Graph[node.Inputs[tensor]].Rank;
        int o = first, j = 0;
        for (int k = 0; k < rank; k++)
        {
            if (k >= p.Steps.Count) sizes.Same(sizes.Output(j++), sizes.Operand(tensor, k));
            else if (p.Steps[k] == 0) o++;
            else
            {
                sizes.GivenBy(sizes.Output(j++), node.Inputs[o + 1]);
                o += 2;
            }
        }
    }

    /// <summary>
    /// Whether the region is one run of the tensor's row-major data: positions, then at most one slice of step 1,
    /// then whole axes (<c>x[2]</c>, <c>x[1:3]</c>, <c>x[2, 1:3]</c>). Such a region is a view at an offset, no copy.
    /// </summary>
    public static bool IsContiguous(SubtensorParams p)
    {
        for (int k = 0; k < p.Steps.Count; k++)
            if (p.Steps[k] != 0 && (p.Steps[k] != 1 || k != p.Steps.Count - 1)) return false;
        return true;
    }

    /// <summary>NumPy's text of the index (<c>1:4, i, ::-1</c>): constants as numbers, symbolic bounds as <c>?</c>.</summary>
    public static string Text(SubtensorParams p, System.Func<int, Node> operand, int first)
    {
        var parts = new List<string>();
        int o = first;
        foreach (int step in p.Steps)
        {
            if (step == 0)
            {
                parts.Add(Number(operand(o++)));
                continue;
            }
            Node start = operand(o), length = operand(o + 1);
            o += 2;
            string stop = start.IsConstant && length.IsConstant && start.Value.Long + length.Value.Long * step >= 0
                ? (start.Value.Long + length.Value.Long * step).ToString(CultureInfo.InvariantCulture)
                : start.IsConstant && length.IsConstant ? "" : "?";
            string s = step == 1 ? "" : ":" + step.ToString(CultureInfo.InvariantCulture);
            parts.Add(start.IsConstant && length.IsConstant && length.Value.Long == 0 ? "0:0" + s : Number(start) + ":" + stop + s);
        }
        return string.Join(", ", parts);
    }

    /// <summary>The index's structure as printed in graphs (<c>{i, :, ::-1}</c>): positions and slices, whose bounds are operands.</summary>
    public static string Pattern(SubtensorParams p) =>
        "{" + string.Join(", ", p.Steps.Select(s => s == 0 ? "i" : s == 1 ? ":" : "::" + s.ToString(CultureInfo.InvariantCulture))) + "}";

    private static string Number(Node n) => n.IsConstant ? n.Value.Long.ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>
    /// The kernel's arguments describing the region of operand <paramref name="tensor"/>: its sizes, and per axis
    /// the first position, step and count (a position is checked here: <c>Subtensors.Position</c>).
    /// </summary>
    public static (string Dims, string First, string Steps, string Counts) Arguments(CallSite site, int tensor, int first)
    {
        var p = site.Node.Parameters<SubtensorParams>();
        var dims = site.Dims(tensor);
        var starts = new List<string>();
        var steps = new List<string>();
        var counts = new List<string>();
        int o = first;
        for (int k = 0; k < dims.Count; k++)
        {
            if (k >= p.Steps.Count)
            {
                starts.Add("0");
                steps.Add("1");
                counts.Add(dims[k]);
            }
            else if (p.Steps[k] == 0)
            {
                starts.Add($"global::Tensorgen.Subtensors.Position({site.Scalar(o++)}, {dims[k]}, {site.FunctionName}, {site.NameOf(tensor)}, {k})");
                steps.Add("1");
                counts.Add("1");
            }
            else
            {
                starts.Add($"(nint){site.Scalar(o)}");
                steps.Add(p.Steps[k].ToString(CultureInfo.InvariantCulture));
                counts.Add($"(nint){site.Scalar(o + 1)}");
                o += 2;
            }
        }
        return (List(dims), List(starts), List(steps), List(counts));
    }

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>A name as written in a comment: the display name without the string literal's quotes.</summary>
    public static string Plain(string literal) => literal.Length >= 2 && literal[0] == '"' ? literal.Substring(1, literal.Length - 2) : literal;
}
