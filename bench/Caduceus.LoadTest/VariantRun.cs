using Caduceus.LoadTest.Receivers;

namespace Caduceus.LoadTest;

/// <summary>
/// A <c>--compare</c> run: the test model, then both variants of the bench gateway in front of it (one SQLite instance
/// each, and for exporters the loopback SIEM receivers), all started once; then at each concurrency several rounds in
/// which every target is loaded in turn, the order rotating from round to round, so that a noisy minute on a shared
/// machine lands on all of them rather than on one.
/// </summary>
internal static class VariantRun
{
    /// <summary>The SSN in the PHI sample prompt: it must never reach a SIEM receiver.</summary>
    public const string SampleSsn = "523-45-6789";

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(LoadTestOptions options, VariantSet set, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        var cli = await CliLocator.ResolveAsync(options, progress, cancellationToken);
        var benchGateway = await CliLocator.ResolveBenchGatewayAsync(options, progress, cancellationToken);
        var workDirectory = Directory.CreateTempSubdirectory("caduceus-loadtest-");
        var gateways = new Dictionary<GatewayVariant, ChildServer>();
        try
        {
            var apiKey = LoadTestRun.NewApiKey();
            using var model = await LoadTestRun.StartModelAsync(cli, workDirectory, options, progress, cancellationToken);
            await using var receivers = set.NeedsReceivers ? new SiemReceivers(options.Syslog, System.Text.Encoding.ASCII.GetBytes(SampleSsn)) : null;
            foreach (var variant in set.Variants)
            {
                gateways[variant] = await StartAsync(variant, benchGateway, model, apiKey, receivers, workDirectory, options, progress, cancellationToken);
            }

            var scenarios = options.Mix.Weights.Select(w => LoadScenarios.Create(w.Name)).ToArray();
            var direct = new LoadTarget(Targets.Direct, [new Uri(model.BaseAddress, "v1/chat/completions")], ApiKey: null);
            var targets = new List<(LoadTarget Target, LoadRunner Runner)> { (direct, new LoadRunner(options.Mix, scenarios, model, [.. gateways.Values])) };
            foreach (var (variant, gateway) in gateways)
            {
                targets.Add((new LoadTarget(variant.Name, [new Uri(gateway.BaseAddress, "v1/chat/completions")], apiKey), new LoadRunner(options.Mix, scenarios, model, [gateway])));
            }

            foreach (var scenario in scenarios)
            {
                foreach (var (target, _) in targets)
                {
                    await LoadTestRun.CheckAsync(target, scenario, cancellationToken);
                }
            }

            var rounds = new List<RoundResult>();
            foreach (var concurrency in options.Concurrency)
            {
                for (var round = 1; round <= options.Rounds; round++)
                {
                    foreach (var (target, runner) in RoundOrder(targets, round))
                    {
                        progress.WriteLine($"concurrency {concurrency}, round {round} of {options.Rounds}, {target.Name}...");
                        rounds.Add(new RoundResult(round, await runner.RunAsync(target, concurrency, options.Warmup, options.Duration, cancellationToken)));
                    }
                }
            }

            var counts = receivers is null ? [] : await CountAsync(receivers, set, rounds, scenarios, progress, cancellationToken);
            var report = new VariantReport(
                startedAt,
                LoadTestReport.MachineDescription,
                Environment.ProcessorCount,
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                set.Name,
                options.Mix.ToString(),
                options.Rounds,
                options.Warmup.TotalSeconds,
                options.Duration.TotalSeconds,
                options.GatewayEnvironment,
                rounds,
                VariantSummary.Of(rounds),
                VariantDifference.Of(rounds, set),
                counts);
            report.Print(Console.Out);
            if (options.OutFile is { } outFile)
            {
                await report.WriteJsonAsync(outFile, cancellationToken);
                progress.WriteLine($"Wrote {outFile}");
            }

            return report.Failed ? 3 : 0;
        }
        finally
        {
            foreach (var gateway in gateways.Values)
            {
                gateway.Dispose();
            }

            ChildServer.KillAll();
            LoadTestRun.TryDelete(workDirectory);
        }
    }

    /// <summary>Round 1 goes direct, baseline, variant; round 2 starts one further on, and so on.</summary>
    internal static IEnumerable<T> RoundOrder<T>(IReadOnlyList<T> targets, int round) =>
        Enumerable.Range(0, targets.Count).Select(i => targets[(i + round - 1) % targets.Count]);

    private static async Task<ChildServer> StartAsync(GatewayVariant variant, string benchGateway, ChildServer model, string apiKey, SiemReceivers? receivers, DirectoryInfo workDirectory, LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = workDirectory.CreateSubdirectory(variant.Name).FullName;
        var environment = LoadTestRun.GatewayEnvironment(options, apiKey, database: null, directory);
        if (variant.Exporters && receivers is not null)
        {
            foreach (var (key, value) in receivers.GatewayEnvironment)
            {
                environment.TryAdd(key, value);
            }
        }

        var port = FreePorts.Take(1)[0];
        progress.WriteLine($"Starting {variant.Name} (audit {variant.Audit}, SIEM exporters {(variant.Exporters ? "on" : "off")}) on port {port}...");
        var gateway = ChildServer.Start(
            variant.Name,
            benchGateway,
            port,
            ["--urls", $"http://127.0.0.1:{port}", "--upstream", new Uri(model.BaseAddress, "v1").ToString(), "--audit", variant.Audit],
            directory,
            environment);
        await gateway.WaitUntilReadyAsync("healthz", LoadTestRun.StartTimeout, cancellationToken);
        return gateway;
    }

    private static async Task<IReadOnlyList<ReceiverCount>> CountAsync(SiemReceivers receivers, VariantSet set, IReadOnlyList<RoundResult> rounds, IReadOnlyList<LoadScenario> scenarios, TextWriter progress, CancellationToken cancellationToken)
    {
        // At least one event per answered event-raising request, plus the check requests; anomaly events may add more.
        var expected = rounds.Where(r => r.Result.Target == set.Variant.Name).Sum(r => r.Result.EventRequests) + scenarios.Count(s => s.GatewayEvent);
        progress.WriteLine($"Waiting for the SIEM receivers to get at least {expected} events...");
        await receivers.WaitForAsync(expected, DrainTimeout, cancellationToken);
        var lossless = receivers.Lossless;
        return [.. receivers.Tallies.Select(t => new ReceiverCount(t.Name, t.Events, t.Requests, t.Bytes, lossless.Contains(t) ? expected : null, t.PayloadsWithForbiddenText))];
    }
}
