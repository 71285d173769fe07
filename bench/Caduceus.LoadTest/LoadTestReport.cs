using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Caduceus.LoadTest;

/// <summary>Everything one run measured, printed as tables and optionally written as JSON.</summary>
internal sealed record LoadTestReport(
    DateTimeOffset StartedAt,
    string Machine,
    int ProcessorCount,
    string Runtime,
    string Cli,
    string Mix,
    bool SharedPostgres,
    bool SharedRedis,
    double WarmupSeconds,
    double DurationSeconds,
    IReadOnlyDictionary<string, string> ServerEnvironment,
    IReadOnlyDictionary<string, string> GatewayEnvironment,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<Comparison> Comparisons,
    IReadOnlyList<BudgetCheck> Budgets,
    IReadOnlyList<BaselineComparison> Baselines)
{
    public static string MachineDescription => $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{ProcessorCount} cores shared by the load client, the gateways and the test model; mix {Mix}; warm-up {WarmupSeconds:0.#} s, measured {DurationSeconds:0.#} s per scenario.");
        output.WriteLine($"state and audit: {(SharedPostgres ? "PostgreSQL (one database per instance count)" : "SQLite per instance")}; limits and anomaly windows: {(SharedRedis ? "Redis" : "in process")}; requests take the instances in turn (client round robin).");
        foreach (var (label, environment) in new[] { ("both servers", ServerEnvironment), ("gateway", GatewayEnvironment) }.Where(e => e.Item2.Count > 0))
        {
            output.WriteLine($"extra environment for {label}: {string.Join(" ", environment.Select(v => $"{v.Key}={v.Value}"))}");
        }

        output.WriteLine();
        output.WriteLine(Row("target", "inst", "conc", "requests", "error %", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "cpu ms/req gw", "gw cores", "model", "client", "others"));
        foreach (var s in Scenarios)
        {
            output.WriteLine(Row(
                s.Target,
                Number(s.Instances),
                Number(s.Concurrency),
                Number(s.Requests),
                Fixed(s.ErrorRate * 100, 2),
                Fixed(s.ThroughputPerSecond, 0),
                Fixed(s.P50Ms, 2),
                Fixed(s.P90Ms, 2),
                Fixed(s.P99Ms, 2),
                Fixed(s.MaxMs, 1),
                s.GatewayCpuMsPerRequest is { } gw ? Fixed(gw, 3) : "-",
                s.GatewayCpuMsPerRequest is null ? "-" : Fixed(s.GatewayCores, 2),
                Fixed(s.ModelCpuMsPerRequest, 3),
                Fixed(s.ClientCpuMsPerRequest, 3),
                s.OtherProcessesCores is { } others ? Fixed(others, 2) : "-"));
        }

        foreach (var s in Scenarios.Where(s => s.FirstError is not null))
        {
            output.WriteLine($"  {s.Target} ({s.Instances} instance(s)) at {s.Concurrency}: first error: {s.FirstError}");
        }

        output.WriteLine("(cpu ms/req: CPU time each process used in the measured window per request, all gateways together; gw cores: CPU seconds the gateways used per second; others: cores used by other processes meanwhile)");
        output.WriteLine();
        output.WriteLine("gateway minus direct (same phase, back to back):");
        output.WriteLine(Row("inst", "conc", "added p50 ms", "added p90 ms", "added p99 ms", "throughput ratio"));
        foreach (var c in Comparisons)
        {
            output.WriteLine(Row(Number(c.Instances), Number(c.Concurrency), Fixed(c.AddedP50Ms, 2), Fixed(c.AddedP90Ms, 2), Fixed(c.AddedP99Ms, 2), Fixed(c.ThroughputRatio, 2)));
        }

        if (Baselines.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("throughput ratios against the bare pass-through proxy (same phase, back to back):");
            output.WriteLine(Row("inst", "conc", "gateway/direct", "gateway/bare-proxy", "bare-proxy/direct"));
            foreach (var b in Baselines)
            {
                output.WriteLine(Row(Number(b.Instances), Number(b.Concurrency), Fixed(b.GatewayToDirect, 2), Fixed(b.GatewayToBareProxy, 2), Fixed(b.BareProxyToDirect, 2)));
            }
        }

        output.WriteLine();
        output.WriteLine("budgets:");
        foreach (var b in Budgets)
        {
            output.WriteLine($"  {b.Budget} {Fixed(b.Limit, 2)} at concurrency {b.Concurrency}: measured {Fixed(b.Measured, 2)} -> {(b.Met ? "met" : "MISSED")}");
        }
    }

    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, LoadTestJsonContext.Default.LoadTestReport, cancellationToken);
    }

    private static string Row(params string[] cells)
    {
        var widths = new[] { 8, 5, 5, 9, 8, 8, 8, 8, 8, 8, 14, 9, 7, 7, 7 };
        return string.Join(" ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(Math.Max(widths[Math.Min(i, widths.Length - 1)], c.Length))));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
