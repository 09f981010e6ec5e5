using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tensorgen;

/// <summary>
/// The guard on one piece of mutable state (a shared variable, a random variable's generator, a
/// function's borrowed outputs): any number of readers at once, or one writer. It never waits: an entry
/// that would conflict fails, and the caller refuses the whole operation with a
/// <see cref="ConcurrentCallException"/> before it has touched anything. A call that never conflicts
/// pays one interlocked instruction per piece of state to enter, and a plain store (a writer) or one
/// interlocked decrement (a reader) to leave. Kept in a field and used in place, never copied.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AccessGate
{
    // 0: free; n > 0: n readers inside; -1: one writer inside.
    private int _state;

    /// <summary>Enters as a writer (alone) or a reader (with other readers); false, holding nothing, when that would conflict.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(bool write) => write ? Interlocked.CompareExchange(ref _state, -1, 0) == 0 : TryEnterRead();

    /// <summary>Leaves what <see cref="TryEnter"/> entered, with the same <paramref name="write"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(bool write)
    {
        // Releasing a write publishes everything written inside to the next one to enter (its interlocked entry reads after this store).
        if (write) Volatile.Write(ref _state, 0);
        else Interlocked.Decrement(ref _state);
    }

    private bool TryEnterRead()
    {
        int seen = Volatile.Read(ref _state);
        while (seen >= 0)
        {
            int before = Interlocked.CompareExchange(ref _state, seen + 1, seen);
            if (before == seen) return true;
            seen = before;
        }
        return false;
    }
}
