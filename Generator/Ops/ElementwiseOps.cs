using System.Collections.Generic;
using System.Linq;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The element-wise ops, one <see cref="ElementwiseOp"/> entry each, in tables by family: arithmetic
/// (<c>ElementwiseOps.Arithmetic.cs</c>), float math (<c>.Math.cs</c>), comparisons and logic
/// (<c>.Logic.cs</c>), the ops that pass values on (<c>.Conversion.cs</c>), and issue 13's functions (<c>.Functions.cs</c>). Adding an op is adding
/// an entry (and its <see cref="OpCode"/> member, its <c>Pt</c> method and any runtime function it calls).
/// </summary>
internal static partial class ElementwiseOps
{
    public static IEnumerable<ElementwiseOp> All => Arithmetic().Concat(Math()).Concat(Logic()).Concat(Conversion()).Concat(Functions());
}
