using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Samples.LogisticRegression;
using Xunit;

namespace Tensorgen.Tests.Inspection;

/// <summary>PyTensor's profile=True: what each step of a profiled call records, and the summary printed from it.</summary>
public sealed class ProfileTests
{
    private static readonly Tensor<double> X = Tensor.Create(Enumerable.Range(0, 5 * 4).Select(i => i * 0.01).ToArray(), [5, 4]);
    private static readonly Tensor<double> W = Tensor.Create(Enumerable.Range(0, 4 * 3).Select(i => i * 0.1 - 0.5).ToArray(), [4, 3]);
    private static readonly double[] B = [0.1, 0.2, 0.3];

    [Fact]
    public void Profiling_is_off_until_set_and_then_counts_every_step_of_every_call()
    {
        var f = new ProfileGraphs.LayerFunction();
        Assert.False(f.Profiling);
        Assert.Null(f.Profile);
        f.Invoke(X, W, B);
        f.Profiling = true;
        for (int i = 0; i < 7; i++) f.Invoke(X, W, B);
        var profile = f.Profile!;
        Assert.Equal(7, profile.Calls);
        Assert.Equal(f.View.Steps.Select(s => s.Index), profile.Steps.Select(s => s.Index));
        Assert.All(profile.Steps, s => Assert.Equal(7, s.Calls));
        Assert.True(profile.Steps.Sum(s => s.Time.Ticks) <= profile.Time.Ticks, "the steps take no longer than the calls");
        // The product reads x (5x4) and w (4x3) and writes 5x3; the kernel reads it and b, writes h; all float64.
        var product = profile.Steps.Single(s => s.Description.StartsWith("product", StringComparison.Ordinal));
        Assert.Equal(7 * (20 + 12) * 8, product.BytesRead);
        Assert.Equal(7 * 15 * 8, product.BytesWritten);
        var kernel = profile.Steps.Single(s => s.Description.StartsWith("elementwise kernel", StringComparison.Ordinal));
        Assert.Equal(7 * (15 + 3) * 8, kernel.BytesRead);
        Assert.Contains("tanh", kernel.Description);
        f.Profiling = true;
        Assert.Same(profile, f.Profile);
        profile.Reset();
        Assert.Equal(0, profile.Calls);
        Assert.Empty(profile.Steps);
        f.Profiling = false;
        Assert.Null(f.Profile);
    }

    [Fact]
    public void A_call_that_throws_is_not_counted()
    {
        var f = new ProfileGraphs.LayerFunction { Profiling = true };
        Assert.ThrowsAny<Exception>(() => f.Invoke(X, X, B));
        Assert.Equal(0, f.Profile!.Calls);
    }

    [Fact]
    public void The_summary_lists_the_steps_most_expensive_first_as_PyTensor_does()
    {
        var model = new Model(Enumerable.Range(0, 50).Select(i => Math.Sin(i) * 0.1).ToArray());
        var train = new Model.TrainFunction(model) { Profiling = true };
        var x = Tensor.Create(Enumerable.Range(0, 200 * 50).Select(i => Math.Cos(i) * 0.5).ToArray(), [200, 50]);
        var y = Enumerable.Range(0, 200).Select(i => (double)(i % 2)).ToArray();
        for (int i = 0; i < 20; i++) train.Invoke(x, y);
        var summary = train.Profile!.Summary();
        var lines = summary.Split('\n');
        Assert.Equal("Function profiling", lines[0]);
        Assert.Contains("  Message: Model.Train", lines);
        Assert.Contains("  Time in 20 calls to Invoke: ", summary);
        int header = Array.IndexOf(lines, "<% time> <sum %> <step time> <time per run> <#runs> <id> <read/run> <written/run> <alloc/run> <step>");
        Assert.True(header > 0, summary);
        var rows = lines.Skip(header + 1).Where(l => l.Length > 0).ToList();
        // One row per step that ran; a sweep's three steps run as one, recorded at its first.
        Assert.Equal(train.Profile.Steps.Count, rows.Count);
        Assert.Equal(train.View.Steps.Where(step => !step.Kind.Contains("in the sweep of")).Select(step => step.Index), train.Profile.Steps.Select(step => step.Index));
        var times = rows.Select(r => double.Parse(r.Split('s')[0].Split("%").Last().Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains(rows, r => r.Contains("product, sweeping steps"));
        // The running share ends at the steps' share of the time.
        Assert.Contains("  Time in steps: ", summary);
    }

    [Fact]
    public void Profiling_false_compiles_the_instrumentation_out_and_refuses_to_profile()
    {
        var plain = new ProfileGraphs.LayerUnprofiledFunction();
        var profiled = new ProfileGraphs.LayerFunction { Profiling = true };
        var (h, sum) = plain.Invoke(X, W, B);
        var (h2, sum2) = profiled.Invoke(X, W, B);
        Assert.Equal(h2.ToArray(), h.ToArray());
        Assert.Equal(sum2, sum);
        var error = Assert.Throws<NotSupportedException>(() => plain.Profiling = true);
        Assert.Contains("ProfileGraphs.LayerUnprofiled", error.Message);
        Assert.False(plain.Profiling);
        plain.Profiling = false;
        // The generated code: instrumented by default, not a trace of it with Profiling = false.
        const string Source = """
            using Tensorgen;
            using static Tensorgen.Pt;
            public static partial class G
            {
                [TensorFunction] public static FunctionGraph On() { var x = DVector("x"); return Function([x], Exp(x) * 2); }
                [TensorFunction(Profiling = false)] public static FunctionGraph Off() { var x = DVector("x"); return Function([x], Exp(x) * 2); }
            }
            """;
        var run = Infrastructure.GeneratorHarness.Run(Source);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("if (profile is not null) profile.Step(0, (long)(n0) * 8, (long)(n0) * 8);", run.Files["G.On.g.cs"]);
        Assert.DoesNotContain("profile", run.Files["G.Off.g.cs"].Replace("CanProfile => false", ""), StringComparison.OrdinalIgnoreCase);
    }
}
