using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Caduceus.Bench;

namespace Caduceus.LoadTest;

/// <summary>
/// One load test: start the test model and the gateway in front of it, check both answer the benchmark request,
/// then at each concurrency load the test model directly and then through the gateway.
/// </summary>
internal static class LoadTestRun
{
    private const string BootstrapKeyVariable = "CADUCEUS_BOOTSTRAP_API_KEY";
    private const string EventIdHeader = "X-Caduceus-Event-Id";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        var cli = await CliLocator.ResolveAsync(options, progress, cancellationToken);
        var workDirectory = Directory.CreateTempSubdirectory("caduceus-loadtest-");
        try
        {
            var apiKey = "cad_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            var ports = FreePorts.Take(2);
            var modelDirectory = workDirectory.CreateSubdirectory("test-model").FullName;
            var gatewayDirectory = workDirectory.CreateSubdirectory("gateway").FullName;

            progress.WriteLine($"Starting the test model on port {ports[0]} and the gateway on port {ports[1]} from {cli}...");
            // One key sends the whole load: the per-key limits are raised so they count but never refuse (--gateway-env overrides).
            var gatewayEnvironment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
            {
                [BootstrapKeyVariable] = apiKey,
                ["CADUCEUS_Limits__RequestsPerMinute"] = "1000000",
                ["CADUCEUS_Limits__TokensPerHour"] = "1000000000000",
                ["CADUCEUS_Limits__TokensPerDay"] = "1000000000000",
            };
            foreach (var (key, value) in options.GatewayEnvironment)
            {
                gatewayEnvironment[key] = value;
            }

            using var model = ChildServer.Start("test model", cli, ports[0], ["test-model", "--urls", $"http://127.0.0.1:{ports[0]}"], modelDirectory, options.ServerEnvironment);
            using var gateway = ChildServer.Start(
                "gateway",
                cli,
                ports[1],
                ["serve", "--urls", $"http://127.0.0.1:{ports[1]}", "--upstream", new Uri(model.BaseAddress, "v1").ToString()],
                gatewayDirectory,
                gatewayEnvironment);
            await Task.WhenAll(
                model.WaitUntilReadyAsync("v1/models", StartTimeout, cancellationToken),
                gateway.WaitUntilReadyAsync("healthz", StartTimeout, cancellationToken));

            var body = RequestBody(options.PhiPrompt);
            var direct = new LoadTarget(Targets.Direct, new Uri(model.BaseAddress, "v1/chat/completions"), ApiKey: null);
            var through = new LoadTarget(Targets.Gateway, new Uri(gateway.BaseAddress, "v1/chat/completions"), apiKey);
            await CheckAsync(direct, body, expectEvent: false, cancellationToken);
            await CheckAsync(through, body, expectEvent: options.PhiPrompt, cancellationToken);

            var runner = new LoadRunner(body, model, gateway);
            var results = new List<ScenarioResult>();
            foreach (var concurrency in options.Concurrency)
            {
                foreach (var target in new[] { direct, through })
                {
                    progress.WriteLine($"{target.Name}, concurrency {concurrency}: {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured...");
                    results.Add(await runner.RunAsync(target, concurrency, options.Warmup, options.Duration, cancellationToken));
                }
            }

            var comparisons = Comparison.Of(results);
            var report = new LoadTestReport(
                startedAt,
                LoadTestReport.MachineDescription,
                Environment.ProcessorCount,
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                cli,
                body.Length,
                options.Warmup.TotalSeconds,
                options.Duration.TotalSeconds,
                options.ServerEnvironment,
                options.GatewayEnvironment,
                results,
                comparisons,
                BudgetCheck.Of(comparisons));
            report.Print(Console.Out);
            if (options.OutFile is { } outFile)
            {
                await report.WriteJsonAsync(outFile, cancellationToken);
                progress.WriteLine($"Wrote {outFile}");
            }

            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }
        finally
        {
            ChildServer.KillAll();
            TryDelete(workDirectory);
        }
    }

    /// <summary>One request before loading, so a broken set-up stops the run instead of being measured.</summary>
    private static async Task CheckAsync(LoadTarget target, byte[] body, bool expectEvent, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, target.ChatUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (target.ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = (int)response.StatusCode != 200 ? $"HTTP {(int)response.StatusCode}: {Shorten(text)}"
            : !text.Contains("\"chat.completion\"", StringComparison.Ordinal) ? $"not a chat completion: {Shorten(text)}"
            : !expectEvent && response.Headers.Contains(EventIdHeader) ? "the gateway raised a security event for the benign prompt, so it does not do the same work as the direct path"
            : expectEvent && !response.Headers.Contains(EventIdHeader) ? "the gateway raised no security event for the PHI prompt, so there is nothing for exporters to do"
            : null;
        if (problem is not null)
        {
            throw new ServerStartException($"check request to the {target.Name} target failed: {problem}");
        }
    }

    private static byte[] RequestBody(bool phi)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", "caduceus-test-model");
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", phi ? SamplePrompts.PortalMessageWithPhi : SamplePrompts.ClinicalQuestionWithoutPhi);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteBoolean("stream", false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private static void TryDelete(DirectoryInfo directory)
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
