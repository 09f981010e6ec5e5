using System;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// An element-wise op's <c>Vector&lt;T&gt;</c> code, as data: the template for numbers, the template for
/// masks (bools: a <c>Vector&lt;long&gt;</c> beside doubles, a <c>Vector&lt;int&gt;</c> beside floats, all
/// bits set for true), or the reason there is none. So the scheduler knows whether a kernel vectorizes
/// without writing any code (<see cref="Has"/>), and the emitter writes it (<see cref="Code"/>).
/// </summary>
internal sealed class VectorForm
{
    private readonly Func<VectorSite, string>? _numbers;
    private readonly Func<VectorSite, string>? _masks;
    private readonly string _noNumbers;
    private readonly string _noMasks;

    private VectorForm(Func<VectorSite, string>? numbers, Func<VectorSite, string>? masks, string noNumbers, string noMasks, bool everyWidth = false)
    {
        _numbers = numbers;
        _masks = masks;
        _noNumbers = noNumbers;
        _noMasks = noMasks;
        EveryWidth = everyWidth;
    }

    /// <summary>
    /// Whether the template for numbers is written only with <see cref="VectorSite.V"/>, <see cref="VectorSite.One"/>,
    /// <see cref="VectorSite.Zero"/> and operators, so it compiles as <c>Vector512&lt;T&gt;</c> code as well as
    /// <c>Vector&lt;T&gt;</c> code (.NET has the same method on both). Kernels made only of such ops get a Vector512 loop.
    /// </summary>
    public bool EveryWidth { get; }

    /// <summary>This form, marked as compiling at every width (see <see cref="EveryWidth"/>).</summary>
    public VectorForm AtEveryWidth() => new(_numbers, _masks, _noNumbers, _noMasks, everyWidth: true);

    /// <summary>An op on numbers only (arithmetic, math): bools never reach it, the graph builder refuses them.</summary>
    public static VectorForm Numbers(Func<VectorSite, string> code) => new(code, null, "", "it computes on numbers, not bools");

    /// <summary>An op whose result is bool (comparisons, logic, a cast to bool): it computes masks.</summary>
    public static VectorForm Masks(Func<VectorSite, string> code, string whyNotNumbers) => new(null, code, whyNotNumbers, "");

    /// <summary>An op on numbers and on masks alike, with one template for both.</summary>
    public static VectorForm Both(Func<VectorSite, string> code) => new(code, code, "", "");

    /// <summary>An op on numbers and on masks, with a template for each.</summary>
    public static VectorForm Both(Func<VectorSite, string> numbers, Func<VectorSite, string> masks) => new(numbers, masks, "", "");

    /// <summary>An op with no vector form: kernels computing it run one element at a time.</summary>
    public static VectorForm None(string why) => new(null, null, why, why);

    /// <summary>Whether there is vector code for values that are masks (<paramref name="onMasks"/>) or numbers.</summary>
    public bool Has(bool onMasks) => (onMasks ? _masks : _numbers) is not null;

    /// <summary>Why there is none (when <see cref="Has"/> is false).</summary>
    public string WhyNot(bool onMasks) => onMasks ? _noMasks : _noNumbers;

    /// <summary>The vector expression; asked only where <see cref="Has"/> said there is one.</summary>
    public string Code(VectorSite site) =>
        (site.OnMasks ? _masks : _numbers)?.Invoke(site) ?? throw new InvalidOperationException($"no vector form: {WhyNot(site.OnMasks)}");
}
