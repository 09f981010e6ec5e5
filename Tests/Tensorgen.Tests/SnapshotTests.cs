using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The generated file of each tutorial function, compared with its reviewed snapshot. Run with
/// ACCEPT_SNAPSHOTS=1 after a deliberate change to the emitted code, then read the diff.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly Lazy<GeneratorRun> Tutorial = new(() =>
        GeneratorHarness.Run(Repo.Read("Samples/Tutorial/Graphs.cs"), "Graphs.cs"));

    private static readonly Lazy<GeneratorRun> Tests = new(() =>
        GeneratorHarness.Run(Repo.Read("Tests/Tensorgen.Tests/Graphs/TestGraphs.cs"), "TestGraphs.cs"));

    private static readonly Lazy<GeneratorRun> Regression = new(() =>
        GeneratorHarness.Run(Repo.Read("Samples/LogisticRegression/Model.cs"), "Model.cs"));

    private static readonly Lazy<GeneratorRun> Random = new(() =>
        GeneratorHarness.Run(Repo.Read("Tests/Tensorgen.Tests/Graphs/RandomGraphs.cs"), "RandomGraphs.cs"));

    private static readonly Lazy<GeneratorRun> State = new(() =>
        GeneratorHarness.Run(Repo.Read("Tests/Tensorgen.Tests/Graphs/StateGraphs.cs"), "StateGraphs.cs"));

    private static string File(Lazy<GeneratorRun> run, string hint)
    {
        Assert.Empty(run.Value.Diagnostics);
        Assert.Empty(run.Value.CompileErrors);
        return run.Value.Files[hint];
    }

    [Fact]
    public void Logistic() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.Logistic.g.cs"), "Graphs.Logistic");

    [Fact]
    public void Logistic2() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.Logistic2.g.cs"), "Graphs.Logistic2");

    [Fact]
    public void Differences() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.Differences.g.cs"), "Graphs.Differences");

    [Fact]
    public void AddWithDefault() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.AddWithDefault.g.cs"), "Graphs.AddWithDefault");

    [Fact]
    public void AddThenScale() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.AddThenScale.g.cs"), "Graphs.AddThenScale");

    [Fact]
    public void Accumulator() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.Accumulator.g.cs"), "Graphs.Accumulator");

    [Fact]
    public void SkipShared() => Snapshot.Verify(File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.SkipShared.g.cs"), "Graphs.SkipShared");

    [Fact]
    public void Swap() => Snapshot.Verify(File(State, "Tensorgen.Tests.Graphs.StateGraphs.Swap.g.cs"), "StateGraphs.Swap");

    [Fact]
    public void AddTo() => Snapshot.Verify(File(State, "Tensorgen.Tests.Graphs.StateGraphs.AddTo.g.cs"), "StateGraphs.AddTo");

    [Fact]
    public void Step() => Snapshot.Verify(File(State, "Tensorgen.Tests.Graphs.TinyModel.Step.g.cs"), "TinyModel.Step");

    [Fact]
    public void Train() => Snapshot.Verify(File(Regression, "Tensorgen.Samples.LogisticRegression.Model.Train.g.cs"), "Model.Train");

    [Fact]
    public void TwoStreams() => Snapshot.Verify(File(Random, "Tensorgen.Tests.Graphs.RandomGraphs.TwoStreams.g.cs"), "RandomGraphs.TwoStreams");

    [Fact]
    public void RowColumn() => Snapshot.Verify(File(Tests, "Tensorgen.Tests.Graphs.TestGraphs.RowColumn.g.cs"), "TestGraphs.RowColumn");

    [Fact]
    public void SharedWork() => Snapshot.Verify(File(Tests, "Tensorgen.Tests.Graphs.TestGraphs.SharedWork.g.cs"), "TestGraphs.SharedWork");

    [Fact]
    public void Helpers() => Snapshot.Verify(File(Tests, "Tensorgen.Tests.Graphs.TestGraphs.Helpers.g.cs"), "TestGraphs.Helpers");

    /// <summary>The bar for the logistic function: one element loop (vector bodies at two widths plus scalar tail), one allocation.</summary>
    [Fact]
    public void Logistic_is_one_fused_loop_that_allocates_only_its_output()
    {
        var text = File(Tutorial, "Tensorgen.Samples.Tutorial.Graphs.Logistic.g.cs");
        Assert.Equal(3, Count(text, "for (")); // the Vector512 loop, else the Vector<T> loop, and the scalar tail
        Assert.Equal(1, Count(text, "_output0.Rent(")); // the output's array: new each call unless outputs are borrowed
        Assert.Equal(0, Count(text, "new double["));
        Assert.Equal(1, Count(text, "private static void Kernel"));
        Assert.DoesNotContain("ArrayPool", text);
        Assert.Contains("sigmoid(x)", text);
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
