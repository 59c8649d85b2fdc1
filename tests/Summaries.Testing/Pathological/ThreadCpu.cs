using System.Globalization;

namespace Summaries.Testing.Pathological;

/// <summary>
/// The processor time one operating-system thread has used, read from <c>/proc</c> (Linux; 10 ms
/// steps). Work that runs on after its cancellation token fired is measured in this time, not on the
/// wall clock: on a loaded machine (CI runs several test projects at once on two cores) a thread
/// waits for a core, and its wall-clock time says more about the neighbours than about the work.
/// </summary>
public sealed class ThreadCpu
{
    private readonly string _stat;

    private ThreadCpu(string stat) => _stat = stat;

    /// <summary>The calling thread, or null where <c>/proc</c> cannot tell (not Linux).</summary>
    public static ThreadCpu? Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // "/proc/thread-self" links to "<pid>/task/<tid>".
        var target = new FileInfo("/proc/thread-self").LinkTarget;
        var tid = target?.Split('/')[^1];
        return tid is null ? null : new ThreadCpu($"/proc/self/task/{tid}/stat");
    }

    /// <summary>User and system time so far; callable from any thread.</summary>
    public TimeSpan Used()
    {
        var stat = File.ReadAllText(_stat);
        // Fields after the command name (which is in brackets and may hold spaces): state is field 3,
        // utime field 14 and stime field 15, in clock ticks of 1/100 s.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
