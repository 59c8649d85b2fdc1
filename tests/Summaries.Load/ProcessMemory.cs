using System.Globalization;

namespace Summaries.Load;

/// <summary>Resident memory of a process, from <c>/proc/PID/status</c> (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>Current (VmRSS) and peak (VmHWM) resident memory in MiB; NaN where it cannot be read.</summary>
    public static (double RssMiB, double PeakMiB) Read(int pid)
    {
        try
        {
            double rss = double.NaN, peak = double.NaN;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024;
                }
            }

            return (rss, peak);
        }
        catch (IOException)
        {
            return (double.NaN, double.NaN);
        }
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
