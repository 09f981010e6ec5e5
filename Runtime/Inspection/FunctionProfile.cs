using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace Tensorgen;

/// <summary>One step's share of a profiled function's calls.</summary>
/// <param name="Index">The step (its number in <see cref="GraphView.Steps"/> and in <see cref="CompiledFunction.DebugPrint"/>).</param>
/// <param name="Description">What it is and the nodes it computes: <c>elementwise kernel: add, neg, exp</c>.</param>
/// <param name="Calls">How many times it ran.</param>
/// <param name="Time">Its time over all calls.</param>
/// <param name="BytesRead">The bytes of the values it read, over all calls (a view counts the whole value it views).</param>
/// <param name="BytesWritten">The bytes of the values it wrote, over all calls.</param>
/// <param name="BytesAllocated">The bytes the thread allocated on the managed heap while it ran, over all calls.</param>
public sealed record StepProfile(int Index, string Description, long Calls, TimeSpan Time, long BytesRead, long BytesWritten, long BytesAllocated)
{
    /// <summary>Its mean time per run.</summary>
    public TimeSpan MeanTime => Calls == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Time.Ticks / Calls);
}

/// <summary>
/// PyTensor's <c>function(..., profile=True)</c>: with <see cref="CompiledFunction.Profiling"/> on, each call records
/// the time of each step of its generated code (a fused kernel, a product, a reduction, a draw, a call), the bytes
/// it read and wrote and what it allocated; <see cref="Summary"/> prints them as PyTensor's
/// <c>ProfileStats.summary()</c> does, most expensive first. Off (the default), the generated code pays one
/// predictable branch per step. Calls that throw are not counted.
/// </summary>
public sealed class FunctionProfile
{
    private readonly CompiledFunction _function;
    private long[] _calls = new long[8], _ticks = new long[8], _read = new long[8], _written = new long[8], _allocated = new long[8];
    private long _functionCalls, _functionTicks;
    private readonly object _grow = new();

    internal FunctionProfile(CompiledFunction function) => _function = function;

    /// <summary>How many calls were recorded.</summary>
    public long Calls => Interlocked.Read(ref _functionCalls);

    /// <summary>The time of the recorded calls, from the first check of the arguments to the results.</summary>
    public TimeSpan Time => Elapsed(Interlocked.Read(ref _functionTicks));

    /// <summary>Each step that ran, in the order of the call.</summary>
    public IReadOnlyList<StepProfile> Steps
    {
        get
        {
            var view = _function.View;
            var steps = new List<StepProfile>();
            for (int k = 0; k < _calls.Length; k++)
            {
                long calls = Interlocked.Read(ref _calls[k]);
                if (calls == 0) continue;
                steps.Add(new StepProfile(k, Describe(view, k), calls, Elapsed(Interlocked.Read(ref _ticks[k])),
                    Interlocked.Read(ref _read[k]), Interlocked.Read(ref _written[k]), Interlocked.Read(ref _allocated[k])));
            }
            return steps;
        }
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Reset()
    {
        lock (_grow)
        {
            foreach (var counts in new[] { _calls, _ticks, _read, _written, _allocated }) Array.Clear(counts);
            Interlocked.Exchange(ref _functionCalls, 0);
            Interlocked.Exchange(ref _functionTicks, 0);
        }
    }

    // The running call's start and the end of its last step (or of its last checks): a call runs on one thread, and
    // calls do not nest (a scan's body is not profiled), so the generated code keeps no locals for profiling. The
    // methods are never inlined: with profiling off, a call's code is its work and a branch per step, nothing more.
    [ThreadStatic]
    private static long t_start, t_mark, t_allocated;

    /// <summary>A call starts. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Begin()
    {
        t_start = Stopwatch.GetTimestamp();
        Mark();
    }

    /// <summary>What ran since the last step (checks, buffers taken) counts for none: the next step's time starts now. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Mark()
    {
        t_allocated = GC.GetAllocatedBytesForCurrentThread();
        t_mark = Stopwatch.GetTimestamp();
    }

    /// <summary>Step <paramref name="step"/> ran since the last mark, reading and writing so many bytes. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Step(int step, long bytesRead, long bytesWritten)
    {
        long now = Stopwatch.GetTimestamp(), allocated = GC.GetAllocatedBytesForCurrentThread();
        if (step >= _calls.Length) Grow(step);
        Interlocked.Increment(ref _calls[step]);
        Interlocked.Add(ref _ticks[step], now - t_mark);
        Interlocked.Add(ref _read[step], bytesRead);
        Interlocked.Add(ref _written[step], bytesWritten);
        Interlocked.Add(ref _allocated[step], allocated - t_allocated);
        Mark();
    }

    /// <summary>The call ends. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void End()
    {
        Interlocked.Add(ref _functionTicks, Stopwatch.GetTimestamp() - t_start);
        Interlocked.Increment(ref _functionCalls);
    }

    private void Grow(int step)
    {
        lock (_grow)
        {
            if (step < _calls.Length) return;
            int length = Math.Max(step + 1, _calls.Length * 2);
            long[] Bigger(long[] a)
            {
                var b = new long[length];
                Array.Copy(a, b, a.Length);
                return b;
            }
            (_calls, _ticks, _read, _written, _allocated) = (Bigger(_calls), Bigger(_ticks), Bigger(_read), Bigger(_written), Bigger(_allocated));
        }
    }

    /// <summary>
    /// The profile as PyTensor's <c>ProfileStats.summary()</c> prints it: the calls and their time, the share the
    /// steps take (the rest is checks, buffers and updates), then one line per step, the most expensive first, with
    /// its share, the running share, its time, its mean time, its runs, its number, the bytes it read, wrote and
    /// allocated per run, and what it is.
    /// </summary>
    public string Summary()
    {
        var steps = Steps.OrderByDescending(s => s.Time).ThenBy(s => s.Index).ToList();
        double total = Time.TotalSeconds, inSteps = steps.Sum(s => s.Time.TotalSeconds);
        long calls = Calls;
        var text = new StringBuilder();
        string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
        text.Append("Function profiling\n==================\n");
        text.Append(F("  Message: {0}\n", _function.Name));
        text.Append(F("  Time in {0} calls to Invoke: {1:0.000000}s\n", calls, total));
        if (calls > 0) text.Append(F("  Time per call: {0:0.000e+00}s\n", total / calls));
        text.Append(F("  Time in steps: {0:0.000000}s ({1:0.0}%); checks, buffers and updates: {2:0.000000}s\n", inSteps, total > 0 ? 100 * inSteps / total : 0, Math.Max(0, total - inSteps)));
        text.Append("\nSteps\n-----\n");
        text.Append("<% time> <sum %> <step time> <time per run> <#runs> <id> <read/run> <written/run> <alloc/run> <step>\n");
        double sum = 0;
        foreach (var s in steps)
        {
            double share = total > 0 ? 100 * s.Time.TotalSeconds / total : 0;
            sum += share;
            long runs = Math.Max(1, s.Calls);
            text.Append(F("  {0,5:0.0}%  {1,5:0.0}%  {2,10:0.000000}s  {3,12:0.00e+00}s  {4,6}  {5,4}  {6,9}  {7,9}  {8,9}  {9}\n",
                share, sum, s.Time.TotalSeconds, s.MeanTime.TotalSeconds, s.Calls, s.Index, Bytes(s.BytesRead / runs), Bytes(s.BytesWritten / runs), Bytes(s.BytesAllocated / runs), s.Description));
        }
        return text.ToString();
    }

    private static string Describe(GraphView view, int step)
    {
        var s = view.Steps.FirstOrDefault(x => x.Index == step);
        if (s is null) return "step " + step.ToString(CultureInfo.InvariantCulture);
        var ops = s.Nodes.Select(n => view[n].Op).ToList();
        string listed = string.Join(", ", ops.Take(6)) + (ops.Count > 6 ? $", ... ({ops.Count.ToString(CultureInfo.InvariantCulture)} ops)" : "");
        return $"{s.Kind}: {listed}";
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + "B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + "KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + "MB",
    };

    private static TimeSpan Elapsed(long ticks) => TimeSpan.FromTicks((long)(ticks * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
