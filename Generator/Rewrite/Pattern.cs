using System;
using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Rewrite;

/// <summary>A name a pattern binds to the node it matches, read by the rule's replacement builder.</summary>
internal sealed class Var(string name)
{
    public override string ToString() => name;
}

/// <summary>
/// The left side of a rewrite rule: a tree of ops over variables and constants, matched against a node (not
/// yet added) and its operands in the builder. <c>Log(Sigmoid(Z))</c> matches <c>log(sigmoid(x + 1))</c>
/// and binds <c>Z</c> to <c>x + 1</c>.
/// </summary>
internal abstract class Pattern
{
    private Var? _binding;

    /// <summary>This pattern, binding the node it matches to <paramref name="name"/>.</summary>
    public Pattern As(Var name)
    {
        _binding = name;
        return this;
    }

    /// <summary>
    /// Whether <paramref name="node"/> (with id <paramref name="id"/>, or -1 for the node being rewritten) matches;
    /// binds into <paramref name="match"/> unless it is null.
    /// </summary>
    public bool Matches(GraphBuilder graph, Node node, int id, Dictionary<Var, int>? match)
    {
        if (!Admits(node) || !MatchesNode(graph, node, match)) return false;
        if (_binding is not null && id >= 0 && match is not null) match[_binding] = id;
        return true;
    }

    /// <summary>What the node itself must be (its op), before its operands are looked at: a quick test.</summary>
    public virtual bool Admits(Node node) => true;

    protected virtual bool MatchesNode(GraphBuilder graph, Node node, Dictionary<Var, int>? match) => true;

    public static implicit operator Pattern(Var name) => new AnyPattern().As(name);

    public static implicit operator Pattern(double value) => new ConstantPattern(value);

    /// <summary>A node of <paramref name="op"/> whose operands match <paramref name="operands"/>.</summary>
    public static Pattern Op(OpCode op, params Pattern[] operands) => new OpPattern(op, operands);

    /// <summary>Any node of an op <paramref name="kind"/> accepts (element-wise ops, say); its operands are the builder's to read.</summary>
    public static Pattern OfKind(Func<OpCode, bool> kind) => new KindPattern(kind);

    private sealed class AnyPattern : Pattern;

    private sealed class ConstantPattern(double value) : Pattern
    {
        public override bool Admits(Node node) => node.IsConstant && node.Value.Is(value);
    }

    private sealed class KindPattern(Func<OpCode, bool> kind) : Pattern
    {
        public override bool Admits(Node node) => kind(node.Op);
    }

    private sealed class OpPattern(OpCode op, Pattern[] operands) : Pattern
    {
        public override bool Admits(Node node) => node.Op == op && node.Inputs.Count == operands.Length;

        protected override bool MatchesNode(GraphBuilder graph, Node node, Dictionary<Var, int>? match)
        {
            for (int k = 0; k < operands.Length; k++)
                if (!operands[k].Matches(graph, graph[node.Inputs[k]], node.Inputs[k], match)) return false;
            return true;
        }
    }
}
