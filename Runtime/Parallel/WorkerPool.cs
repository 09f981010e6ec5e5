using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Tensorgen;

/// <summary>
/// Background threads that take chunks of one split call at a time. The calling thread publishes its job (a
/// <c>ref struct</c> on its own stack, which does not move), wakes workers, takes chunks itself, and returns only
/// when every chunk is done, so the job outlives every use of it. A worker reads the job's spans through the
/// pointer each time it takes a chunk; the references it loads are then tracked on its own stack, and the caller's
/// copies on the caller's, so the collector may move the arrays meanwhile.
/// </summary>
/// <remarks>
/// Chunks are claimed from one 64-bit word: a generation (24 bits, read with an unsigned shift: it reaches the sign
/// bit), the next chunk (20) and the number of chunks (20). A claim is a compare-and-swap of that word, so a worker that wakes late, after its call ended, fails it
/// (the generation moved on, or no chunk is left) and never touches a job that is gone.
/// </remarks>
internal static unsafe class WorkerPool
{
    private const int ChunkBits = 20;
    private const long ChunkMask = (1L << ChunkBits) - 1;
    private const int MaxChunks = (int)ChunkMask;
    private const int MaxWorkers = 255;

    // Chunks per thread: a thread slowed by others on a shared machine takes fewer of them.
    private const int ChunksPerThread = 4;

    private static readonly object StartGate = new();
    private static readonly SemaphoreSlim Wake = new(0);
    private static int _workers;
    private static int _busy;
    private static long _state;
    // Generation (high 32 bits) and workers still welcome in it (low 32), so a call uses at most its degree.
    private static long _seats;

    // The current call; written before its generation is published, constant until every chunk is done.
    private static void* _job;
    private static delegate*<void*, int, int, void> _run;
    private static int _length;
    private static int _chunk;
    private static int _remaining;
    private static Exception? _error;

    /// <summary>Calls split so far (<see cref="Parallelism.SplitCount"/>).</summary>
    internal static long Splits;

    /// <summary>Runs <paramref name="job"/> over [0, length) in chunks starting at multiples of <paramref name="unit"/>, on up to <paramref name="degree"/> threads.</summary>
    public static void Run<TJob>(ref TJob job, int length, int unit, int degree)
        where TJob : IChunkJob, allows ref struct
    {
        int chunk = ChunkLength(length, unit, degree);
        int chunks = length <= 0 ? 0 : (int)((length + (long)chunk - 1) / chunk);
        // One chunk, or another call (or this one, nested) already spreads its work: all on this thread.
        if (chunks <= 1 || degree <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            job.Run(0, length);
            return;
        }
        try
        {
            Interlocked.Increment(ref Splits);
            int helpers = Math.Min(Math.Min(degree - 1, chunks - 1), MaxWorkers);
            StartWorkers(helpers);
            _job = Unsafe.AsPointer(ref job);
            _run = &RunChunk<TJob>;
            _length = length;
            _chunk = chunk;
            _remaining = chunks;
            _error = null;
            long generation = ((Volatile.Read(ref _state) >>> (2 * ChunkBits)) + 1) & 0xFFFFFF;
            Interlocked.Exchange(ref _state, (generation << (2 * ChunkBits)) | (long)chunks);
            Interlocked.Exchange(ref _seats, (generation << 32) | (uint)helpers);
            if (helpers > 0) Wake.Release(helpers);
            Work(generation);
            var spin = new SpinWait();
            while (Volatile.Read(ref _remaining) != 0) spin.SpinOnce(sleep1Threshold: -1);
            if (_error is { } error)
            {
                _error = null;
                ExceptionDispatchInfo.Throw(error);
            }
        }
        finally
        {
            _job = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>The chunk length: about <see cref="ChunksPerThread"/> chunks per thread, a multiple of <paramref name="unit"/>.</summary>
    internal static int ChunkLength(int length, int unit, int degree)
    {
        long target = Math.Max(1, (long)degree * ChunksPerThread);
        long chunk = (length + target - 1) / target;
        chunk = Math.Max(unit, (chunk + unit - 1) / unit * unit);
        // The chunk count must fit its 20 bits.
        while ((length + chunk - 1) / chunk > MaxChunks) chunk += unit;
        return (int)Math.Min(chunk, int.MaxValue);
    }

    private static void RunChunk<TJob>(void* job, int start, int end)
        where TJob : IChunkJob, allows ref struct
        => Unsafe.AsRef<TJob>(job).Run(start, end);

    /// <summary>Takes chunks of <paramref name="generation"/> until none is left; the first exception is kept for the caller.</summary>
    private static void Work(long generation)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            long next = (state >> ChunkBits) & ChunkMask, count = state & ChunkMask;
            if (state >>> (2 * ChunkBits) != generation || next >= count) return;
            if (Interlocked.CompareExchange(ref _state, state + (1L << ChunkBits), state) != state) continue;
            // Claimed: the call cannot end before this chunk is counted done, so its job is still there.
            int start = (int)(next * _chunk), end = (int)Math.Min(_length, (long)start + _chunk);
            try
            {
                _run(_job, start, end);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);
            }
            Interlocked.Decrement(ref _remaining);
        }
    }

    private static void StartWorkers(int wanted)
    {
        if (Volatile.Read(ref _workers) >= wanted) return;
        lock (StartGate)
        {
            while (_workers < wanted)
            {
                new Thread(Loop) { IsBackground = true, Name = "Tensorgen worker" }.Start();
                _workers++;
            }
        }
    }

    private static void Loop()
    {
        while (true)
        {
            Wake.Wait();
            long seats;
            do seats = Volatile.Read(ref _seats);
            while ((int)seats > 0 && Interlocked.CompareExchange(ref _seats, seats - 1, seats) != seats);
            // No seat: woken for a call that ended, or that has the workers its degree allows.
            if ((int)seats > 0) Work(seats >> 32);
        }
    }
}
