using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// A node with no operands (PyTensor's graph inputs and constants): an input, a shared variable's value at the
/// start of a call, a constant. <see cref="GraphBuilder"/> makes them (<c>Input</c>, <c>Shared</c>, <c>Constant</c>);
/// no step computes them: a call passes inputs and shared values, and constants are literals in the code.
/// </summary>
internal sealed class LeafOp : IStructuralOp
{
    public static readonly LeafOp Input = new(OpCode.Input, "input");

    public static readonly LeafOp Shared = new(OpCode.Shared, "shared");

    public static readonly LeafOp Constant = new(OpCode.Constant, "constant");

    private LeafOp(OpCode op, string name)
    {
        Op = op;
        Name = name;
    }

    public OpCode Op { get; }

    public string Name { get; }

    public int Arity => 0;

    public OpKind Kind => OpKind.Leaf;

    public StepKind Step => StepKind.None;

    /// <summary>Its own: a leaf has no operands to infer it from.</summary>
    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => node.Shape;

    /// <summary>Its parameters tell leaves apart (an input's position, a <c>Constant(...)</c>'s identity); a plain constant is its value.</summary>
    public bool OwnIdentity => true;

    /// <summary>An input's sizes are the ones the others are checked against (<see cref="ShapeAnalysis"/> binds them).</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
    }

    /// <summary>No operands: the gradient stops here.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [];

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => false;

    public bool ReadsValue(int k) => false;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;
}
