using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Runs graph-building C# at build time: walks the lowered body (<see cref="LoweredFunction"/>) with symbolic
/// values in place of tensors, so every call into the symbolic API adds a node to the graph. Unsupported code is
/// reported at its syntax and replaced by <see cref="ErrorValue"/>, and evaluation goes on, so one build shows
/// every problem. Reads plain data only: the lowering has already asked Roslyn everything it needs.
/// </summary>
internal sealed partial class GraphEvaluator
{
    private const int MaxCallDepth = 32;

    /// <summary>Evaluation steps (statements, expressions, list elements, string characters / 16).</summary>
    private const int MaxSteps = 4_000_000;

    /// <summary>Nested evaluations (an expression inside an expression ...), whatever stack it takes.</summary>
    private const int MaxNesting = 100_000;

    private readonly LoweredFunction _ir;
    private readonly string _function;
    private readonly CancellationToken _cancellation;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<(string, IrSpan)> _reported = new();
    private readonly Stack<Dictionary<int, Cell>> _frames = new();
    private int _steps;
    private int _nesting;
    private bool _exhausted;
    private int _nextInput;

    private readonly bool _isInstance;

    public GraphEvaluator(LoweredFunction function, CancellationToken cancellation)
    {
        _ir = function;
        _function = function.Header.MethodName;
        // An instance graph method may read its own object's shared members.
        _isInstance = function.Header.OwnerType is not null;
        _cancellation = cancellation;
    }

    public GraphBuilder Graph { get; } = new();

    public List<DiagnosticInfo> Diagnostics => _diagnostics;

    public string Function => _function;

    private IrNode Node(int index) => _ir.Nodes[index];

    /// <summary>The source text of a node (what <c>Syntax.ToString()</c> gave).</summary>
    private string Text(int node) => Text(Node(node).Span);

    private string Text(IrSpan span) => _ir.Declarations[span.Declaration].Substring(span.Start, span.Length);

    /// <summary>Evaluates a graph method body; returns what it returned, or null.</summary>
    public Value? Run(int body)
    {
        _frames.Push(NewFrame());
        Flow flow;
        try
        {
            flow = Execute(body);
        }
        catch (GeneratorLimitException e)
        {
            // Thrown by whatever added the node (a Grad can add many at once), reported where evaluation was.
            _exhausted = true;
            Report(Model.Diagnostics.GeneratorLimit, _limitAt >= 0 ? _limitAt : body, e.Message);
            return ErrorValue.Instance;
        }
        _frames.Pop();
        // An exhausted budget was reported; what the body returned is not the whole graph.
        if (_exhausted) return ErrorValue.Instance;
        return flow.Kind == FlowKind.Return ? flow.Value : null;
    }

    /// <summary>
    /// A C# variable: locals and parameters live in cells, so that a local function writing a local it
    /// captures, or a helper writing through a <c>ref</c>/<c>out</c> parameter, writes the caller's
    /// variable, as C# does.
    /// </summary>
    private sealed class Cell(Value value)
    {
        public Value Value { get; set; } = value;
    }

    private static Dictionary<int, Cell> NewFrame() => new();

    private Dictionary<int, Cell> Locals => _frames.Peek();

    /// <summary>Declares a new variable (a declaration, a loop variable, a by-value parameter): a new cell.</summary>
    private void Declare(int variable, Value value) => Locals[variable] = new Cell(value);

    public void Report(DiagnosticDescriptor descriptor, int at, params string[] arguments) =>
        Report(descriptor, Node(at).Span, arguments);

    public void Report(DiagnosticDescriptor descriptor, IrSpan location, params string[] arguments)
    {
        // Code in a loop runs many times; its problem is reported once (a million copies would cost seconds).
        if (!_reported.Add((descriptor.Id, location))) return;
        var all = new string[arguments.Length + 1];
        all[0] = _function;
        arguments.CopyTo(all, 1);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Relative(location), all));
    }

    private readonly Dictionary<int, SourceText> _declarationTexts = new();

    /// <summary>A span with its line positions, relative to its declaration (the anchors place it in its file).</summary>
    public RelativeLocation Relative(IrSpan span)
    {
        if (!_declarationTexts.TryGetValue(span.Declaration, out var text))
            _declarationTexts[span.Declaration] = text = SourceText.From(_ir.Declarations[span.Declaration]);
        var lines = text.Lines.GetLinePositionSpan(new TextSpan(span.Start, span.Length));
        return new RelativeLocation(span.Declaration, span.Start, span.Length,
            lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    /// <summary>Counts one step of work; false (reported once) when a budget is exhausted, and evaluation winds down.</summary>
    private bool Step(int at, int cost = 1)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_exhausted) return false;
        _steps += cost;
        if (_steps <= MaxSteps) return true;
        _exhausted = true;
        Report(Model.Diagnostics.TooDeep, at, $"evaluation took more than {Count(MaxSteps)} steps; is a loop unbounded, or a list or string built element by element too large?");
        return false;
    }


    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs <paramref name="work"/> one nesting level deeper. Nesting follows the source (an argument inside a
    /// call inside a call ...), so it is bounded by a budget rather than by the compiler's stack: when the
    /// stack runs short, the work continues on a fresh thread's stack (as dotnet/runtime's StackHelper does).
    /// </summary>
    private T Nested<T, TState>(int at, TState state, System.Func<TState, T> work, T onLimit)
    {
        if (++_nesting > MaxNesting)
        {
            _nesting--;
            if (!_exhausted)
            {
                _exhausted = true;
                Report(Model.Diagnostics.TooDeep, at, $"expressions or calls nest deeper than {Count(MaxNesting)} levels");
            }
            return onLimit;
        }
        try
        {
            return StackGuard.HasRoom() ? work(state) : StackGuard.OnFreshStack(() => work(state));
        }
        catch (GeneratorLimitException) when (RecordLimit(at))
        {
            throw; // never reached: the filter only records where the limit was hit
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>The innermost operation being evaluated when the graph outgrew its limit (exception filters run before unwinding).</summary>
    private int _limitAt = -1;

    private bool RecordLimit(int at)
    {
        if (_limitAt < 0) _limitAt = at;
        return false;
    }

    private enum FlowKind { Normal, Return, Break, Continue }

    private readonly record struct Flow(FlowKind Kind, Value? Value)
    {
        public static readonly Flow Normal = new(FlowKind.Normal, null);
    }

    private Flow Execute(int statement) =>
        Nested(statement, statement, _executeCore ??= ExecuteCore, new Flow(FlowKind.Return, ErrorValue.Instance));

    private System.Func<int, Flow>? _executeCore;

    private Flow ExecuteCore(int statement)
    {
        if (!Step(statement)) return new Flow(FlowKind.Return, ErrorValue.Instance);
        switch (Node(statement))
        {
            case IrBlock block:
                foreach (var s in block.Operations)
                {
                    var flow = Execute(s);
                    if (flow.Kind != FlowKind.Normal) return flow;
                }
                return Flow.Normal;

            case IrVariableDeclarationGroup group:
                foreach (int d in group.Declarators)
                {
                    var declarator = (IrDeclarator)Node(d);
                    if (declarator.IsRef)
                    {
                        Report(Model.Diagnostics.Effect, d, $"the ref local '{_ir.Variables[declarator.Variable]}' aliases another variable, which graph code does not model; use a plain local");
                        Declare(declarator.Variable, ErrorValue.Instance);
                        continue;
                    }
                    Declare(declarator.Variable, declarator.Initializer < 0 ? ErrorValue.Instance : Evaluate(declarator.Initializer));
                }
                return Flow.Normal;

            case IrExpressionStatement expression:
                Evaluate(expression.Operation);
                return Flow.Normal;

            case IrReturn ret:
                return new Flow(FlowKind.Return, ret.Value < 0 ? null : Evaluate(ret.Value));

            case IrEmpty: // an empty statement, or a local function: evaluated where called
                return Flow.Normal;

            case IrInvalid invalid: // does not compile: the compiler reports it
                ReportNotPt(invalid);
                return Flow.Normal;

            case IrConditional conditional:
            {
                if (!TryCondition(conditional.Condition, out bool condition)) return Flow.Normal;
                int branch = condition ? conditional.WhenTrue : conditional.WhenFalse;
                return branch < 0 ? Flow.Normal : Execute(branch);
            }

            case IrBranch branch:
                return new Flow(branch.IsBreak ? FlowKind.Break : FlowKind.Continue, null);

            case IrForLoop loop:
                foreach (var before in loop.Before) Execute(before);
                while (true)
                {
                    if (loop.Condition >= 0)
                    {
                        if (!TryCondition(loop.Condition, out bool go)) return Flow.Normal;
                        if (!go) break;
                    }
                    var flow = Execute(loop.Body);
                    if (flow.Kind == FlowKind.Return) return flow;
                    if (flow.Kind == FlowKind.Break) break;
                    foreach (var after in loop.AtLoopBottom) Execute(after);
                    if (_exhausted) return Flow.Normal;
                }
                return Flow.Normal;

            case IrWhileLoop loop:
                while (true)
                {
                    if (loop.ConditionIsTop)
                    {
                        if (!TryCondition(loop.Condition, out bool go)) return Flow.Normal;
                        if (!go) break;
                    }
                    var flow = Execute(loop.Body);
                    if (flow.Kind == FlowKind.Return) return flow;
                    if (flow.Kind == FlowKind.Break) break;
                    if (!loop.ConditionIsTop)
                    {
                        if (!TryCondition(loop.Condition, out bool go)) return Flow.Normal;
                        if (!go) break;
                    }
                    if (_exhausted) return Flow.Normal;
                }
                return Flow.Normal;

            case IrForEachLoop loop:
            {
                var collection = Evaluate(loop.Collection);
                if (collection is ErrorValue) return Flow.Normal;
                if (collection is not ListValue list)
                {
                    Report(Model.Diagnostics.NotConstant, loop.Collection, "the collection of a foreach", Text(loop.Collection));
                    return Flow.Normal;
                }
                if (loop.Variable < 0)
                {
                    Report(Model.Diagnostics.UnsupportedStatement, loop.ControlVariable, "this foreach variable");
                    return Flow.Normal;
                }
                foreach (var item in list.Items)
                {
                    // A fresh variable per iteration, as C# 5 and later.
                    Declare(loop.Variable, item);
                    var flow = Execute(loop.Body);
                    if (flow.Kind == FlowKind.Return) return flow;
                    if (flow.Kind == FlowKind.Break) break;
                    if (_exhausted) return Flow.Normal;
                }
                return Flow.Normal;
            }

            case IrUnsupportedStatement unsupported:
                Report(Model.Diagnostics.UnsupportedStatement, statement, unsupported.Description);
                return Flow.Normal;

            default:
                Report(Model.Diagnostics.UnsupportedStatement, statement, $"the statement '{Shorten(Text(statement))}'");
                return Flow.Normal;
        }
    }

    /// <summary>Evaluates a condition that decides control flow: it must be a build-time constant.</summary>
    private bool TryCondition(int condition, out bool value)
    {
        value = false;
        var v = Evaluate(condition);
        if (v is ConstValue { Constant: bool b })
        {
            value = b;
            return true;
        }
        if (v is not ErrorValue)
            Report(Model.Diagnostics.NotConstant, condition, "a condition in graph code (a tensor comparison is symbolic: use Switch)", Text(condition));
        return false;
    }

    internal static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
