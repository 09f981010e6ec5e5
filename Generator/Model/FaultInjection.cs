using System;

namespace Tensorgen.Generator.Model;

/// <summary>
/// Lets tests prove that an internal failure becomes TG9999 instead of a generator crash: the global
/// analyzer option <c>tensorgen_fault_injection = stage:Method</c> throws in that stage for that method.
/// Nothing sets it outside tests.
/// </summary>
internal static class FaultInjection
{
    public const string OptionName = "tensorgen_fault_injection";

    public static void At(string? option, string stage, string method)
    {
        if (option is not null && option == stage + ":" + method)
            throw new InvalidOperationException($"fault injected in stage '{stage}' for testing");
    }
}
