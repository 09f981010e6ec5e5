using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Tensorgen;

/// <summary>What a node of a function's optimized graph is.</summary>
public enum GraphNodeRole
{
    /// <summary>An input of the function.</summary>
    Input,

    /// <summary>A shared variable.</summary>
    Shared,

    /// <summary>A constant.</summary>
    Constant,

    /// <summary>A random variable's draw.</summary>
    Draw,

    /// <summary>An op computed by one of the function's steps.</summary>
    Apply,

    /// <summary>A view of another node's data (a contiguous region): no step computes it.</summary>
    View,
}

/// <summary>A node of a function's optimized graph.</summary>
/// <param name="Id">Its number in the graph (<c>%Id</c> in <see cref="CompiledFunction.Graph"/>).</param>
/// <param name="Role">What it is.</param>
/// <param name="Op">The op as printed (<c>sum{axis=(1,)}</c>), a source's name, or a constant's value.</param>
/// <param name="Name">The name a variable was given (an input's, a shared variable's), or null.</param>
/// <param name="DType">NumPy's name of its dtype.</param>
/// <param name="Shape">Its static shape, -1 where known only at run time.</param>
/// <param name="Inputs">The nodes it reads, in order.</param>
/// <param name="Step">The step of the generated code that computes it (a fused kernel computes several), or -1.</param>
public sealed record GraphViewNode(int Id, GraphNodeRole Role, string Op, string? Name, string DType, IReadOnlyList<int> Shape, IReadOnlyList<int> Inputs, int Step)
{
    /// <summary>Its static shape as NumPy prints it, <c>?</c> where known only at run time: <c>(?, 3)</c>.</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Dim(Shape[0])},)" : "(" + string.Join(", ", Shape.Select(Dim)) + ")";

    /// <summary>Its type as PyTensor prints it: <c>Matrix(float64, shape=(?, 3))</c>.</summary>
    public string TypeText => $"{Shape.Count switch { 0 => "Scalar", 1 => "Vector", 2 => "Matrix", _ => "Tensor" + Shape.Count.ToString(CultureInfo.InvariantCulture) }}({DType}, shape={ShapeText})";

    private static string Dim(int size) => size < 0 ? "?" : size.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A step of the generated code: a fused kernel, a product, a draw, a call into the runtime.</summary>
/// <param name="Index">Its position in the call's work.</param>
/// <param name="Kind">What it is: <c>elementwise kernel</c>, <c>reduction kernel</c>, <c>product</c>, <c>draw</c>, <c>copy</c>, <c>size</c>, or the op it calls.</param>
/// <param name="Nodes">The nodes it computes.</param>
public sealed record GraphViewStep(int Index, string Kind, IReadOnlyList<int> Nodes);

/// <summary>An output of the function: its node and the name its tuple element has, if any.</summary>
public sealed record GraphViewOutput(int Node, string? Name);

/// <summary>An update: the shared variable's name and the node whose value it takes after the call.</summary>
public sealed record GraphViewUpdate(string Shared, int Node);

/// <summary>
/// A compiled function's optimized graph as data, with the steps of its generated code: what
/// <see cref="CompiledFunction.DebugPrint"/>, <see cref="CompiledFunction.ToDot"/> and
/// <see cref="CompiledFunction.ToMermaid"/> draw. Made by the generator at build time; nothing is traced at run time.
/// </summary>
public sealed partial class GraphView
{
    private readonly Dictionary<int, GraphViewNode> _byId;

    private GraphView(string function, List<GraphViewNode> nodes, List<GraphViewStep> steps, List<GraphViewOutput> outputs,
        List<GraphViewUpdate> updates, List<string> rewrites, string? omitted)
    {
        Function = function;
        Nodes = nodes;
        Steps = steps;
        Outputs = outputs;
        Updates = updates;
        Rewrites = rewrites;
        Omitted = omitted;
        _byId = nodes.ToDictionary(n => n.Id);
    }

    /// <summary>The function's name, <c>Type.Method</c>.</summary>
    public string Function { get; }

    /// <summary>The nodes, in the graph's order (every node after the nodes it reads).</summary>
    public IReadOnlyList<GraphViewNode> Nodes { get; }

    /// <summary>The steps of the generated code, in the order a call runs them.</summary>
    public IReadOnlyList<GraphViewStep> Steps { get; }

    /// <summary>The outputs, in order.</summary>
    public IReadOnlyList<GraphViewOutput> Outputs { get; }

    /// <summary>The updates, in order.</summary>
    public IReadOnlyList<GraphViewUpdate> Updates { get; }

    /// <summary>The rewrites that fired while optimizing, with how often (<c>local_dimshuffle_lift (x2)</c>).</summary>
    public IReadOnlyList<string> Rewrites { get; }

    /// <summary>Why the nodes are not here (a graph too large to keep a view of), or null.</summary>
    public string? Omitted { get; }

    /// <summary>The node numbered <paramref name="id"/>.</summary>
    public GraphViewNode this[int id] => _byId[id];

    /// <summary>
    /// The view written by the generator: one line per entry, fields separated by bars (<c>|</c>). <c>n</c> id role op name
    /// dtype shape inputs step; <c>s</c> index kind nodes; <c>o</c> node name; <c>u</c> shared node; <c>r</c> rewrite;
    /// <c>x</c> why the nodes are omitted. Lists are comma-separated; -1 in a shape is <c>?</c>.
    /// </summary>
    public static GraphView Parse(string function, string data)
    {
        var nodes = new List<GraphViewNode>();
        var steps = new List<GraphViewStep>();
        var outputs = new List<GraphViewOutput>();
        var updates = new List<GraphViewUpdate>();
        var rewrites = new List<string>();
        string? omitted = null;
        foreach (var line in data.Split('\n'))
        {
            var f = line.Split('|');
            switch (f[0])
            {
                case "n":
                    nodes.Add(new GraphViewNode(Int(f[1]), Role(f[2]), f[3], f[4].Length == 0 ? null : f[4], f[5], Ints(f[6]), Ints(f[7]), Int(f[8])));
                    break;
                case "s":
                    steps.Add(new GraphViewStep(Int(f[1]), f[2], Ints(f[3])));
                    break;
                case "o":
                    outputs.Add(new GraphViewOutput(Int(f[1]), f[2].Length == 0 ? null : f[2]));
                    break;
                case "u":
                    updates.Add(new GraphViewUpdate(f[1], Int(f[2])));
                    break;
                case "r":
                    rewrites.Add(f[1]);
                    break;
                case "x":
                    omitted = f[1];
                    break;
            }
        }
        return new GraphView(function, nodes, steps, outputs, updates, rewrites, omitted);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static int[] Ints(string text) => text.Length == 0 ? [] : text.Split(',').Select(s => s == "?" ? -1 : Int(s)).ToArray();

    private static GraphNodeRole Role(string text) => text switch
    {
        "i" => GraphNodeRole.Input,
        "s" => GraphNodeRole.Shared,
        "c" => GraphNodeRole.Constant,
        "d" => GraphNodeRole.Draw,
        "v" => GraphNodeRole.View,
        _ => GraphNodeRole.Apply,
    };

    /// <summary>How a node is labelled in a picture: a source by its name (a shared variable's with <c>*</c>), a constant by its value, else its op.</summary>
    private static string Label(GraphViewNode node) => node.Role switch
    {
        GraphNodeRole.Shared => (node.Name ?? node.Op) + "*",
        GraphNodeRole.Input => node.Name ?? node.Op,
        _ => node.Op,
    };
}
