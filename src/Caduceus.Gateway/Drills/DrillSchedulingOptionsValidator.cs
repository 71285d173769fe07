using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Drills;

/// <summary>Stops the gateway at start-up, naming the setting, when a drill schedule or the drill key's limits are wrong.</summary>
internal sealed class DrillSchedulingOptionsValidator(DrillSchedulingOptions options) : IValidateOptions<GatewayOptions>
{
    private const string Prefix = DrillSchedulingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        var problems = new List<string>();
        DrillSchedules.Parse(options, gateway, problems);
        if (options.MaxRunTime <= TimeSpan.Zero || options.MaxRunTime > TimeSpan.FromHours(6))
        {
            problems.Add($"{Prefix}:MaxRunTime must be positive and at most 06:00:00.");
        }

        if (options.Concurrency is < 1 or > 32)
        {
            problems.Add($"{Prefix}:Concurrency must be between 1 and 32.");
        }

        if (options.Limits.RequestsPerMinute is < 1 or > 1_000_000)
        {
            problems.Add($"{Prefix}:Limits:RequestsPerMinute must be between 1 and 1000000.");
        }

        if (options.Limits.TokensPerHour is < 1 or > 1_000_000_000_000 || options.Limits.TokensPerDay is < 1 or > 1_000_000_000_000)
        {
            problems.Add($"{Prefix}:Limits:TokensPerHour and TokensPerDay must be between 1 and 1000000000000.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
