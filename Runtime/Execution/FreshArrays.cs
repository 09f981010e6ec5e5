using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// New arrays for outputs and updates, not zeroed: generated code writes every element of them (pooled temporaries
/// are not zeroed either, so no kernel relies on zeros), and zeroing a large array costs as much as a pass over it.
/// </summary>
internal static class FreshArrays
{
    /// <summary>
    /// <c>TENSORGEN_POISON_OUTPUTS=1</c> fills them with 0xA5 bytes instead (NaN for floats), so a test run shows any
    /// kernel that reads an output before writing it; <c>.ci/run</c> runs the tests once so.
    /// </summary>
    private static readonly bool Poison = Environment.GetEnvironmentVariable("TENSORGEN_POISON_OUTPUTS") == "1";

    public static T[] Uninitialized<T>(nint size)
    {
        var array = GC.AllocateUninitializedArray<T>(checked((int)size));
        if (Poison && array.Length > 0)
            MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length * Unsafe.SizeOf<T>()).Fill(0xA5);
        return array;
    }
}
