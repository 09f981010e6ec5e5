using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

/// <summary>The diagonal's offset (above the main one when positive) and the two axes it runs along (axis1 &lt; axis2 not required).</summary>
internal sealed record DiagonalParams(int Offset, int Axis1, int Axis2) : OpParams;
