using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>Checks the configured playbooks at start-up, naming the setting that is wrong.</summary>
internal sealed class IncidentOptionsValidator : IValidateOptions<IncidentOptions>
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, IncidentOptions options)
    {
        var failures = new List<string>();
        if (options.SuspensionDuration <= TimeSpan.Zero || options.SuspensionDuration > TimeSpan.FromDays(30))
        {
            failures.Add($"{IncidentOptions.SectionName}:SuspensionDuration must be positive and at most 30 days.");
        }

        foreach (var (playbookName, playbook) in options.Playbooks)
        {
            var prefix = $"{IncidentOptions.SectionName}:Playbooks:{playbookName}";
            if (!playbook.Enabled)
            {
                continue;
            }

            if (playbook.EventTypes.Count == 0 || playbook.EventTypes.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{prefix}:EventTypes must name at least one security event type.");
            }

            if (playbook.Threshold is < 1 or > 10_000)
            {
                failures.Add($"{prefix}:Threshold must be between 1 and 10000.");
            }

            if (playbook.Window <= TimeSpan.Zero || playbook.Window > MaxWindow)
            {
                failures.Add($"{prefix}:Window must be positive and at most one day.");
            }

            if (!Enum.IsDefined(playbook.GroupBy) || !Enum.IsDefined(playbook.Severity))
            {
                failures.Add($"{prefix}: GroupBy must be Principal, Application or Source, Severity Low, Medium, High or Critical.");
            }

            foreach (var action in playbook.Actions)
            {
                if (ContainmentOrder.Parse(action ?? "", out var problem) is null)
                {
                    failures.Add($"{prefix}:Actions: {problem}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
