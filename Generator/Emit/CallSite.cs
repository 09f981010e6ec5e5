using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// What an <see cref="Ops.ICallOp"/> writes with: its node's operands as C# (a span over a tensor's data, a
/// scalar's value, each size), its output's writable span, and the writer. Sizes are <c>nint</c> expressions.
/// </summary>
internal sealed class CallSite
{
    private readonly EmitPlan _plan;
    private readonly SourceWriter _w;

    public CallSite(EmitPlan plan, SourceWriter w, int id)
    {
        _plan = plan;
        _w = w;
        Id = id;
    }

    public int Id { get; }

    public Node Node => _plan.Graph[Id];

    public TensorGraph Graph => _plan.Graph;

    /// <summary>The function's name, as a C# string literal, for messages.</summary>
    public string FunctionName => _plan.FunctionName;

    /// <summary>Operand <paramref name="k"/>'s node.</summary>
    public Node Operand(int k) => _plan.Graph[Node.Inputs[k]];

    /// <summary>A read-only span over operand <paramref name="k"/>'s data (a tensor), in row-major order.</summary>
    public string Input(int k)
    {
        int input = Node.Inputs[k];
        // A view of a 0-d value (a scalar given a new axis) lives in a local, not a buffer: a one-element stack span.
        int storage = _plan.Schedule.Storage(input);
        if (_plan.Graph[storage].Rank == 0) return $"stackalloc {_plan.Graph[storage].DType.CSharp()}[] {{ {_plan.Operand(storage)} }}";
        return _plan.Span(input, null, _plan.Size(input));
    }

    /// <summary>Operand <paramref name="k"/>'s value when it is 0-d: a literal or a local.</summary>
    public string Scalar(int k) => _plan.Operand(Node.Inputs[k]);

    /// <summary>The sizes of operand <paramref name="k"/>, as <c>nint</c> expressions.</summary>
    public IReadOnlyList<string> Dims(int k) => _plan.Shapes.NodeDims[Node.Inputs[k]].Select(_plan.Dim).ToList();

    /// <summary>The sizes of the node's value.</summary>
    public IReadOnlyList<string> OutputDims => _plan.Shapes.NodeDims[Id].Select(_plan.Dim).ToList();

    /// <summary>The output's element count.</summary>
    public string OutputSize => _plan.Size(Id);

    /// <summary>A writable span over the node's value (rank above 0).</summary>
    public string Output => _plan.Writable(Id);

    /// <summary>The local a 0-d value is declared as (<c>long n = ...;</c>).</summary>
    public string OutputLocal => _plan.Value(Id).Name;

    /// <summary>Operand <paramref name="k"/>'s name for messages, as a C# string literal.</summary>
    public string NameOf(int k) => SourceWriter.String(_plan.Display[Node.Inputs[k]]);

    /// <summary>A size expression as an <c>int</c> argument.</summary>
    public static string Int(string size) => ValueText.Int(size);

    public void Line(string line) => _w.Line(line);
}
