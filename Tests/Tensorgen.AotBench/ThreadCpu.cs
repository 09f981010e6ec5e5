using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tensorgen.AotBench;

/// <summary>
/// The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), so time the thread spends
/// descheduled on a shared machine is not counted; elsewhere the wall clock.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the runner compiles without unsafe code, as a user's project does.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether the thread CPU clock is used.</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out _) == 0;

    /// <summary>The thread's CPU time in microseconds (or wall time where <see cref="Available"/> is false).</summary>
    public static double Microseconds()
    {
        if (!Available) return Stopwatch.GetTimestamp() * 1e6 / Stopwatch.Frequency;
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }
}
