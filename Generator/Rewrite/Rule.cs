using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>What a replacement builder gives: an existing node to use instead, or a new node to keep simplifying.</summary>
internal readonly record struct Rewritten(int? Existing, Node? Node);

/// <summary>A rule's outcome, named: an existing node to use instead, or a new node to keep simplifying.</summary>
internal readonly record struct RewriteResult(string Name, int? Replacement, Node? Node);

/// <summary>
/// A rule as <see cref="Rewriter.Simplify"/> applies it: it looks at one node (not yet added) and its operands in
/// the builder, and may add helper nodes through <c>add</c>, which simplifies them too.
/// </summary>
internal delegate RewriteResult? LocalRewrite(GraphBuilder graph, Node node, Func<Node, int> add);

/// <summary>What a replacement builder sees: the node being rewritten (not yet added), what the pattern bound, the builder.</summary>
internal sealed class Match(GraphBuilder graph, Node node, Dictionary<Var, int> bindings, Func<Node, int> add)
{
    public GraphBuilder Graph => graph;

    /// <summary>The node being rewritten.</summary>
    public Node Node => node;

    /// <summary>The id of the node <paramref name="name"/> matched.</summary>
    public int this[Var name] => bindings[name];

    public Node NodeOf(Var name) => graph[bindings[name]];

    /// <summary>Use the existing node <paramref name="id"/> instead (of the same type: checked).</summary>
    public Rewritten Keep(int id) => new(id, null);

    public Rewritten Keep(Var name) => Keep(bindings[name]);

    /// <summary>The node becomes <paramref name="op"/> of <paramref name="inputs"/>, its type unchanged; rules then apply to it in turn.</summary>
    public Rewritten Become(OpCode op, params int[] inputs) => Become(node with { Op = op, Inputs = inputs.ToEquatableArray() });

    public Rewritten Become(Node replacement) => new(null, replacement);

    /// <summary>A helper node: <paramref name="op"/> of <paramref name="inputs"/>, of <paramref name="like"/>'s type, itself simplified and added.</summary>
    public int Add(OpCode op, Node like, params int[] inputs) => add(Node.Apply(op, like.DType, like.Shape, inputs));
}

/// <summary>
/// A rewrite rule as data: its (PyTensor) name and cases, each a <see cref="Pattern"/> and a replacement
/// builder. The first case whose pattern matches decides: its builder may still decline (a type check), and
/// then the rule does not fire.
/// </summary>
internal sealed class Rule(string name, params (Pattern Pattern, Func<Match, Rewritten?> Build)[] cases)
{
    public string Name => name;

    public RewriteResult? Apply(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        foreach (var (pattern, build) in cases)
        {
            if (!pattern.Admits(node)) continue;
            var bindings = new Dictionary<Var, int>();
            if (!pattern.Matches(graph, node, -1, bindings)) continue;
            return build(new Match(graph, node, bindings, add)) is { } result ? new RewriteResult(name, result.Existing, result.Node) : null;
        }
        return null;
    }

    public override string ToString() => name;
}

/// <summary>
/// A database of rules, as PyTensor's <c>canonicalize</c>, <c>stabilize</c> and <c>specialize</c>: an ordered
/// list, where an earlier rule wins.
/// </summary>
internal sealed class RuleSet(string name, IReadOnlyList<Rule> rules)
{
    private readonly LocalRewrite[] _compiled = rules.Select(r => (LocalRewrite)r.Apply).ToArray();

    public string Name => name;

    public IReadOnlyList<Rule> Rules => rules;

    /// <summary>This set's rules, then <paramref name="next"/>'s.</summary>
    public RuleSet Then(RuleSet next) => new(name + ", " + next.Name, rules.Concat(next.Rules).ToArray());

    /// <summary>This set without <paramref name="rule"/>.</summary>
    public RuleSet Without(Rule rule) => new($"{name} but {rule.Name}", rules.Where(r => r != rule).ToArray());

    /// <summary>Adds <paramref name="node"/>, first applying every rule of the set that matches it, repeatedly; counts what fired.</summary>
    public int Simplify(GraphBuilder builder, Node node, IDictionary<string, int> fired) => Rewriter.Simplify(builder, node, fired, _compiled);

    public override string ToString() => name;
}
