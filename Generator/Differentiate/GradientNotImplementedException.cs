using System;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// Thrown by a pullback that PyTensor defines with an op Tensorgen does not have (tri_gamma's needs polygamma(2, x)):
/// the Grad call becomes TG0222, as PyTensor's grad would fail, rather than a silent zero.
/// </summary>
internal sealed class GradientNotImplementedException(string op, string needs)
    : Exception($"the gradient of {op} is not implemented (PyTensor's is built from {needs}, which Tensorgen does not have)");
