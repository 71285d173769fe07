using System.Text.RegularExpressions;
using Caduceus.Gateway.Incidents;
using Caduceus.RedTeam.Attacks;
using Cronos;

namespace Caduceus.Gateway.Drills;

/// <summary>A validated <see cref="DrillScheduleOptions"/>: the parsed cron, the OWASP categories, and the thresholds per category.</summary>
internal sealed partial class DrillSchedule
{
    private DrillSchedule(DrillScheduleOptions options, CronExpression cron, IReadOnlySet<string> categories, IReadOnlyList<ContainmentOrder> incidentActions)
    {
        Name = options.Name;
        CronText = options.Cron;
        Cron = cron;
        Application = options.Application;
        Suites = options.Suites.Count == 0 ? [DrillSuites.Default] : [.. options.Suites];
        Categories = categories;
        MinimumStoppedRate = options.MinimumStoppedRate;
        MinimumStoppedRates = new Dictionary<string, double>(options.MinimumStoppedRates, StringComparer.OrdinalIgnoreCase);
        MaxBenignRefusedRate = options.MaxBenignRefusedRate;
        IncidentActions = incidentActions;
    }

    public string Name { get; }

    public string CronText { get; }

    public CronExpression Cron { get; }

    public string Application { get; }

    public IReadOnlyList<string> Suites { get; }

    public IReadOnlySet<string> Categories { get; }

    public double MinimumStoppedRate { get; }

    public IReadOnlyDictionary<string, double> MinimumStoppedRates { get; }

    public double MaxBenignRefusedRate { get; }

    public IReadOnlyList<ContainmentOrder> IncidentActions { get; }

    /// <summary>The minimum stopped rate of one OWASP category.</summary>
    public double MinimumFor(string category) => MinimumStoppedRates.GetValueOrDefault(category, MinimumStoppedRate);

    /// <summary>The first due time strictly after <paramref name="after"/>, in UTC; null when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => Cron.GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>Parses and checks one configured schedule; null with every problem, each naming its setting.</summary>
    public static DrillSchedule? TryCreate(DrillScheduleOptions options, string prefix, IEnumerable<string> applications, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 64 || !NamePattern().IsMatch(options.Name))
        {
            problems.Add($"{prefix}:Name must be 1 to 64 letters, digits, '-', '_' or '.'.");
        }

        if (!CronExpression.TryParse(options.Cron ?? "", CronFormat.Standard, out var cron))
        {
            problems.Add($"{prefix}:Cron '{options.Cron}' is not a 5-field cron expression (minute hour day-of-month month day-of-week, UTC), e.g. '0 3 * * *'.");
        }

        if (!applications.Contains(options.Application, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{prefix}:Application '{options.Application}' is not a configured application.");
        }

        if (!DrillSuites.TryResolve(options.Suites, out var categories, out var suiteError))
        {
            problems.Add($"{prefix}:Suites: {suiteError}.");
        }

        CheckRate(problems, $"{prefix}:MinimumStoppedRate", options.MinimumStoppedRate);
        CheckRate(problems, $"{prefix}:MaxBenignRefusedRate", options.MaxBenignRefusedRate);
        foreach (var (category, rate) in options.MinimumStoppedRates)
        {
            if (!OwaspCategory.All.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{prefix}:MinimumStoppedRates:{category} is not an OWASP id the drills cover ({string.Join(", ", OwaspCategory.All)}).");
            }

            CheckRate(problems, $"{prefix}:MinimumStoppedRates:{category}", rate);
        }

        var orders = new List<ContainmentOrder>();
        foreach (var action in options.IncidentActions)
        {
            if (ContainmentOrder.Parse(action ?? "", out var problem) is { } order)
            {
                orders.Add(order);
            }
            else
            {
                problems.Add($"{prefix}:IncidentActions: {problem}.");
            }
        }

        return problems.Count == before ? new DrillSchedule(options, cron!, categories, orders) : null;
    }

    private static void CheckRate(List<string> problems, string setting, double rate)
    {
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            problems.Add($"{setting} must be between 0 and 1.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();
}
