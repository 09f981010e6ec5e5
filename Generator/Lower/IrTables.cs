using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// A method graph code calls (or an operator or conversion it applies): its API tag when it is part of the
/// graph language, else the helper whose body runs; what messages name it by; its parameters.
/// </summary>
/// <param name="Display">The method as C# error messages show it: <c>Helpers.Scale(TensorVariable)</c>.</param>
/// <param name="IsOverridable">Virtual, abstract or override, and not sealed: which body runs depends on the object.</param>
/// <param name="ReturnsByRef">Returns by reference (ref or ref readonly).</param>
/// <param name="Helper">For a method without a tag: its entry in <see cref="LoweredFunction.Helpers"/>; else -1.</param>
/// <param name="IsDelegateInvoke">A delegate's <c>Invoke</c> (<c>f(x)</c> of a <c>Func</c>): the receiver says what runs.</param>
internal sealed record IrMethod(string Name, string Display, ApiTag? Tag, EquatableArray<IrParameter> Parameters,
    bool IsStatic, bool IsOverridable, bool ReturnsByRef, int Helper, bool IsDelegateInvoke = false);

/// <param name="IsDType">Whether its type is <c>DType</c> (a cast's target, not an operand).</param>
internal readonly record struct IrParameter(string Name, bool IsDType, RefKind RefKind);

/// <summary>A helper method or local function (by its original definition): its body, -1 when it has no source.</summary>
/// <param name="IsLocalFunction">A local function shares the variables it captures with its caller.</param>
internal sealed record IrHelper(bool IsLocalFunction, int Body);

/// <summary>What a member's type makes it in graph code.</summary>
internal enum IrMemberType
{
    Other,
    RandomStream,
    RandomVariable,
    TensorVariable,
    Shared,
}

/// <summary>
/// A field or property graph code reads: the facts that decide what it is (a shared variable, a random
/// stream or variable, a property of a symbolic value), and its initializer, lowered when it declares one.
/// </summary>
/// <param name="ContainingType">The declaring type, fully qualified (<c>global::Ns.Graphs</c>).</param>
/// <param name="IsSymbolicProperty">A property of <c>TensorVariable</c> or <c>Shared&lt;T&gt;</c> (DType, NDim, Name, Shape, T).</param>
/// <param name="ElementDType">For <c>Shared&lt;T&gt;</c>: T's dtype, or -1 when T is not a Tensorgen dtype.</param>
/// <param name="ElementType">For <c>Shared&lt;T&gt;</c>: T as C# shows it.</param>
/// <param name="InitializerSyntax">Where its initializer is, when it has one with source (looked up for shared and random members only).</param>
/// <param name="Initializer">The initializer's root node, or -1 (none, or not bound).</param>
/// <param name="Getter">For a property whose getter is tagged API (<c>x[...]</c>, <c>NewAxis</c>): the getter's method id, else -1.</param>
internal sealed record IrMember(string Name, bool IsField, bool IsStatic, bool IsIndexer, string ContainingType,
    bool IsSymbolicProperty, IrMemberType Type, int ElementDType, string? ElementType, IrSpan? InitializerSyntax, int Initializer, int Getter = -1);
