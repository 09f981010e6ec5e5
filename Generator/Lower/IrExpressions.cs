using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

// The expressions of graph code, one record per IOperation kind. Types are the special type C# arithmetic
// works in (an enum's underlying type); methods, members and variables are ids into LoweredFunction's tables.

/// <summary>
/// Code that does not compile (the compiler reports it). <paramref name="NotPt"/>: the calls in it spelled like a Pt
/// function whose name does not reach Pt, each with what the name means there instead (TG0217).
/// </summary>
internal sealed record IrInvalid(EquatableArray<IrNotPt> NotPt = default) : IrNode;

/// <summary>A call named <paramref name="Name"/> at <paramref name="At"/> that means <paramref name="Means"/>, not Pt's function.</summary>
internal sealed record IrNotPt(string Name, string Means, IrSpan At);

internal sealed record IrLocalReference(int Variable) : IrNode;

internal sealed record IrParameterReference(int Variable) : IrNode;

/// <summary><c>this</c>.</summary>
internal sealed record IrInstanceReference : IrNode;

/// <summary><c>_</c>.</summary>
internal sealed record IrDiscard : IrNode;

/// <summary><c>default</c> without a constant value.</summary>
internal sealed record IrDefaultValue : IrNode;

/// <summary>A conversion to <paramref name="Target"/>; <paramref name="Method"/> is its operator method's id, or -1.</summary>
internal sealed record IrConversion(int Operand, int Method, SpecialType Target, bool IsChecked) : IrNode;

/// <summary>A binary operator; <paramref name="LeftType"/> is the type a predefined operator works in.</summary>
internal sealed record IrBinary(int Left, int Right, int Method, BinaryOperatorKind OperatorKind, SpecialType LeftType, bool IsChecked) : IrNode;

internal sealed record IrUnary(int Operand, int Method, UnaryOperatorKind OperatorKind, SpecialType OperandType, bool IsChecked) : IrNode;

/// <summary>
/// A lambda: its body, lowered as a helper's (<see cref="IrHelper"/>, sharing the variables it captures), and its
/// parameters' variable ids by ordinal.
/// </summary>
internal sealed record IrLambda(int Helper, EquatableArray<int> Parameters) : IrNode;

/// <summary>A method group made a delegate (<c>Func&lt;...&gt; f = Layer;</c>): the method, and its parameters' variable ids.</summary>
internal sealed record IrMethodGroup(int Method, EquatableArray<int> Parameters) : IrNode;

/// <summary>A call: the method's id, the receiver (-1 for none or a static method), the arguments as written.</summary>
internal sealed record IrInvocation(int Method, int Instance, EquatableArray<IrArgument> Arguments) : IrNode;

/// <summary>
/// One argument: its parameter's ordinal (-1 when none), the parameter's variable id in a helper's frame
/// (its original definition), whether the compiler filled in the default value, and the value.
/// </summary>
internal readonly record struct IrArgument(int Ordinal, int Variable, bool IsDefault, int Value);

internal sealed record IrSimpleAssignment(int Target, int Value, bool IsRef) : IrNode;

internal sealed record IrCompoundAssignment(int Target, int Value, int Method, BinaryOperatorKind OperatorKind, SpecialType TargetType, SpecialType ValueType, bool IsChecked) : IrNode;

internal sealed record IrIncrementOrDecrement(int Target, bool IsIncrement, SpecialType TargetType, bool IsChecked, bool IsPostfix) : IrNode;

internal sealed record IrDeconstructionAssignment(int Target, int Value) : IrNode;

internal sealed record IrDeclarationExpression(int Expression) : IrNode;

/// <summary>A collection expression or an array creation with an initializer: its elements (<see cref="IrSpread"/> among them).</summary>
internal sealed record IrCollection(EquatableArray<int> Elements) : IrNode;

/// <summary><c>.. xs</c> in a collection expression.</summary>
internal sealed record IrSpread(int Operand) : IrNode;

/// <summary>A C# range <c>start..end</c>; either is -1 when left out (<c>..</c>, <c>1..</c>).</summary>
internal sealed record IrRange(int Start, int End) : IrNode;

internal sealed record IrTuple(EquatableArray<int> Elements) : IrNode;

internal sealed record IrArrayElementReference(int Array, EquatableArray<int> Indices) : IrNode;

/// <summary>A property read (or an indexer, with its arguments' values); <paramref name="InstanceIsArray"/> for <c>xs.Length</c>.</summary>
internal sealed record IrPropertyReference(int Instance, int Member, EquatableArray<int> Arguments, bool InstanceIsArray) : IrNode;

internal sealed record IrFieldReference(int Instance, int Member) : IrNode;

/// <summary>
/// <c>new Dictionary&lt;TensorVariable, TensorVariable&gt; { [a] = b }</c>: its entries, each an
/// <see cref="IrDictionaryEntry"/>.
/// </summary>
internal sealed record IrDictionaryCreation(EquatableArray<int> Entries) : IrNode;

/// <summary>A dictionary entry <c>[key] = value</c> or <c>{ key, value }</c>; <paramref name="Key"/> is -1 for any other initializer.</summary>
internal sealed record IrDictionaryEntry(int Key, int Value) : IrNode;

/// <summary><c>new RandomStream(...)</c>, in a random variable member's initializer.</summary>
internal sealed record IrStreamCreation(bool IsStatic) : IrNode;

/// <summary><c>c ? a : b</c> as an expression, or <c>if</c> as a statement (<paramref name="WhenFalse"/> -1 for none).</summary>
internal sealed record IrConditional(int Condition, int WhenTrue, int WhenFalse) : IrNode;

internal sealed record IrInterpolatedString(EquatableArray<int> Parts) : IrNode;

/// <summary>The literal text between holes; <paramref name="Text"/> is its (constant) expression.</summary>
internal sealed record IrInterpolatedText(int Text) : IrNode;

/// <summary>A hole <c>{value,alignment:format}</c>; alignment and format are -1 when absent.</summary>
internal sealed record IrInterpolation(int Expression, int Alignment, int FormatString) : IrNode;

/// <summary>An expression graph code does not model; <paramref name="Kind"/> names it in TG0103 ("a lambda").</summary>
internal sealed record IrUnsupported(string Kind) : IrNode;
