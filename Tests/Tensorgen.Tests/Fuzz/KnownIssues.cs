namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// Open defects the fuzz found, which it steers clear of so that it keeps testing everything else.
/// Each names its reproduction (in <c>FuzzFindingTests</c>' remarks and the fuzz report); when one is
/// fixed, set it to false and the fuzz covers that ground again.
/// </summary>
internal static class KnownIssues
{
    /// <summary>
    /// An output whose optimized value is a constant broadcast to a fully static shape fails with TG9999
    /// (KeyNotFoundException in InvokeWriter.Copy: the constant has no buffer to copy). Repro:
    /// <c>var x = Tensor("x", DType.Float64, [1]); return Function([x], Grad(x.Mean(), x));</c>.
    /// The fuzz takes no gradient with respect to a value whose every dimension is a static 1.
    /// </summary>
    public const bool ConstantStaticOutput = true;
}
