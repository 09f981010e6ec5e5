using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

// The statements of graph code (IBlockOperation, IVariableDeclarationGroupOperation, ...). A statement the
// evaluator does not model is an IrUnsupportedStatement, reported only if it runs.

/// <summary>A block: its statements in order.</summary>
internal sealed record IrBlock(EquatableArray<int> Operations) : IrNode;

/// <summary>A declaration statement: its <see cref="IrDeclarator"/>s in order.</summary>
internal sealed record IrVariableDeclarationGroup(EquatableArray<int> Declarators) : IrNode;

/// <summary>One declared local: its initializer (the declarator's, else the declaration's), or -1.</summary>
/// <param name="IsRef">Whether it is a ref local (which graph code does not model).</param>
internal sealed record IrDeclarator(int Variable, int Initializer, bool IsRef) : IrNode;

internal sealed record IrExpressionStatement(int Operation) : IrNode;

/// <summary><c>return</c>, with its value or -1.</summary>
internal sealed record IrReturn(int Value) : IrNode;

/// <summary>A statement that does nothing when run: an empty statement, or a local function's declaration (run where called).</summary>
internal sealed record IrEmpty : IrNode;

/// <summary><c>break</c> (<paramref name="IsBreak"/>) or <c>continue</c>.</summary>
internal sealed record IrBranch(bool IsBreak) : IrNode;

/// <summary><c>for</c>: its initializers, condition (or -1), body and incrementors.</summary>
internal sealed record IrForLoop(EquatableArray<int> Before, int Condition, int Body, EquatableArray<int> AtLoopBottom) : IrNode;

/// <summary><c>while</c> (condition at the top) or <c>do ... while</c>.</summary>
internal sealed record IrWhileLoop(int Condition, int Body, bool ConditionIsTop) : IrNode;

/// <summary><c>foreach</c>: the variable is -1 when it is not a plain local (deconstruction); <paramref name="ControlVariable"/> is where it is written.</summary>
internal sealed record IrForEachLoop(int Collection, int Variable, IrSpan ControlVariable, int Body) : IrNode;

/// <summary>A statement graph code does not model; <paramref name="Description"/> names it in TG0101 ("a 'try' statement").</summary>
internal sealed record IrUnsupportedStatement(string Description) : IrNode;
