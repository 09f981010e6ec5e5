using System;
using System.Linq;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// An internal failure is TG9999 at the method, never a generator crash, and the function class is
/// still emitted with the same signature, its Invoke throwing the same message.
/// </summary>
public sealed class InternalFailureTests
{
    private const string Source = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Scale()
            {
                var x = DScalar("x");
                return Function([x], x * 2);
            }
        }
        """;

    [Theory]
    [InlineData("differentiate")]
    [InlineData("rewrite")]
    [InlineData("schedule")]
    [InlineData("emit")]
    public void A_failing_stage_becomes_TG9999_and_a_throwing_Invoke(string stage)
    {
        var run = GeneratorHarness.Run(Source, faultInjection: stage + ":Scale");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG9999", diagnostic.Id);
        Assert.Equal("Scale", Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains($"fault injected in stage '{stage}'", diagnostic.GetMessage());
        Assert.Empty(run.CompileErrors);

        var type = run.Load().GetType("G+ScaleFunction")!;
        var function = Activator.CreateInstance(type)!;
        var invoke = type.GetMethod("Invoke")!;
        Assert.Equal(typeof(double), invoke.GetParameters().Single().ParameterType);
        Assert.Equal(typeof(double), invoke.ReturnType);
        var error = Assert.Throws<TargetInvocationException>(() => invoke.Invoke(function, new object?[] { 1.0 }));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains($"fault injected in stage '{stage}'", error.InnerException!.Message);
    }
}
