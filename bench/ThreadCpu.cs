using System.Runtime.InteropServices;

namespace LayoutExpert.Bench;

/// <summary>
/// The calling thread's CPU time (Linux clock_gettime, CLOCK_THREAD_CPUTIME_ID):
/// on a machine shared with other builds, wall time measures the queue for a
/// core as much as the work; the thread's own time (a blocking collection
/// included, which runs on the allocating thread) measures the work.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Milliseconds() =>
        ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1000.0 + time.Nanoseconds / 1e6 : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
