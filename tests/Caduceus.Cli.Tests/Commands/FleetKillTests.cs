using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.Audit;

namespace Caduceus.Cli.Tests.Commands;

/// <summary>
/// Issue 12's kill test: two real <c>serve</c> processes share one PostgreSQL state and ONE PostgreSQL audit chain in
/// front of one test model process. Clients load both instances with plain and streamed chats; one instance is
/// killed with SIGKILL mid-load. Every request that got a complete answer (HTTP 200 and a whole body; for a stream,
/// its <c>[DONE]</c>) must have its record in PostgreSQL, and the chain the two instances wrote interleaved must
/// verify. Each request carries a unique e-mail address, which the gateway redacts and the record keeps as a keyed
/// hash (the test holds the finding key), so answers and records match one to one without any plaintext stored.
/// <c>CADUCEUS_FLEET_KILL_REPORT=FILE</c> writes the run's figures down.
/// </summary>
public sealed class FleetKillTests : IAsyncLifetime
{
    private const int ClientsPerInstance = 8;
    private const int AnswersBeforeKill = 30;
    private const string Key = "fleet-kill-test-client-key-0123456789abcdef";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentQueue<string> Refusals = new();

    private PostgresTestServer? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await PostgresTestServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Killing_one_of_two_instances_mid_load_loses_no_answered_record_and_the_shared_chain_verifies()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-fleet-kill-").FullName;
        var (environment, findingKey) = await SharedEnvironmentAsync(workDir, _database!.ConnectionString);
        await using var model = CliProcess.Start(workDir, null, "test-model", "--urls", "http://127.0.0.1:0");
        var upstream = await ModelApiAddressAsync(model);
        // Started together: the shared schema, keyring and audit tables are created under locks by whichever comes first.
        await using var survivor = CliProcess.Start(InstanceDirectory(workDir, "a"), environment, "serve", "--urls", "http://127.0.0.1:0", "--upstream", upstream);
        await using var victim = CliProcess.Start(InstanceDirectory(workDir, "b"), environment, "serve", "--urls", "http://127.0.0.1:0", "--upstream", upstream);
        var addresses = await Task.WhenAll(GatewayAddressAsync(survivor), GatewayAddressAsync(victim));

        var answered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var clients = addresses
            .SelectMany((address, instance) => Enumerable.Range(0, ClientsPerInstance).Select(client => SendUntilStoppedAsync(address, $"i{instance}c{client}", streaming: client % 2 == 1, instance, new FindingValueHasher(findingKey), answered, stop.Token)))
            .ToArray();

        // The kill must land while both instances are answering and writing into the one chain.
        await WaitForAsync(() => answered.Values.Count(i => i == 0) >= AnswersBeforeKill && answered.Values.Count(i => i == 1) >= AnswersBeforeKill);
        await victim.KillAsync();
        var answeredByVictim = answered.Values.Count(i => i == 1);
        var survivorBefore = answered.Values.Count(i => i == 0);
        await WaitForAsync(() => answered.Values.Count(i => i == 0) >= survivorBefore + AnswersBeforeKill);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        await survivor.KillAsync();

        var verifyDir = InstanceDirectory(workDir, "verify");
        var (exit, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(verifyDir, environment, null, "audit", "verify", "--json");
        var recorded = await RecordedValueHashesAsync(_database.ConnectionString);
        var recordedSet = recorded.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        var lost = answered.Keys.Where(hash => !recordedSet.Contains(hash)).ToList();

        Assert.True(exit == 0, $"audit verify exited {exit} on the chain the two instances wrote: {stdout}{stderr}");
        if (Environment.GetEnvironmentVariable("CADUCEUS_FLEET_KILL_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, $"{answered.Count} complete answers ({answeredByVictim} from the killed instance), {recorded.Count} records, {lost.Count} lost, {InstanceSwitches(recorded, answered)} switches between instances in the chain, verify exit {exit}\n", Cancel);
        }

        Assert.True(answeredByVictim >= AnswersBeforeKill, $"the killed instance answered only {answeredByVictim} requests; the kill did not land under load");
        Assert.True(lost.Count == 0, $"{lost.Count} of {answered.Count} answered requests have no audit record in PostgreSQL");
        Assert.True(InstanceSwitches(recorded, answered) >= 4, "the chain does not interleave records of both instances, so concurrent chaining was not exercised");
    }

    /// <summary>Both instances: shared state and audit in the one database, the same audit keys, limits that never refuse.</summary>
    private static async Task<(Dictionary<string, string> Environment, byte[] FindingKey)> SharedEnvironmentAsync(string workDir, string connectionString)
    {
        var signingKeyFile = Path.Combine(workDir, "audit-signing.pem");
        var findingKeyFile = Path.Combine(workDir, "audit-finding.key");
        using (var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(signingKeyFile, signingKey.ExportPkcs8PrivateKeyPem(), Cancel);
        }

        var masterKeyFile = Path.Combine(workDir, "master.key");
        var findingKey = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllTextAsync(findingKeyFile, Convert.ToBase64String(findingKey), Cancel);
        await File.WriteAllTextAsync(masterKeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n", Cancel);

        return (new Dictionary<string, string>
        {
            ["CADUCEUS_BOOTSTRAP_API_KEY"] = Key,
            ["CADUCEUS_State__Store"] = "postgres",
            ["CADUCEUS_State__ConnectionString"] = connectionString,
            ["CADUCEUS_Encryption__MasterKeyFile"] = masterKeyFile,
            ["CADUCEUS_Audit__Store"] = "postgres",
            ["CADUCEUS_Audit__ConnectionString"] = connectionString,
            ["CADUCEUS_Audit__SigningKeyFile"] = signingKeyFile,
            ["CADUCEUS_Audit__FindingKeyFile"] = findingKeyFile,
            ["CADUCEUS_Limits__RequestsPerMinute"] = "1000000",
            ["CADUCEUS_Limits__TokensPerHour"] = "1000000000",
            ["CADUCEUS_Limits__TokensPerDay"] = "1000000000",
        }, findingKey);
    }

    private static string InstanceDirectory(string workDir, string name) => Directory.CreateDirectory(Path.Combine(workDir, name)).FullName;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the instances did not answer enough requests within {StartTimeout.TotalSeconds} s; {Refusals.Count} incomplete answers, the first: {(Refusals.TryPeek(out var refusal) ? refusal : "none")}");
            await Task.Delay(20, Cancel);
        }
    }

    private static async Task SendUntilStoppedAsync(string address, string prefix, bool streaming, int instance, FindingValueHasher hasher, ConcurrentDictionary<string, int> answered, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var email = $"{prefix}n{n}@example.com";
            var body = JsonSerializer.Serialize(new { stream = streaming, messages = new[] { new { role = "user", content = $"Please write to {email} when the clinic is open on Saturday." } } });
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await http.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                var complete = response.StatusCode == HttpStatusCode.OK && (streaming ? text.Contains("data: [DONE]", StringComparison.Ordinal) : text.Contains("\"chat.completion\"", StringComparison.Ordinal));
                if (complete)
                {
                    answered[hasher.Hash(email)] = instance;
                }
                else
                {
                    Refusals.Enqueue($"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                // The instance died under this request, or the run is over: no complete answer, so no record is owed.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                Refusals.Enqueue(exception.GetType().Name + ": " + exception.Message);
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>The finding value hashes of each record, in chain order.</summary>
    private static async Task<List<string[]>> RecordedValueHashesAsync(string connectionString)
    {
        var records = new List<string[]>();
        await foreach (var stored in new PostgresAuditReader(connectionString).ReadAsync(0, Cancel))
        {
            using var record = JsonDocument.Parse(stored.CanonicalJson);
            records.Add([.. record.RootElement.GetProperty("findings").EnumerateArray()
                .SelectMany(f => f.GetProperty("value_hashes").EnumerateArray())
                .Select(h => h.GetString()!)]);
        }

        return records;
    }

    /// <summary>How often the chain passes from a record of one instance to a record of the other.</summary>
    private static int InstanceSwitches(List<string[]> recordsInChainOrder, ConcurrentDictionary<string, int> answered)
    {
        var switches = 0;
        int? last = null;
        foreach (var hashes in recordsInChainOrder)
        {
            int? instance = hashes.Select(h => answered.TryGetValue(h, out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);
            if (instance is null)
            {
                continue;
            }

            switches += last is not null && last != instance ? 1 : 0;
            last = instance;
        }

        return switches;
    }

    private static async Task<string> ModelApiAddressAsync(CliProcess process)
    {
        var line = await process.WaitForLineAsync(l => l.StartsWith("Caduceus test model listening on ", StringComparison.Ordinal), StartTimeout);
        var start = line.IndexOf("(OpenAI base URL ", StringComparison.Ordinal) + "(OpenAI base URL ".Length;
        return line[start..line.LastIndexOf(')')];
    }

    private static async Task<string> GatewayAddressAsync(CliProcess process)
    {
        var line = await process.WaitForLineAsync(l => l.StartsWith("Caduceus gateway listening on ", StringComparison.Ordinal), StartTimeout);
        return line["Caduceus gateway listening on ".Length..].Trim();
    }
}
