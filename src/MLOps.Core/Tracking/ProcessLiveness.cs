using System.ComponentModel;
using System.Diagnostics;

namespace MLOps.Core.Tracking;

/// <summary>
/// Whether the process that started a run on this host can still be running it. A pid is reused after its process dies,
/// so a live pid whose process started after the run did is not the run's process.
/// </summary>
internal static class ProcessLiveness
{
    // Process start times are read with a resolution of a clock tick on Linux (10 ms); keep a margin.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    public static bool IsGone(int pid, DateTimeOffset runStartedAt)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            if (process.HasExited)
                return true;
            return process.StartTime.ToUniversalTime() > runStartedAt.UtcDateTime + Margin;
        }
        catch (ArgumentException)
        {
            return true; // No process has that id.
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return false; // Cannot tell (another user's process): leave the run to gc --older-than.
        }
    }
}
