namespace Tensorgen;

/// <summary>
/// What the symbolic API returns when graph code does run (a field initializer such as
/// <c>static readonly RandomVariable U = Stream.Uniform(0, 1, size: [2, 2]);</c> runs when its type is
/// first used): inert values that carry nothing. The graph itself is only ever built by the generator;
/// <c>Function(...)</c> still throws, so calling a graph method by mistake says what happened.
/// </summary>
internal static class Inert
{
    public static readonly TensorVariable Variable = new Placeholder();

    public static readonly In In = new();

    private sealed class Placeholder : TensorVariable;
}
