using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus keys ...</c> against the real executable, on the database <c>serve</c> uses.</summary>
public sealed class KeysCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The gateway trusts a key lookup for one second; the rest is room for a busy machine.</summary>
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromMilliseconds(1500);

    /// <summary>The keys are used every 20 ms while the CLI runs; a rotated key keeps its id, so it keeps its usage too.</summary>
    private static readonly Dictionary<string, string> KeepUsingWithoutRateLimits = new() { ["CADUCEUS_Limits__RequestsPerMinute"] = "100000" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_with_json_prints_one_line_with_the_id_and_the_key()
    {
        var workDir = NewWorkDir();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "keys", "create", "--app", "default", "--role", "clinician", "--role", "admin", "--expires-in", "30d", "--json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var line = Assert.Single(stdout.TrimEnd('\n').Split('\n'));
        using var json = JsonDocument.Parse(line);
        Assert.StartsWith("key_", json.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("cad_", json.RootElement.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(["clinician", "admin"], json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(File.Exists(Path.Combine(workDir, "caduceus-data", "caduceus.db")));
    }

    [Fact]
    public async Task List_shows_the_keys_and_never_a_secret()
    {
        var workDir = NewWorkDir();
        var first = await CreateAsync(workDir, "service");
        var second = await CreateAsync(workDir, "billing", "--label", "billing office");

        var (jsonExit, json, _) = await CliProcess.RunAsync(workDir, null, "keys", "list", "--json");
        var (tableExit, table, _) = await CliProcess.RunAsync(workDir, null, "keys", "list");

        Assert.Equal((0, 0), (jsonExit, tableExit));
        var keys = JsonDocument.Parse(json).RootElement.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal([first.Id, second.Id], keys.Select(k => k.GetProperty("id").GetString()));
        Assert.Equal("billing office", keys[1].GetProperty("label").GetString());
        Assert.Contains(second.Id, table, StringComparison.Ordinal);
        foreach (var output in new[] { json, table })
        {
            Assert.DoesNotContain(first.Key, output, StringComparison.Ordinal);
            Assert.DoesNotContain(second.Key, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rotate_and_revoke_take_effect_on_a_running_gateway_within_a_second()
    {
        var workDir = NewWorkDir();
        var rotating = await CreateAsync(workDir, "service");
        var revoking = await CreateAsync(workDir, "clinician");
        await using var serve = CliProcess.Start(workDir, KeepUsingWithoutRateLimits, "serve", "--urls", "http://127.0.0.1:0");
        var address = await ListeningAddressAsync(serve);
        Assert.DoesNotContain("Client API key", serve.StandardOutput, StringComparison.Ordinal);
        using var rotatingClient = Client(address, rotating.Key);
        using var revokingClient = Client(address, revoking.Key);
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(rotatingClient));
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(revokingClient));

        var (revokeExit, revokeOut, _) = await WhileInUseAsync(revokingClient, () => CliProcess.RunAsync(workDir, null, "keys", "revoke", revoking.Id));
        await AssertRefusedWithinAsync(revokingClient, RevocationDeadline);

        var (rotateExit, rotateOut, _) = await WhileInUseAsync(rotatingClient, () => CliProcess.RunAsync(workDir, null, "keys", "rotate", rotating.Id, "--json"));
        await AssertRefusedWithinAsync(rotatingClient, RevocationDeadline);

        Assert.Equal((0, 0), (revokeExit, rotateExit));
        Assert.Contains($"Revoked key {revoking.Id}", revokeOut, StringComparison.Ordinal);
        using var rotated = JsonDocument.Parse(rotateOut);
        Assert.Equal(rotating.Id, rotated.RootElement.GetProperty("id").GetString());
        using var newClient = Client(address, rotated.RootElement.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(newClient));
    }

    [Fact]
    public async Task Unused_reports_old_keys_and_disable_revokes_them()
    {
        var workDir = NewWorkDir();
        var stale = await CreateAsync(workDir, "front_desk");
        var fresh = await CreateAsync(workDir, "service");
        await BackdateAsync(workDir, stale.Id, TimeSpan.FromDays(45));

        var (reportExit, report, _) = await CliProcess.RunAsync(workDir, null, "keys", "unused", "--days", "30", "--json");
        var (disableExit, disabled, _) = await CliProcess.RunAsync(workDir, null, "keys", "unused", "--days", "30", "--disable");
        var (_, list, _) = await CliProcess.RunAsync(workDir, null, "keys", "list", "--json");

        Assert.Equal((0, 0), (reportExit, disableExit));
        Assert.Equal([stale.Id], JsonDocument.Parse(report).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("id").GetString()));
        Assert.Contains("Disabled 1 key(s)", disabled, StringComparison.Ordinal);
        var after = JsonDocument.Parse(list).RootElement.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        Assert.Equal(("revoked", "unused"), (after[stale.Id].GetProperty("status").GetString(), after[stale.Id].GetProperty("revoked_reason").GetString()));
        Assert.Equal("active", after[fresh.Id].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Uses_the_data_directory_the_configuration_names()
    {
        var workDir = NewWorkDir();
        var config = Path.Combine(workDir, "custom.json");
        await File.WriteAllTextAsync(config, """{"DataDirectory":"elsewhere"}""", Cancel);

        var (exit, _, _) = await CliProcess.RunAsync(workDir, null, "keys", "create", "--app", "default", "--role", "service", "--config", config);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(workDir, "elsewhere", "caduceus.db")));
        Assert.False(Directory.Exists(Path.Combine(workDir, "caduceus-data")));
    }

    [Theory]
    [InlineData("keys", "create", "--app", "default", "--role", "doctor")]
    [InlineData("keys", "create", "--app", "portal", "--role", "clinician")]
    [InlineData("keys", "create", "--app", "default")]
    [InlineData("keys", "create", "--role", "clinician")]
    [InlineData("keys", "create", "--app", "default", "--role", "clinician", "--expires-in", "forever")]
    [InlineData("keys", "rotate", "key_0000000000000000")]
    [InlineData("keys", "rotate", "key_0000000000000000", "--grace", "3d")]
    [InlineData("keys", "revoke", "key_0000000000000000")]
    [InlineData("keys", "revoke")]
    [InlineData("keys", "unused", "--days", "0")]
    [InlineData("keys", "unused", "--days", "many")]
    [InlineData("keys", "unused")]
    [InlineData("keys", "list", "--config", "/nonexistent/caduceus.json")]
    public async Task Refuses_bad_input_with_a_one_line_message(params string[] args)
    {
        var workDir = NewWorkDir();

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, args);

        Assert.Equal(2, exit);
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Rotating_a_revoked_key_says_why_it_cannot()
    {
        var workDir = NewWorkDir();
        var key = await CreateAsync(workDir, "service");
        await CliProcess.RunAsync(workDir, null, "keys", "revoke", key.Id);

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "keys", "rotate", key.Id);

        Assert.Equal(2, exit);
        Assert.Equal($"caduceus: key '{key.Id}' is revoked; only active keys can be rotated.", stderr.Trim());
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-keys-").FullName;

    private static async Task<(string Id, string Key)> CreateAsync(string workDir, string role, params string[] extra)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, ["keys", "create", "--app", "default", "--role", role, "--json", .. extra]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }

    private static async Task BackdateAsync(string workDir, string keyId, TimeSpan age)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", "caduceus.db")};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET created_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$at", (DateTimeOffset.UtcNow - age).ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$id", keyId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }

    private static async Task<string> ListeningAddressAsync(CliProcess process)
    {
        var line = await process.WaitForLineAsync(l => l.StartsWith("Caduceus gateway listening on ", StringComparison.Ordinal), StartTimeout);
        return line["Caduceus gateway listening on ".Length..].Trim();
    }

    private static HttpClient Client(string address, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<HttpStatusCode> ChatStatusAsync(HttpClient client)
    {
        using var response = await client.PostAsync(
            "v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json"), Cancel);
        return response.StatusCode;
    }

    /// <summary>
    /// Runs <paramref name="action"/> while the client keeps using its key, so the gateway has the key freshly
    /// cached when the change lands: the worst case for how long a revoked key is still accepted.
    /// </summary>
    private static async Task<T> WhileInUseAsync<T>(HttpClient client, Func<Task<T>> action)
    {
        using var stop = new CancellationTokenSource();
        var use = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await ChatStatusAsync(client);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        try
        {
            return await action();
        }
        finally
        {
            await stop.CancelAsync();
            await use;
        }
    }

    /// <summary>Measured from when the CLI verb has exited, i.e. from when the change is in the database.</summary>
    private static async Task AssertRefusedWithinAsync(HttpClient client, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (await ChatStatusAsync(client) != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < within, $"the key was still accepted {clock.Elapsed.TotalMilliseconds:0} ms after the change");
            await Task.Delay(25, Cancel);
        }
    }
}
