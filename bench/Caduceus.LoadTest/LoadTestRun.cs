using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Caduceus.LoadTest;

/// <summary>
/// One load test: start the test model, then for each instance count start that many gateways in front of it (on one
/// shared PostgreSQL database and Redis when given), check every scenario of the mix through each, and at each
/// concurrency load the test model directly and then the gateways, back to back.
/// </summary>
internal static class LoadTestRun
{
    private const string BootstrapKeyVariable = "CADUCEUS_BOOTSTRAP_API_KEY";
    private const string EventIdHeader = "X-Caduceus-Event-Id";
    internal static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        var cli = await CliLocator.ResolveAsync(options, progress, cancellationToken);
        var workDirectory = Directory.CreateTempSubdirectory("caduceus-loadtest-");
        try
        {
            var apiKey = NewApiKey();
            using var model = await StartModelAsync(cli, workDirectory, options, progress, cancellationToken);

            var scenarios = options.Mix.Weights.Select(w => LoadScenarios.Create(w.Name)).ToArray();
            var direct = new LoadTarget(Targets.Direct, [new Uri(model.BaseAddress, "v1/chat/completions")], ApiKey: null);
            using var bareProxy = options.BareProxyBaseline ? await StartBareProxyAsync(options, model, workDirectory, progress, cancellationToken) : null;
            var bare = bareProxy is null ? null : new LoadTarget(Targets.BareProxy, [new Uri(bareProxy.BaseAddress, "v1/chat/completions")], ApiKey: null);
            var results = new List<ScenarioResult>();
            foreach (var instances in options.Instances)
            {
                await using var database = options.Postgres is { } server ? await SharedStateDatabase.CreateAsync(server, cancellationToken) : null;
                var phaseDirectory = workDirectory.CreateSubdirectory($"instances-{instances}").FullName;
                var environment = GatewayEnvironment(options, apiKey, database, phaseDirectory);
                var gateways = new List<ChildServer>();
                try
                {
                    foreach (var port in FreePorts.Take(instances))
                    {
                        // One after the other: the first creates the shared schema and keyring, the others find them.
                        progress.WriteLine($"Starting gateway {gateways.Count + 1} of {instances} on port {port}...");
                        var gateway = ChildServer.Start(
                            $"gateway {gateways.Count + 1}",
                            cli,
                            port,
                            ["serve", "--urls", $"http://127.0.0.1:{port}", "--upstream", new Uri(model.BaseAddress, "v1").ToString()],
                            Directory.CreateDirectory(Path.Combine(phaseDirectory, $"gateway-{gateways.Count + 1}")).FullName,
                            environment);
                        gateways.Add(gateway);
                        await gateway.WaitUntilReadyAsync("healthz", StartTimeout, cancellationToken);
                    }

                    var through = new LoadTarget(Targets.Gateway, [.. gateways.Select(g => new Uri(g.BaseAddress, "v1/chat/completions"))], apiKey);
                    foreach (var scenario in scenarios)
                    {
                        await CheckAsync(direct, scenario, cancellationToken);
                        await CheckAsync(through, scenario, cancellationToken);
                    }

                    // The bare proxy is one instance: it is loaded in the phase of one gateway only, to compare like with like.
                    var withBare = bare is not null && instances == 1;
                    if (withBare)
                    {
                        foreach (var scenario in scenarios)
                        {
                            await CheckAsync(bare!, scenario, cancellationToken);
                        }
                    }

                    var runner = new LoadRunner(options.Mix, scenarios, model, gateways);
                    var bareRunner = withBare ? new LoadRunner(options.Mix, scenarios, model, [bareProxy!]) : null;
                    foreach (var concurrency in options.Concurrency)
                    {
                        foreach (var (target, targetRunner) in new[] { (direct, runner), (through, runner), (bare, bareRunner) })
                        {
                            if (target is null || targetRunner is null)
                            {
                                continue;
                            }

                            progress.WriteLine($"{instances} instance(s), {target.Name}, concurrency {concurrency}: {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured...");
                            results.Add(await targetRunner.RunAsync(target, concurrency, options.Warmup, options.Duration, cancellationToken));
                        }
                    }
                }
                finally
                {
                    foreach (var gateway in gateways)
                    {
                        gateway.Dispose();
                    }
                }
            }

            var comparisons = Comparison.Of(results);
            var report = new LoadTestReport(
                startedAt,
                LoadTestReport.MachineDescription,
                Environment.ProcessorCount,
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                cli,
                options.Mix.ToString(),
                options.Postgres is not null,
                options.Redis is not null,
                options.Warmup.TotalSeconds,
                options.Duration.TotalSeconds,
                options.ServerEnvironment,
                options.GatewayEnvironment,
                results,
                comparisons,
                BudgetCheck.Of([.. comparisons.Where(c => c.Instances == options.Instances.Min())]),
                BaselineComparison.Of(results));
            report.Print(Console.Out);
            if (options.OutFile is { } outFile)
            {
                await report.WriteJsonAsync(outFile, cancellationToken);
                progress.WriteLine($"Wrote {outFile}");
            }

            if (options.PlotFile is { } plotFile)
            {
                LatencyPlot.Write(results, plotFile);
                progress.WriteLine($"Wrote {plotFile}");
            }

            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }
        finally
        {
            ChildServer.KillAll();
            TryDelete(workDirectory);
        }
    }

    /// <summary>A fresh client key for the gateways' bootstrap variable.</summary>
    internal static string NewApiKey() => "cad_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    internal static async Task<ChildServer> StartModelAsync(string cli, DirectoryInfo workDirectory, LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var modelPort = FreePorts.Take(1)[0];
        progress.WriteLine($"Starting the test model on port {modelPort} from {cli}...");
        var model = ChildServer.Start("test model", cli, modelPort, ["test-model", "--urls", $"http://127.0.0.1:{modelPort}"], workDirectory.CreateSubdirectory("test-model").FullName, options.ServerEnvironment);
        await model.WaitUntilReadyAsync("v1/models", StartTimeout, cancellationToken);
        return model;
    }

    private static async Task<ChildServer> StartBareProxyAsync(LoadTestOptions options, ChildServer model, DirectoryInfo workDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        var dll = await BareProxyLocator.ResolveAsync(options, progress, cancellationToken);
        var port = FreePorts.Take(1)[0];
        progress.WriteLine($"Starting the bare pass-through proxy on port {port}...");
        var proxy = ChildServer.Start(
            "bare proxy",
            dll,
            port,
            ["--urls", $"http://127.0.0.1:{port}", "--upstream", new Uri(model.BaseAddress, "v1").ToString()],
            workDirectory.CreateSubdirectory("bare-proxy").FullName,
            options.ServerEnvironment);
        await proxy.WaitUntilReadyAsync("healthz", StartTimeout, cancellationToken);
        return proxy;
    }

    /// <summary>
    /// One key sends the whole load: the per-key limits are raised so they count but never refuse. PHI is
    /// pseudonymized (vault writes). With --postgres and --redis, state, audit, limits and anomaly windows are shared.
    /// --gateway-env overrides any of it.
    /// </summary>
    internal static Dictionary<string, string> GatewayEnvironment(LoadTestOptions options, string apiKey, SharedStateDatabase? database, string phaseDirectory)
    {
        var environment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
        {
            [BootstrapKeyVariable] = apiKey,
            ["CADUCEUS_Limits__RequestsPerMinute"] = "1000000",
            ["CADUCEUS_Limits__TokensPerHour"] = "1000000000000",
            ["CADUCEUS_Limits__TokensPerDay"] = "1000000000000",
            ["CADUCEUS_Applications__default__Policy__Request__Phi"] = "Pseudonymize",
        };
        if (database is not null)
        {
            environment["CADUCEUS_State__Store"] = "postgres";
            environment["CADUCEUS_State__ConnectionString"] = database.ConnectionString;
            environment["CADUCEUS_Audit__Store"] = "postgres";
            environment["CADUCEUS_Audit__ConnectionString"] = database.ConnectionString;
            foreach (var (key, value) in FleetKeys.Write(phaseDirectory))
            {
                environment[key] = value;
            }
        }

        if (options.Redis is { } redis)
        {
            var prefix = $"caduceus:load:{Guid.NewGuid():N}:";
            environment["CADUCEUS_Limits__Redis"] = redis;
            environment["CADUCEUS_Limits__RedisKeyPrefix"] = prefix + "limits:";
            environment["CADUCEUS_Anomaly__Redis"] = redis;
            environment["CADUCEUS_Anomaly__RedisKeyPrefix"] = prefix + "anomaly:";
        }

        foreach (var (key, value) in options.GatewayEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>One request of a scenario to every instance before loading, so a broken set-up stops the run instead of being measured.</summary>
    internal static async Task CheckAsync(LoadTarget target, LoadScenario scenario, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var url in target.ChatUrls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(scenario.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (target.ApiKey is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
            }

            var (response, text) = await SendWarmAsync(client, request, cancellationToken);
            using var answer = response;
            var expected = scenario.ExpectedStatus(target.ThroughGateway);
            var problem = (int)response.StatusCode != expected ? $"HTTP {(int)response.StatusCode}, expected {expected}: {Shorten(text)}"
                : expected == 200 && scenario.Streaming && !text.Contains("[DONE]", StringComparison.Ordinal) ? $"a stream without [DONE]: {Shorten(text)}"
                : expected == 200 && !scenario.Streaming && !text.Contains("\"chat.completion\"", StringComparison.Ordinal) ? $"not a chat completion: {Shorten(text)}"
                : target.ThroughGateway && !scenario.Streaming && RaisedEvent(response, text) != scenario.GatewayEvent
                    ? $"the gateway {(scenario.GatewayEvent ? "raised no" : "raised a")} security event, so it did not do the work this scenario is meant to measure"
                : null;
            if (problem is not null)
            {
                throw new ServerStartException($"check request '{scenario.Name}' to {url} ({target.Name}) failed: {problem}");
            }
        }
    }

    /// <summary>
    /// Sends a check request, again (up to 5 times, 1 s apart) while a cold instance answers inspection_failed: its
    /// regular expressions time out by the wall clock, which a starved first request on a busy machine can hit.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Text)> SendWarmAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new ByteArrayContent(await request.Content!.ReadAsByteArrayAsync(cancellationToken)) };
            copy.Content.Headers.ContentType = request.Content.Headers.ContentType;
            copy.Headers.Authorization = request.Headers.Authorization;
            var response = await client.SendAsync(copy, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (attempt == 5 || !text.Contains("\"inspection_failed\"", StringComparison.Ordinal))
            {
                return (response, text);
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static bool RaisedEvent(HttpResponseMessage response, string text) =>
        response.Headers.Contains(EventIdHeader) || text.Contains("\"event_id\":\"evt_", StringComparison.Ordinal);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    internal static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file for a moment; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
