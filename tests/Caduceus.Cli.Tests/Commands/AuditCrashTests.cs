using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;

namespace Caduceus.Cli.Tests.Commands;

/// <summary>
/// Durability of the audit trail: a real <c>serve</c> process is killed with SIGKILL while 16 clients keep it busy,
/// restarted on the same data directory, and killed again. Every request that received an answer (status line and
/// headers are enough) must have its record, and the chain must verify. Each request names a unique model, which the
/// record keeps, so answers and records can be matched one to one. The suite runs a few kills; set
/// <c>CADUCEUS_CRASH_KILLS=20</c> to run the full measurement, and <c>CADUCEUS_CRASH_REPORT=FILE</c> to have
/// its figures written down.
/// </summary>
public sealed class AuditCrashTests
{
    private const int Clients = 16;
    private const string Key = "crash-test-client-key-0123456789abcdef";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_answered_request_survives_kill_9_and_the_chain_verifies()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CADUCEUS_CRASH_KILLS"), out var configured) && configured > 0 ? configured : 3;
        var workDir = Directory.CreateTempSubdirectory("caduceus-crash-").FullName;
        var answered = new ConcurrentBag<string>();
        var random = new Random(20261129);

        for (var cycle = 0; cycle < kills; cycle++)
        {
            await using var serve = CliProcess.Start(
                workDir,
                new Dictionary<string, string>
                {
                    ["CADUCEUS_BOOTSTRAP_API_KEY"] = Key,

                    // 16 clients share one key as fast as they can: every request must reach the audit as an answered one.
                    ["CADUCEUS_Limits__RequestsPerMinute"] = "1000000",
                    ["CADUCEUS_Limits__TokensPerHour"] = "1000000000",
                    ["CADUCEUS_Limits__TokensPerDay"] = "1000000000",
                },
                "serve",
                "--urls",
                "http://127.0.0.1:0");
            var address = await ListeningAddressAsync(serve);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(client => SendUntilStoppedAsync(address, $"crash-{cycle}-{client}", answered, stop.Token)).ToArray();

            // The first answers come only after start-up work; the kill must land while requests are flowing.
            await WaitForAnswersAsync(answered, answered.Count + Clients);
            await Task.Delay(TimeSpan.FromMilliseconds(100 + random.Next(400)), Cancel);
            await serve.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "verify", "--json");
        var recorded = await RecordedModelsAsync(workDir);
        var lost = answered.Where(model => !recorded.Contains(model)).ToList();

        Assert.True(exit == 0, $"audit verify exited {exit}: {stdout}{stderr}");
        Assert.True(answered.Count >= kills * Clients, $"only {answered.Count} requests were answered over {kills} runs; the test proves little");
        Assert.True(lost.Count == 0, $"{lost.Count} of {answered.Count} answered requests have no audit record after {kills} kills, e.g. {lost.FirstOrDefault()}");
        if (Environment.GetEnvironmentVariable("CADUCEUS_CRASH_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, $"{kills} kills, {answered.Count} answered requests, {recorded.Count} records, 0 lost\n", Cancel);
        }
    }

    private static async Task WaitForAnswersAsync(ConcurrentBag<string> answered, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(StartTimeout);
        while (answered.Count < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task SendUntilStoppedAsync(string address, string prefix, ConcurrentBag<string> answered, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var model = $"{prefix}-{n}";
            var body = JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content = "When is the clinic open on Saturday?" } } });
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                answered.Add(model);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                // The gateway died under this request, or the run is over: no answer, so no record is owed.
                return;
            }
        }
    }

    private static async Task<HashSet<string>> RecordedModelsAsync(string workDir)
    {
        var models = new HashSet<string>(StringComparer.Ordinal);
        var reader = new SqliteAuditReader(Path.Combine(workDir, "caduceus-data", AuditSchema.FileName));
        await foreach (var stored in reader.ReadAsync(0, Cancel))
        {
            using var record = JsonDocument.Parse(stored.CanonicalJson);
            if (record.RootElement.GetProperty("model").GetString() is { } model)
            {
                models.Add(model);
            }
        }

        return models;
    }

    private static async Task<string> ListeningAddressAsync(CliProcess process)
    {
        var line = await process.WaitForLineAsync(l => l.StartsWith("Caduceus gateway listening on ", StringComparison.Ordinal), StartTimeout);
        return line["Caduceus gateway listening on ".Length..].Trim();
    }
}
