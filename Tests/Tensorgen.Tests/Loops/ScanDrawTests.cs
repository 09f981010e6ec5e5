using System;
using System.Linq;
using Xunit;
using System.Numerics.Tensors;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// Random variables drawn in a scan's body, against PyTensor 2.24.2's values for the same seeds (same draws: NumPy's
/// PCG64 and distributions). Draws are exact; what is computed from them is within 1e-15 relative (1e-12 for the gradient).
/// </summary>
public sealed class ScanDrawTests
{
    private static readonly Tensor<double> X = Tensor.Create(Enumerable.Range(0, 12).Select(i => i * 0.1).ToArray(), [4, 3]);

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"element {i}: {actual[i]:R}, PyTensor's {expected[i]:R}");
    }
    [Fact]
    public void Each_step_draws_anew_and_the_generator_moves_on_when_the_function_is_given_the_scans_updates()
    {
        var f = new ScanDrawing.NoisyGivenFunction(new ScanDrawing(234));
        AssertClose(new double[] { -0.5321765399179095, -0.49905230022658176, 0.6317789825769142, 1.918762048241302, 1.154579332762434, 3.0423572522856572, 1.012939246782999, 0.4615774527037972, 1.1219583743187873, 0.4141727522779944, 0.10195988580234494, 1.9254150201030336 }, f.Invoke(X).ToArray(), 1e-15);
        AssertClose(new double[] { 0.8540830488609582, -0.46504815885584727, -0.07053385235356807, -0.1672492675293979, -1.9183488688382604, 0.1254252334794102, 0.3231448300321996, 2.404541906732052, 2.6079734045584253, 2.847299469687238, 0.721163144199597, 2.1296343533304594 }, f.Invoke(X).ToArray(), 1e-15);
    }

    [Fact]
    public void Without_the_scans_updates_each_call_draws_the_same_numbers_as_in_PyTensor()
    {
        var f = new ScanDrawing.NoisyNotGivenFunction(new ScanDrawing(234));
        var first = f.Invoke(X).ToArray();
        AssertClose(new double[] { -0.5321765399179095, -0.49905230022658176, 0.6317789825769142, 1.918762048241302, 1.154579332762434, 3.0423572522856572, 1.012939246782999, 0.4615774527037972, 1.1219583743187873, 0.4141727522779944, 0.10195988580234494, 1.9254150201030336 }, first, 1e-15);
        Assert.Equal(first, f.Invoke(X).ToArray());
    }

    [Fact]
    public void A_backwards_scan_takes_the_draws_in_the_order_of_its_steps()
    {
        var f = new ScanDrawing.BackwardsFunction(new ScanDrawing(234));
        AssertClose(new double[] { 0.2613811295855893, 0.8633156469630927, 0.041775916760932855, 0.429313258461477, 0.5175784887304794, 0.1839660981574511, 0.06789755122023547, 0.27170825896431067, 0.451861911068801, 0.0, 0.04851331107463619, 0.016844314922912076 }, f.Invoke(X).ToArray(), 1e-15);
    }

    [Fact]
    public void A_recurrence_with_noise_and_its_gradient()
    {
        var f = new ScanDrawing.RecurrentFunction(new ScanDrawing(7));
        var (h, dw) = f.Invoke(0.7, new double[] { 0.1, -0.2 }, 5);
        AssertClose(new double[] { -0.24024486701497047, 0.5317216052785888, -0.36947738063706886, 0.8937749543869453, 0.2051441577452852, 0.7457181030133275, 0.2801377531507828, -0.4105900083217082, 0.30935004568010865, 0.22779400544624268 }, h.ToArray(), 1e-15);
        Assert.Equal(-0.055770074356575494, dw, 1e-12);
    }

    [Fact]
    public void Every_distribution_drawn_in_a_body_draws_PyTensors_numbers_over_two_calls()
    {
        // uniform, normal, integers, binomial, bernoulli, poisson, exponential, gamma, beta: 3 steps of 4 each.
        double[][] first =
        [
            new double[] { -0.9029129280069667, 1.537040192549611, 0.9663418088547842, 0.845921298984524, 0.5131802695329843, 1.431487138921804, 0.14435643656623953, 0.7382018790939999, 1.0853353915485764, -0.7811309851818271, 0.6855819332806425, 0.26269873450374215 },
            new double[] { 1.5827990879077074, -1.033321799051551, -0.26834277025875686, 0.08268523640686232, 3.39693980939297, 0.41393972615556773, -1.3664919075859117, 2.311154376903225, 2.368118321620069, 1.9221438727738938, 1.0026707451568697, -2.5450293480821875 },
            new double[] { 7.0, 7.0, 1.0, 9.0, 2.0, 2.0, 4.0, 0.0, 1.0, 2.0, 8.0, 9.0 },
            new double[] { 0.0, 3.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 2.0 },
            new double[] { 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0 },
            new double[] { 5.0, 3.0, 4.0, 4.0, 4.0, 4.0, 8.0, 3.0, 3.0, 10.0, 0.0, 1.0 },
            new double[] { 1.4902220858456525, 5.323456553116267, 0.9781865090080841, 3.3459427205994894, 2.6527932664878935, 1.3756302243997192, 0.7268558709944295, 4.012831369564375, 6.1697257513451405, 1.1688671258922276, 1.5823306454249915, 3.273430214269434 },
            new double[] { 1.845312759161342, 3.6998502673051767, 1.3204486751836584, 5.807674098436923, 10.059417952618642, 0.5502185021123801, 1.1709724941667392, 2.605860673185975, 1.6203434293678636, 3.5757209139370354, 5.051345609135723, 3.0000046693687867 },
            new double[] { 0.45179423818348413, 0.3000571042523437, 0.43199320099921407, 0.8364725635149299, 0.6485978960250566, 0.21682895509118322, 0.5039360369972425, 0.4962461155186951, 0.1577852086629873, 0.44453144626348107, 0.257440878748392, 0.6310932897699778 },
        ];
        double[][] second =
        [
            new double[] { 1.596051248141372, 1.3763567666725383, 0.31288447400682684, 0.7138989509134146, 1.1262839987011604, 0.16330667910576024, -0.8431747807649657, 1.0423529370831979, 0.6284835951003895, -0.0752235443016136, 1.9256182323048265, -0.07412726589838114 },
            new double[] { -1.2576870950781927, -0.9453497283805021, 1.7293747106376918, 0.39631333211039055, -1.9285363302253176, -0.2897337883412072, -0.11433695031389335, 2.848921618385421, -0.315491718075837, 1.634739996336065, 2.320273199276414, 1.6899463303061162 },
            new double[] { 1.0, 7.0, 7.0, 2.0, 1.0, 4.0, 5.0, 2.0, 2.0, 0.0, 5.0, 4.0 },
            new double[] { 1.0, 2.0, 3.0, 0.0, 2.0, 1.0, 3.0, 2.0, 0.0, 0.0, 2.0, 1.0 },
            new double[] { 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 },
            new double[] { 5.0, 1.0, 2.0, 3.0, 2.0, 3.0, 6.0, 1.0, 3.0, 3.0, 2.0, 1.0 },
            new double[] { 0.15746204933519806, 2.258592025153917, 2.4656609421120494, 2.8353034399613075, 2.5279801141940434, 0.9701649948965133, 5.1401014848090405, 0.4908894298482796, 0.6465901825111883, 0.4218507974446459, 2.309882117289916, 3.892415346680827 },
            new double[] { 4.165464755851303, 1.897919871788138, 3.7764592806825106, 0.8420467321722822, 1.9826176674737392, 7.522559854952176, 8.768934992860544, 0.7610279273256484, 3.0459277531172715, 4.161931971669252, 2.9875606268248984, 1.5479176476394363 },
            new double[] { 0.6697425103379316, 0.27533711759563223, 0.6987846514757173, 0.30941453194445767, 0.7576313039331865, 0.3870180008875511, 0.1405843859904938, 0.11439159873111465, 0.12654738669745696, 0.6248539222551157, 0.47791409400028734, 0.7685715563391816 },
        ];
        var f = new ScanDrawing.DistributionsFunction(new ScanDrawing(99));
        foreach (var expected in new[] { first, second })
        {
            var draws = f.Invoke();
            var actual = new[] { draws.Item1, draws.Item2, draws.Item3, draws.Item4, draws.Item5, draws.Item6, draws.Item7, draws.Item8, draws.Item9 };
            for (int k = 0; k < 9; k++) AssertClose(expected[k], actual[k].ToArray(), 1e-14);
        }
    }

    [Fact]
    public void Draws_sized_as_a_steps_values_are_sized_as_the_sequence_and_the_state()
    {
        var f = new ScanDrawing.ShapedAsTheStepFunction(new ScanDrawing(5));
        AssertClose(new double[] { 0.7531538239071238, 0.631288950378053, 1.3193776176145655, 0.7991857313321018, 0.596177609849964, 2.466630268967001, 0.6205987810150283, 0.5277844670525287, 1.9167325614921045, 0.3949755947063824, 0.4372165274336257, 2.173990491065095 },
            f.Invoke(X, new double[] { 1, 1, 1 }).ToArray(), 1e-15);
        AssertClose(new double[] { 0.5851888076262959, 0.7892910647856829, 1.030786400004224, 0.8289537283806071, 1.2012365047848508, 1.461422340839591, 0.6484312521426986, 1.4802957970161428, 1.9877759864618765, 0.5763099579507187, 0.9215519282969421, 1.5859317033416929 },
            f.Invoke(X, new double[] { 1, 1, 1 }).ToArray(), 1e-15);
    }
}
