using System.Globalization;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The generator runs inside the compiler, under the build machine's culture. Literals it writes must
/// not depend on it: a culture with U+2212 as minus sign and ',' as decimal point must change nothing.
/// </summary>
public sealed class CultureTests
{
    private const string Source = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
                var x = DVector("x");
                return Function([x, In(DScalar("y"), value: -0.25)], x * -1.5 + 2.5e-7, onUnusedInput: OnUnusedInput.Ignore);
            }
        }
        """;

    [Fact]
    public void Generated_code_is_culture_invariant()
    {
        var invariant = GeneratorHarness.Run(Source).Files.Values.Single();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            odd.NumberFormat.NegativeSign = "\u2212";
            odd.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = odd;
            var run = GeneratorHarness.Run(Source);
            Assert.Empty(run.CompileErrors);
            Assert.Equal(invariant, run.Files.Values.Single());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.Contains("-1.5", invariant);
        Assert.Contains("double y = -0.25", invariant);
        Assert.DoesNotContain("\u2212", invariant);
    }
}
