using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Evaluate;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// Lowers a graph method's body, and the bodies and initializers it reaches, from <see cref="IOperation"/>s into
/// <see cref="IrNode"/>s: one pass over each, no evaluation. Every operation the evaluator could visit is
/// lowered (with its constant value, which the evaluator takes first); an operation it does not model becomes
/// an unsupported node carrying what TG0101/TG0103 will say if it runs. Helper bodies and member initializers
/// are lowered once each, after the body, from a queue (they may reach further helpers and members).
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly SemanticModel _model;
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellation;
    private readonly List<IrNode> _nodes = new();
    private readonly List<SyntaxNode> _declarations = new();
    private readonly Queue<Action> _pending = new();
    private int _declaration;
    private int _declarationStart;

    public BodyLowering(SemanticModel model, CancellationToken cancellation)
    {
        _model = model;
        _compilation = model.Compilation;
        _cancellation = cancellation;
    }

    /// <summary>The declaration <paramref name="syntax"/> is in (one already lowered that contains it), else a new one.</summary>
    public int Declaration(SyntaxNode syntax)
    {
        for (int i = 0; i < _declarations.Count; i++)
            if (_declarations[i].SyntaxTree == syntax.SyntaxTree && _declarations[i].Span.Contains(syntax.Span)) return i;
        _declarations.Add(syntax);
        return _declarations.Count - 1;
    }

    /// <summary><paramref name="location"/> relative to declaration <paramref name="declaration"/>.</summary>
    public RelativeLocation Relative(int declaration, Location location) =>
        DeclarationAnchor.Of(_declarations[declaration]).Relative(declaration, location);

    /// <summary>Lowers a method body (a statement) and everything it reaches; returns its root.</summary>
    public int LowerBody(IOperation body)
    {
        int root = -1;
        In(body.Syntax, () => root = Statement(body));
        while (_pending.Count > 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            _pending.Dequeue()();
        }
        return root;
    }

    /// <summary>Runs <paramref name="lower"/> with spans counted from the declaration that holds <paramref name="syntax"/>.</summary>
    private void In(SyntaxNode syntax, Action lower)
    {
        var (declaration, start) = (_declaration, _declarationStart);
        _declaration = Declaration(syntax);
        _declarationStart = _declarations[_declaration].SpanStart;
        try
        {
            lower();
        }
        finally
        {
            (_declaration, _declarationStart) = (declaration, start);
        }
    }

    public LoweredFunction Result(FunctionHeader header, EquatableArray<DiagnosticInfo> diagnostics, string? failure, int body) => new(
        header, diagnostics, failure, body, _nodes.ToEquatableArray(),
        _declarations.Select(d => d.SyntaxTree.GetText(_cancellation).ToString(d.Span)).ToEquatableArray(), _variableNames.ToEquatableArray(),
        _methodList.ToEquatableArray(), _helperList.ToEquatableArray(), _memberList.ToEquatableArray());

    /// <summary>The lowered declarations' syntax: the method first, then helpers and initializers as met.</summary>
    public IReadOnlyList<SyntaxNode> DeclarationSyntax => _declarations;

    private IrSpan Span(SyntaxNode syntax) => new(_declaration, syntax.Span.Start - _declarationStart, syntax.Span.Length);

    /// <summary>Adds a node for <paramref name="operation"/>: its span, and its constant value where the evaluator reads one.</summary>
    private int Add(IOperation operation, IrNode node, bool expression = true)
    {
        IrConstant? constant = expression && operation.ConstantValue.HasValue && operation is not IConversionOperation { OperatorMethod: not null }
            ? new IrConstant(operation.ConstantValue.Value) : null;
        _nodes.Add(node.Place(Span(operation.Syntax), constant));
        return _nodes.Count - 1;
    }

    private int Statement(IOperation statement) =>
        StackGuard.HasRoom() ? StatementCore(statement) : StackGuard.OnFreshStack(() => StatementCore(statement));

    private EquatableArray<int> Statements(IEnumerable<IOperation> statements) => statements.Select(Statement).ToEquatableArray();

    private int StatementCore(IOperation statement)
    {
        _cancellation.ThrowIfCancellationRequested();
        IrNode node = statement switch
        {
            IBlockOperation block => new IrBlock(Statements(block.Operations)),
            IVariableDeclarationGroupOperation group => new IrVariableDeclarationGroup(Declarators(group)),
            IExpressionStatementOperation expression => new IrExpressionStatement(Expression(expression.Operation)),
            IReturnOperation ret => new IrReturn(Expression(ret.ReturnedValue)),
            IEmptyOperation or ILocalFunctionOperation => new IrEmpty(),
            IInvalidOperation invalid => Invalid(invalid),
            IConditionalOperation conditional => new IrConditional(Expression(conditional.Condition), Statement(conditional.WhenTrue),
                conditional.WhenFalse is null ? -1 : Statement(conditional.WhenFalse)),
            IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } branch => new IrBranch(branch.BranchKind == BranchKind.Break),
            IForLoopOperation loop => new IrForLoop(Statements(loop.Before), Expression(loop.Condition), Statement(loop.Body), Statements(loop.AtLoopBottom)),
            IWhileLoopOperation { Condition: not null, ConditionIsUntil: false } loop => new IrWhileLoop(Expression(loop.Condition), Statement(loop.Body), loop.ConditionIsTop),
            IForEachLoopOperation loop => ForEach(loop),
            _ => new IrUnsupportedStatement(Describe(statement)),
        };
        return Add(statement, node, expression: false);
    }

    private EquatableArray<int> Declarators(IVariableDeclarationGroupOperation group)
    {
        var declarators = new List<int>();
        foreach (var declaration in group.Declarations)
            foreach (var declarator in declaration.Declarators)
            {
                var init = declarator.Initializer ?? declaration.Initializer;
                var node = new IrDeclarator(Variable(declarator.Symbol), Expression(init?.Value), declarator.Symbol.RefKind != RefKind.None);
                declarators.Add(Add(declarator, node, expression: false));
            }
        return declarators.ToEquatableArray();
    }

    private IrNode ForEach(IForEachLoopOperation loop)
    {
        int collection = Expression(loop.Collection);
        var local = (loop.LoopControlVariable as IVariableDeclaratorOperation)?.Symbol
            ?? (loop.LoopControlVariable as IDeclarationExpressionOperation)?.Expression switch
            {
                ILocalReferenceOperation r => r.Local,
                _ => null,
            };
        var control = Span((loop.LoopControlVariable ?? loop).Syntax);
        return new IrForEachLoop(collection, local is null ? -1 : Variable(local), control, Statement(loop.Body));
    }

    private static string Describe(IOperation statement) => statement.Syntax switch
    {
        TryStatementSyntax => "a 'try' statement",
        ThrowStatementSyntax => "a 'throw' statement",
        LockStatementSyntax => "a 'lock' statement",
        UsingStatementSyntax => "a 'using' statement",
        SwitchStatementSyntax => "a 'switch' statement",
        GotoStatementSyntax => "a 'goto' statement",
        YieldStatementSyntax => "'yield'",
        LabeledStatementSyntax => "a labeled statement",
        CheckedStatementSyntax => "a checked/unchecked block",
        UnsafeStatementSyntax => "an 'unsafe' block",
        FixedStatementSyntax => "a 'fixed' statement",
        WhileStatementSyntax => "this 'while' loop",
        _ => $"the statement '{GraphEvaluator.Shorten(statement.Syntax.ToString())}'",
    };
}
