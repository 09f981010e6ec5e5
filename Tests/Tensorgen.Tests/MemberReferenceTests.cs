using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The members a compiled function binds are named in its spec as typed references (owner type, name,
/// static or not), and only the emitter spells them as C#: names that are keywords, types whose names
/// contain "owner.", random members declared as <c>TensorVariable</c> and inputs named by keywords all compile.
/// </summary>
public sealed class MemberReferenceTests
{
    private const string Source = """
        using Tensorgen;
        using static Tensorgen.Pt;

        namespace Farm.Landowner;

        public sealed partial class Herd
        {
            public static readonly RandomStream Stream = new(seed: 5);

            // Declared as a TensorVariable: the generated class reads it through a cast to RandomVariable.
            public static readonly TensorVariable Noise = Stream.Normal(0, 1, size: [3]);

            public Shared<double> @checked { get; } = Shared(new double[] { 1, 2, 3 }, name: "w");

            public static Shared<double> @static = Shared(10.0);

            /// <summary>An instance graph method: reads its own member, a static one, and random variables of a static stream.</summary>
            [TensorFunction]
            public FunctionGraph Step()
            {
                var @in = DVector("in");
                var jitter = Stream.Uniform(0, 1, size: [3]);
                return Function([@in], @in + @checked + @static + 0 * Noise + 0 * jitter, updates: [(@checked, @checked + 1)]);
            }

            /// <summary>A static graph method: binds the static member by default, or another variable given.</summary>
            [TensorFunction]
            public static FunctionGraph Scale()
            {
                var @double = DScalar("double");
                return Function([In(@double, value: 2.0)], @double * @static);
            }

            /// <summary>Runs both: the step's result and the weights after it, then the scale with its defaults and over another variable.</summary>
            public static double[] Check()
            {
                var herd = new Herd();
                var result = new double[3];
                var weights = new double[3];
                new StepFunction(herd).Invoke(new double[] { 0.5, 0.25, 0 }).FlattenTo(result);
                ((System.Numerics.Tensors.Tensor<double>)herd.@checked.GetValue()).FlattenTo(weights);
                return [.. result, .. weights, new ScaleFunction().Invoke(), new ScaleFunction(Shared(3.0)).Invoke(4)];
            }
        }
        """;

    [Fact]
    public void Keywords_owner_types_and_tensor_typed_random_members_compile_and_run()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var herd = run.Load().GetType("Farm.Landowner.Herd", throwOnError: true)!;
        var values = (double[])herd.GetMethod("Check")!.Invoke(null, null)!;
        Assert.Equal(new double[] { 11.5, 12.25, 13, 2, 3, 4, 20, 12 }, values);
        var step = run.Files["Farm.Landowner.Herd.Step.g.cs"];
        Assert.Contains("((global::Tensorgen.RandomVariable)global::Farm.Landowner.Herd.Noise)", step);
        Assert.Contains("global::Farm.Landowner.Herd.Stream.NewVariable(global::Tensorgen.Distribution.Uniform)", step);
        Assert.Contains("global::Tensorgen.Binding.Owner(\"Herd.Step\", owner).@checked", step);
        Assert.Contains("Invoke(global::Tensorgen.TensorArg<double> @in)", step);
        Assert.Contains("Invoke(double @double = 2.0)", run.Files["Farm.Landowner.Herd.Scale.g.cs"]);
    }
}
