using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tensorgen;

/// <summary>
/// The guard on one piece of mutable state (a shared variable, a random variable's generator, a
/// function's borrowed outputs): any number of readers at once, or one writer. It never waits: an entry
/// that would conflict fails, and the caller refuses the whole operation with a
/// <see cref="ConcurrentCallException"/> before it has touched anything. Kept in a field and used in
/// place, never copied. For generated code and the runtime.
/// </summary>
/// <remarks>
/// <para>
/// Interlocked instructions cost 15 ns or more each on some machines, ten times the accumulator's whole
/// call, so a gate is <em>biased</em> to the first thread that enters it, as the JVM's biased locks were:
/// that thread enters and leaves with plain stores and loads of its own counter (<c>_inside</c>), and no
/// other thread ever writes that counter. The first time another thread enters, it revokes the bias for
/// good: it marks the gate shared, then runs <see cref="Interlocked.MemoryBarrierProcessWide"/>, which
/// makes every store the owner has made visible, and only then reads the owner's counter. From then on
/// every thread, the old owner included, enters with a compare-and-swap on <c>_state</c> and also reads
/// the owner's counter (an entry the owner began before the revocation).
/// </para>
/// <para>
/// Why no one enters beside a conflicting owner: the owner publishes its entry, then reads the bias
/// again. If that read still finds the gate biased to it, it happened before the revoker's barrier took
/// effect on the owner's processor, so the entry it published before is visible to the revoker's read
/// after the barrier, and to every later entrant; if it finds the gate revoked, the owner withdraws its
/// entry and takes the shared path. The gate reads <c>Revoking</c> while a barrier runs and <c>Shared</c>
/// only after one has completed, so an entrant that finds <c>Shared</c> may skip the barrier; one that
/// finds <c>Revoking</c> runs its own. Threads are told apart by a thread-static token (<see cref="Caller"/>),
/// read once per call. A single-threaded caller pays a few plain memory operations per call; a gate once
/// used from two threads pays one compare-and-swap per entry, and the one revocation.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AccessGate
{
    private const int Unclaimed = 0, Revoking = -2, Shared = -1;

    // Entries through the shared path: 0 free, n > 0 readers, -1 a writer.
    private int _state;
    // Unclaimed, the token of the thread the gate is biased to, Revoking, or Shared (for good).
    private int _owner;
    // The thread the gate was first biased to; never changes once set.
    private int _biasedTo;
    // Entries of the biased thread through the fast path: n > 0 readers, -1 a writer. Written only by that thread.
    private int _inside;

    /// <summary>
    /// The calling thread's token, which <see cref="TryEnter"/> and <see cref="Exit"/> take: a positive
    /// number per thread, never reused. Read once per call (a thread-static read; <c>Environment.CurrentManagedThreadId</c>
    /// costs up to ten nanoseconds on some machines).
    /// </summary>
    public static int Caller
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int token = t_caller;
            return token != 0 ? token : NewCaller();
        }
    }

    /// <summary>
    /// Enters as a writer (alone) or a reader (with other readers) for thread <paramref name="caller"/>
    /// (<see cref="Caller"/>); false, holding nothing, when that would conflict with another entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(bool write, int caller)
    {
        if (_owner == caller)
        {
            int inside = _inside;
            // Only the same thread entering twice conflicts here (a variable bound twice: refused at binding when it is written).
            if (write ? inside != 0 : inside < 0) return false;
            Volatile.Write(ref _inside, write ? -1 : inside + 1);
            if (Volatile.Read(ref _owner) == caller) return true;
            Volatile.Write(ref _inside, inside);
        }
        return TryEnterShared(write, caller);
    }

    /// <summary>Leaves what <see cref="TryEnter"/> entered, with the same arguments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(bool write, int caller)
    {
        // The biased thread's entries are in _inside (a reader that entered one way and leaves the other still balances both counts).
        int inside = _inside;
        if (inside != 0 && _biasedTo == caller)
        {
            // A release store: everything written inside is visible to whoever enters next.
            Volatile.Write(ref _inside, write ? 0 : inside - 1);
            return;
        }
        ExitShared(write);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryEnterShared(bool write, int me)
    {
        int owner = Volatile.Read(ref _owner);
        if (owner == Unclaimed)
        {
            if (Interlocked.CompareExchange(ref _owner, me, Unclaimed) == Unclaimed)
            {
                _biasedTo = me;
                return TryEnter(write, me);
            }
            owner = Volatile.Read(ref _owner);
        }
        if (!(write ? Interlocked.CompareExchange(ref _state, -1, 0) == 0 : TryEnterRead())) return false;
        if (owner != Shared) Revoke(owner);
        // An entry the (former) owner made through the fast path and has not left: visible here, since a barrier made it so.
        int inside = Volatile.Read(ref _inside);
        if (inside != 0 && (write || inside < 0))
        {
            ExitShared(write);
            return false;
        }
        return true;
    }

    /// <summary>Ends the bias for good: once the barrier has run, every fast-path entry the owner made is visible.</summary>
    private void Revoke(int seen)
    {
        while (seen != Shared)
        {
            int before = Interlocked.CompareExchange(ref _owner, Revoking, seen);
            if (before == seen || before == Revoking) break;
            seen = before;
        }
        if (seen == Shared) return;
        Interlocked.MemoryBarrierProcessWide();
        Volatile.Write(ref _owner, Shared);
    }

    private void ExitShared(bool write)
    {
        if (write) Volatile.Write(ref _state, 0);
        else Interlocked.Decrement(ref _state);
    }

    [ThreadStatic]
    private static int t_caller;
    private static int s_lastCaller;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NewCaller()
    {
        int token = Interlocked.Increment(ref s_lastCaller);
        if (token <= 0) throw new InvalidOperationException("Tensorgen: more than 2^31 threads have entered shared state.");
        return t_caller = token;
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
