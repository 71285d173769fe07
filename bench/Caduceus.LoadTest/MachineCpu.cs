using System.Globalization;

namespace Caduceus.LoadTest;

/// <summary>
/// Busy CPU time of the whole machine from <c>/proc/stat</c> (Linux only), so a run can tell how much of the CPU
/// other processes took while it measured: on a shared 2-core machine that is the largest source of noise.
/// </summary>
internal static class MachineCpu
{
    // USER_HZ is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    /// <summary>Busy time of all cores since boot, or null where /proc/stat is not available.</summary>
    public static TimeSpan? Busy()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is null || fields.Length < 8 || fields[0] != "cpu")
            {
                return null;
            }

            // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
            long busy = 0;
            for (var i = 1; i <= 8 && i < fields.Length; i++)
            {
                if (i is 4 or 5)
                {
                    continue;
                }

                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }

            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
