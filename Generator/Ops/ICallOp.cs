using Tensorgen.Generator.Emit;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The emission facet of an op computed by a call into a runtime kernel (<see cref="Schedule.StepKind.Call"/>):
/// it writes the statements that compute one node, reading its operands and writing its value through
/// <see cref="CallSite"/>, which knows where each lives. The runtime kernel checks what only the data can
/// tell (a gathered index out of range) and throws naming the function and the input.
/// </summary>
internal interface ICallOp
{
    void Write(CallSite site);
}
