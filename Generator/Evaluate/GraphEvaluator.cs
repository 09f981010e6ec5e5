using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Runs graph-building C# at build time: walks the method body's <see cref="IOperation"/> tree with
/// symbolic values in place of tensors, so every call into the symbolic API adds a node to the graph.
/// Unsupported code is reported at its syntax and replaced by <see cref="ErrorValue"/>, and evaluation
/// goes on, so one build shows every problem. This is the only stage that touches Roslyn symbols.
/// </summary>
internal sealed partial class GraphEvaluator
{
    private const int MaxCallDepth = 32;

    /// <summary>Evaluation steps (statements, expressions, list elements, string characters / 16).</summary>
    private const int MaxSteps = 4_000_000;

    /// <summary>Nested evaluations (an expression inside an expression ...), whatever stack it takes.</summary>
    private const int MaxNesting = 100_000;

    private readonly Compilation _compilation;
    private readonly string _function;
    private readonly CancellationToken _cancellation;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<(string, SyntaxTree?, Microsoft.CodeAnalysis.Text.TextSpan)> _reported = new();
    private readonly Stack<Dictionary<ISymbol, Cell>> _frames = new();
    private int _steps;
    private int _nesting;
    private bool _exhausted;
    private int _nextInput;

    private readonly bool _isInstance;

    /// <param name="isInstance">Whether the graph method is an instance method, whose own shared members it may read.</param>
    public GraphEvaluator(Compilation compilation, string function, bool isInstance, CancellationToken cancellation)
    {
        _compilation = compilation;
        _function = function;
        _isInstance = isInstance;
        _cancellation = cancellation;
    }

    public GraphBuilder Graph { get; } = new();

    public List<DiagnosticInfo> Diagnostics => _diagnostics;

    public string Function => _function;

    /// <summary>Evaluates a graph method body; returns what it returned, or null.</summary>
    public Value? Run(IOperation body)
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
            Report(Model.Diagnostics.GeneratorLimit, _limitAt ?? body, e.Message);
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

    private static Dictionary<ISymbol, Cell> NewFrame() => new(SymbolEqualityComparer.Default);

    private Dictionary<ISymbol, Cell> Locals => _frames.Peek();

    /// <summary>Declares a new variable (a declaration, a loop variable, a by-value parameter): a new cell.</summary>
    private void Declare(ISymbol symbol, Value value) => Locals[symbol] = new Cell(value);

    public void Report(DiagnosticDescriptor descriptor, IOperation at, params string[] arguments) =>
        Report(descriptor, at.Syntax.GetLocation(), arguments);

    public void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        // Code in a loop runs many times; its problem is reported once (a million copies would cost seconds).
        if (!_reported.Add((descriptor.Id, location.SourceTree, location.SourceSpan))) return;
        var all = new string[arguments.Length + 1];
        all[0] = _function;
        arguments.CopyTo(all, 1);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, all));
    }

    /// <summary>Counts one step of work; false (reported once) when a budget is exhausted, and evaluation winds down.</summary>
    private bool Step(IOperation at, int cost = 1)
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
    private T Nested<T, TState>(IOperation at, TState state, System.Func<TState, T> work, T onLimit)
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
        catch (GeneratorLimitException) when (Locate(at))
        {
            throw; // never reached: the filter only records where the limit was hit
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>The innermost operation being evaluated when the graph outgrew its limit (exception filters run before unwinding).</summary>
    private IOperation? _limitAt;

    private bool Locate(IOperation at)
    {
        _limitAt ??= at;
        return false;
    }

    private enum FlowKind { Normal, Return, Break, Continue }

    private readonly record struct Flow(FlowKind Kind, Value? Value)
    {
        public static readonly Flow Normal = new(FlowKind.Normal, null);
    }

    private Flow Execute(IOperation statement) =>
        Nested(statement, statement, _executeCore ??= ExecuteCore, new Flow(FlowKind.Return, ErrorValue.Instance));

    private System.Func<IOperation, Flow>? _executeCore;

    private Flow ExecuteCore(IOperation statement)
    {
        if (!Step(statement)) return new Flow(FlowKind.Return, ErrorValue.Instance);
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var s in block.Operations)
                {
                    var flow = Execute(s);
                    if (flow.Kind != FlowKind.Normal) return flow;
                }
                return Flow.Normal;

            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (declarator.Symbol.RefKind != RefKind.None)
                        {
                            Report(Model.Diagnostics.Effect, declarator, $"the ref local '{declarator.Symbol.Name}' aliases another variable, which graph code does not model; use a plain local");
                            Declare(declarator.Symbol, ErrorValue.Instance);
                            continue;
                        }
                        var init = declarator.Initializer ?? declaration.Initializer;
                        Declare(declarator.Symbol, init is null ? ErrorValue.Instance : Evaluate(init.Value));
                    }
                return Flow.Normal;

            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                return Flow.Normal;

            case IReturnOperation ret:
                return new Flow(FlowKind.Return, ret.ReturnedValue is null ? null : Evaluate(ret.ReturnedValue));

            case IEmptyOperation:
            case IInvalidOperation: // does not compile: the compiler reports it
            case ILocalFunctionOperation: // declared here, evaluated where called
                return Flow.Normal;

            case IConditionalOperation conditional:
            {
                if (!TryCondition(conditional.Condition, out bool condition)) return Flow.Normal;
                var branch = condition ? conditional.WhenTrue : conditional.WhenFalse;
                return branch is null ? Flow.Normal : Execute(branch);
            }

            case IBranchOperation branch when branch.BranchKind == BranchKind.Break:
                return new Flow(FlowKind.Break, null);

            case IBranchOperation branch when branch.BranchKind == BranchKind.Continue:
                return new Flow(FlowKind.Continue, null);

            case IForLoopOperation loop:
                foreach (var before in loop.Before) Execute(before);
                while (true)
                {
                    if (loop.Condition is not null)
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

            case IWhileLoopOperation loop when loop.Condition is not null && !loop.ConditionIsUntil:
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

            case IForEachLoopOperation loop:
            {
                var collection = Evaluate(loop.Collection);
                if (collection is ErrorValue) return Flow.Normal;
                if (collection is not ListValue list)
                {
                    Report(Model.Diagnostics.NotConstant, loop.Collection, "the collection of a foreach", loop.Collection.Syntax.ToString());
                    return Flow.Normal;
                }
                var local = (loop.LoopControlVariable as IVariableDeclaratorOperation)?.Symbol
                    ?? (loop.LoopControlVariable as IDeclarationExpressionOperation)?.Expression switch
                    {
                        ILocalReferenceOperation r => r.Local,
                        _ => null,
                    };
                if (local is null)
                {
                    Report(Model.Diagnostics.UnsupportedStatement, loop.LoopControlVariable, "this foreach variable");
                    return Flow.Normal;
                }
                foreach (var item in list.Items)
                {
                    // A fresh variable per iteration, as C# 5 and later.
                    Declare(local, item);
                    var flow = Execute(loop.Body);
                    if (flow.Kind == FlowKind.Return) return flow;
                    if (flow.Kind == FlowKind.Break) break;
                    if (_exhausted) return Flow.Normal;
                }
                return Flow.Normal;
            }

            default:
                Report(Model.Diagnostics.UnsupportedStatement, statement, Describe(statement));
                return Flow.Normal;
        }
    }

    /// <summary>Evaluates a condition that decides control flow: it must be a build-time constant.</summary>
    private bool TryCondition(IOperation condition, out bool value)
    {
        value = false;
        var v = Evaluate(condition);
        if (v is ConstValue { Constant: bool b })
        {
            value = b;
            return true;
        }
        if (v is not ErrorValue)
            Report(Model.Diagnostics.NotConstant, condition, "a condition in graph code (a tensor comparison is symbolic: use Switch)", condition.Syntax.ToString());
        return false;
    }

    private static string Describe(IOperation statement) => statement.Syntax switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.TryStatementSyntax => "a 'try' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.ThrowStatementSyntax => "a 'throw' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.LockStatementSyntax => "a 'lock' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.UsingStatementSyntax => "a 'using' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax => "a 'switch' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.GotoStatementSyntax => "a 'goto' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.YieldStatementSyntax => "'yield'",
        Microsoft.CodeAnalysis.CSharp.Syntax.LabeledStatementSyntax => "a labeled statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.CheckedStatementSyntax => "a checked/unchecked block",
        Microsoft.CodeAnalysis.CSharp.Syntax.UnsafeStatementSyntax => "an 'unsafe' block",
        Microsoft.CodeAnalysis.CSharp.Syntax.FixedStatementSyntax => "a 'fixed' statement",
        Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax => "this 'while' loop",
        _ => $"the statement '{Shorten(statement.Syntax.ToString())}'",
    };

    internal static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
