using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Drills;

/// <summary>The configured drill schedules, parsed once (the options validator has already refused bad ones).</summary>
internal sealed class DrillSchedules(DrillSchedulingOptions options, IOptions<GatewayOptions> gateway)
{
    private readonly Lazy<IReadOnlyList<DrillSchedule>> _all = new(() => Parse(options, gateway.Value));

    public IReadOnlyList<DrillSchedule> All => _all.Value;

    public DrillSchedule? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every schedule that parses, and every problem of those that do not, each naming its setting.</summary>
    public static IReadOnlyList<DrillSchedule> Parse(DrillSchedulingOptions options, GatewayOptions gateway, List<string>? problems = null)
    {
        problems ??= [];
        var schedules = new List<DrillSchedule>();
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            if (DrillSchedule.TryCreate(options.Schedules[i], $"{DrillSchedulingOptions.SectionName}:Schedules:{i}", gateway.Applications.Keys, problems) is { } schedule)
            {
                if (schedules.Any(s => string.Equals(s.Name, schedule.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{DrillSchedulingOptions.SectionName}:Schedules:{i}:Name '{schedule.Name}' is used by another schedule.");
                    continue;
                }

                schedules.Add(schedule);
            }
        }

        return schedules;
    }
}
