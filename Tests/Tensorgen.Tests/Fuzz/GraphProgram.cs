using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

/// <summary>How an input's values are drawn.</summary>
internal enum ValueKind
{
    /// <summary>Floats in [-3, 3], integers in [-5, 5], bools 0 or 1.</summary>
    Symmetric,

    /// <summary>Floats in [0.1, 3.1], integers in [1, 5]: where Log, Sqrt and Pow are defined.</summary>
    Positive,

    /// <summary>Floats in [-3, 3] with NaN, ±∞, 0 and -0 sprinkled in.</summary>
    Special,
}

/// <summary>An input of a fuzzed graph, in the order Invoke takes it.</summary>
internal sealed record FuzzInput(string Name, DType DType, ImmutableArray<Dim> Dims, ValueKind Values)
{
    public int Rank => Dims.Length;

    public Interval Range => (DType, Values) switch
    {
        (DType.Bool, _) => Interval.Boolean,
        (DType.Int32 or DType.Int64, ValueKind.Positive) => new(1, 5, false),
        (DType.Int32 or DType.Int64, _) => new(-5, 5, false),
        (_, ValueKind.Positive) => new(0.1, 3.1, false),
        (_, ValueKind.Special) => Interval.Wild,
        _ => new(-3, 3, false),
    };

    public Term Term => new(Name, DType, Dims, Range, null, ImmutableHashSet.Create(Name));

    public string CSharpType => DType switch
    {
        DType.Bool => "bool",
        DType.Int32 => "int",
        DType.Int64 => "long",
        DType.Float32 => "float",
        _ => "double",
    };
}

/// <summary>
/// One random well-typed graph: the body of a <c>[TensorFunction]</c> method, its inputs and what the
/// fuzzer predicts of its outputs, and what a call needs (size symbols that are static, or must not be
/// empty). <see cref="Choices"/> writes it again (<see cref="GraphWriter"/>).
/// </summary>
internal sealed record GraphProgram(
    IReadOnlyList<int> Choices,
    IReadOnlyList<FuzzInput> Inputs,
    string Body,
    IReadOnlyList<Term> Outputs,
    int MaxRank,
    IReadOnlyDictionary<int, int> StaticSizes,
    IReadOnlyCollection<int> NonEmpty)
{
    public const int Symbols = 3;

    /// <summary>Statements of the body: a measure of size for shrinking.</summary>
    public int Size => Body.Count(c => c == ';') * 1000 + Body.Length;

    /// <summary>The graph method.</summary>
    public string Method(string name) =>
        $"    [TensorFunction]\n    public static FunctionGraph {name}()\n    {{\n{Body}    }}\n";

    /// <summary>
    /// A method calling the generated Invoke with its inputs as objects (tensors or scalars) and returning
    /// its outputs as objects: Invoke takes <c>TensorArg&lt;T&gt;</c>, a ref struct reflection cannot pass.
    /// </summary>
    public string Wrapper(string name)
    {
        var arguments = Inputs.Select((input, i) => input.Rank == 0
            ? $"({input.CSharpType})a[{i}]"
            : $"(global::System.Numerics.Tensors.Tensor<{input.CSharpType}>)a[{i}]");
        var results = Outputs.Count == 1 ? "r" : string.Join(", ", Outputs.Select((_, i) => $"r.Item{i + 1}"));
        return $"    public static object[] Run{name}(object[] a)\n    {{\n        var r = new {name}Function().Invoke({string.Join(", ", arguments)});\n        return new object[] {{ {results} }};\n    }}\n";
    }

    /// <summary>A source file holding the graph as method <paramref name="name"/> of <paramref name="className"/>, with its wrapper.</summary>
    public string File(string className, string name) =>
        $"{Usings}public static partial class {className}\n{{\n{Method(name)}\n{Wrapper(name)}}}\n";

    /// <summary>The source file with the helpers every graph of <paramref name="className"/> may call.</summary>
    public static string HelpersFile(string className) => $"{Usings}public static partial class {className}\n{{\n{Helpers}}}\n";

    private const string Usings = "using Tensorgen;\nusing static Tensorgen.Pt;\n\n#pragma warning disable CS0162, CS0219, CS8321\n\n";

    /// <summary>Static helpers graph code calls: ref and out parameters, recursion, arrays, build-time ints.</summary>
    public const string Helpers = """
            private static void AddScaled(ref TensorVariable acc, TensorVariable x, double scale) { acc = acc + x * scale; }

            private static void MinMax(TensorVariable a, TensorVariable b, out TensorVariable lo, out TensorVariable hi)
            {
                lo = Minimum(a, b);
                hi = Maximum(a, b);
            }

            private static void Swap(ref TensorVariable a, ref TensorVariable b) => (a, b) = (b, a);

            private static void Count(ref int n) { n++; }

            private static int Twice(int n) => 2 * n;

            private static TensorVariable Clip(TensorVariable x, double bound) => Minimum(Maximum(x, -bound), bound);

            private static TensorVariable Horner(TensorVariable x, double[] coefficients)
            {
                TensorVariable result = coefficients[0];
                for (int i = 1; i < coefficients.Length; i++) result = result * x + coefficients[i];
                return result;
            }

            private static TensorVariable Repeat(TensorVariable x, int times) => times == 0 ? x : Repeat(x * 0.5 + 0.25, times - 1);

            private static TensorVariable Total(TensorVariable[] terms)
            {
                var sum = terms[0];
                for (int i = 1; i < terms.Length; i++) sum = sum + terms[i];
                return sum;
            }

        """;
}
