namespace Tensorgen;

/// <summary>
/// What <see cref="Pt.Function(In[], TensorVariable, Pairs?, Pairs?, bool, OnUnusedInput)"/> does with an input that
/// its outputs and updates do not use (PyTensor's <c>on_unused_input</c>). The values are build-time constants.
/// </summary>
public enum OnUnusedInput
{
    /// <summary>A build error, TG0214 (PyTensor's default <c>'raise'</c>, its <c>UnusedInputError</c>).</summary>
    Raise = 0,

    /// <summary>A build warning, TG0215 (<c>'warn'</c>).</summary>
    Warn = 1,

    /// <summary>Nothing: the function still takes the input and ignores its value (<c>'ignore'</c>).</summary>
    Ignore = 2,
}
