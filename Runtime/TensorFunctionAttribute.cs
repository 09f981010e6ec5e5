using System;
using System.Diagnostics;

namespace Tensorgen;

/// <summary>
/// Marks a method whose body builds a tensor graph with the symbolic API (<see cref="Pt"/>) and
/// returns <see cref="Pt.Function(In[], TensorVariable, Pairs?, Pairs?, bool, OnUnusedInput)"/>. The Tensorgen generator evaluates the
/// body at build time and adds a compiled class <c>{MethodName}Function</c> to the containing
/// partial type. The body itself never runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[Conditional("TENSORGEN_KEEP_ATTRIBUTES")]
public sealed class TensorFunctionAttribute : Attribute
{
    /// <summary>
    /// Whether the generated code can record a profile (<see cref="CompiledFunction.Profiling"/>): true by default,
    /// at the cost of one predictable branch per step while profiling is off; false compiles the instrumentation
    /// out, and turning profiling on then throws.
    /// </summary>
    public bool Profiling { get; set; } = true;
}
