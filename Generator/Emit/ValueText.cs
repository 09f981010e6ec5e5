using System.Globalization;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>C# that reads and writes values where the plan put them: spans and elements of buffers and sources.</summary>
internal static class ValueText
{
    /// <summary>A span over a value's data, whole or a slice; a view reads the data of the value it views.</summary>
    public static string Span(this EmitPlan plan, int id, string? start, string length)
    {
        start = Add(plan.OffsetOf(id), start);
        id = plan.Schedule.Storage(id);
        var value = plan.Value(id);
        string v = value.Name;
        if (value.IsSource) return start is null ? $"{v}.Data" : $"{v}.Data.Slice({Int(start)}, {Int(length)})";
        string t = plan.Graph[id].DType.CSharp();
        // A view of a 0-d value (a scalar reshaped to (1,)) reads the local as a one-element span.
        if (value.Kind == StorageKind.Local)
            return start is null ? $"new global::System.ReadOnlySpan<{t}>(in {v})" : $"new global::System.ReadOnlySpan<{t}>(in {v}).Slice({Int(start)}, {Int(length)})";
        if (start is null) return value.IsPooled ? $"new global::System.Span<{t}>({v}, 0, {Int(length)})" : v;
        return $"new global::System.Span<{t}>({v}, {Int(start)}, {Int(length)})";
    }

    /// <summary>A writable span over a kept value's whole buffer.</summary>
    public static string Writable(this EmitPlan plan, int id)
    {
        string t = plan.Graph[id].DType.CSharp();
        var value = plan.Value(id);
        return value.IsPooled ? $"new global::System.Span<{t}>({value.Name}, 0, {Int(plan.Size(id))})" : $"new global::System.Span<{t}>({value.Name})";
    }

    /// <summary>A 0-d operand: a literal, its local, or the element a 0-d view of a one-element buffer reads (a reduction kept as (1,), its axis then dropped).</summary>
    public static string Operand(this EmitPlan plan, int node) => plan.Graph[node].IsConstant ? Model.Literals.Of(plan.Graph[node].Value, plan.Graph[node].DType)
        : plan.HasValue(node) ? plan.Value(node).Name : plan.Element(node, "0");

    /// <summary>One element of a value's data.</summary>
    public static string Element(this EmitPlan plan, int id, string index)
    {
        index = Add(plan.OffsetOf(id), index)!;
        var value = plan.Value(plan.Schedule.Storage(id));
        // A view of a 0-d value (a scalar reshaped to (1,)) has one element: the local itself.
        if (value.Kind == StorageKind.Local) return value.Name;
        return value.IsSource ? $"{value.Name}.Data[{Int(index)}]" : $"{value.Name}[{Int(index)}]";
    }

    /// <summary>Whether <see cref="Span"/> of the whole value is an array (which has no <c>CopyTo(Span)</c>), not a span.</summary>
    public static bool SpanIsArray(this EmitPlan plan, int id)
    {
        var value = plan.Value(plan.Schedule.Storage(id));
        return plan.OffsetOf(id) is null && !value.IsSource && !value.IsPooled && value.Kind != StorageKind.Local;
    }

    /// <summary>An offset added to a position (either may be absent): <c>offsetRow + i</c>.</summary>
    private static string? Add(string? offset, string? position) =>
        offset is null ? position : position is null || position == "0" ? offset : $"{offset} + {position}";

    /// <summary>A size expression (<c>nint</c>) as an <c>int</c> argument: literals as they are, others cast.</summary>
    public static string Int(string expression) =>
        int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? expression
        : Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(expression) ? $"(int){expression}" : $"(int)({expression})";
}
