using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Tests.Anomaly;
using Caduceus.Gateway.Tests.Encryption;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>Two gateway instances on one PostgreSQL database (<c>State:Store = postgres</c>), over real HTTP.</summary>
public sealed class SharedStateGatewayTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task A_key_revoked_through_one_instance_is_refused_by_the_other_within_a_second()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        using var throughSecond = second.HttpWithKey(first.ApiKey);
        Assert.Equal(HttpStatusCode.OK, await ChatStatusAsync(throughSecond, "hello"));

        var key = await first.Services.GetRequiredService<IApiKeyLookup>().FindAsync(first.ApiKey, Cancel);
        await first.Keys.RevokeAsync(key!.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);
        var clock = Stopwatch.StartNew();
        while (await ChatStatusAsync(throughSecond, "hello") != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), $"the revoked key still worked {clock.ElapsedMilliseconds} ms later");
            await Task.Delay(25, Cancel);
        }
    }

    [Fact]
    public async Task A_conversation_pseudonymized_through_one_instance_is_restored_through_another()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        using var throughSecond = second.HttpWithKey(first.ApiKey);

        Assert.Equal($"Echo: My SSN is {VaultTestData.Ssn}", await ChatAsync(first.Http, $"My SSN is {VaultTestData.Ssn}"));

        // The model echoes <SSN_1>: only the vault the first instance wrote knows whose SSN that is.
        Assert.Equal($"Echo: again {VaultTestData.Ssn} for {VaultTestData.Name}", await ChatAsync(throughSecond, $"again <SSN_1> for {VaultTestData.Name}"));
        Assert.DoesNotContain(VaultTestData.Ssn, await DatabaseAsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_api_key_used_through_both_instances_is_held_to_one_combined_rate_limit()
    {
        var settings = Settings();
        settings["Limits:RequestsPerMinute"] = "4";
        settings["Limits:Redis"] = TestRedis.Address;
        settings["Limits:RedisKeyPrefix"] = TestRedis.FreshPrefix();
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);
        using var throughSecond = second.HttpWithKey(first.ApiKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await ChatStatusAsync(i % 2 == 0 ? first.Http : throughSecond, "hello"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Instances_with_different_master_keys_cannot_share_the_state()
    {
        await using var first = await StartInstanceAsync();

        var other = EncryptionTestData.WriteKeyFile(_fleet!.Directory, VaultTestData.KeyB, "other.key");
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(settings: Settings(other)));

        Assert.Contains("master key", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("State:Store", "cassandra", "State:Store")]
    [InlineData("State:ConnectionString", "", "State:ConnectionString")]
    [InlineData("State:ConnectionString", "Host=db;Bogus Setting=1", "State:ConnectionString")]
    public async Task A_bad_setting_stops_the_gateway_at_start_up_naming_it(string key, string value, string named)
    {
        var settings = Settings();
        settings[key] = value;

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(settings: settings));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bogus", exception.Message, StringComparison.Ordinal);
    }

    private Task<GatewayHarness> StartInstanceAsync() => GatewayHarness.StartAsync(settings: Settings());

    private Dictionary<string, string?> Settings(string? masterKeyFile = null)
    {
        var settings = _fleet!.Settings(new Dictionary<string, string?>
        {
            ["Applications:default:Policy:Request:Phi"] = "Pseudonymize",
            ["Applications:default:Policy:RestorePseudonyms"] = "true",
        });
        settings["Encryption:MasterKeyFile"] = masterKeyFile ?? _fleet.MasterKeyFile;
        return settings;
    }

    private Task<string> DatabaseAsTextAsync() => _fleet!.TablesAsTextAsync("pseudonyms", "api_keys");

    private static async Task<HttpStatusCode> ChatStatusAsync(HttpClient http, string text)
    {
        using var response = await http.SendAsync(ChatRequest(text), Cancel);
        return response.StatusCode;
    }

    private static async Task<string?> ChatAsync(HttpClient http, string text)
    {
        using var response = await http.SendAsync(ChatRequest(text), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
    }

    private static HttpRequestMessage ChatRequest(string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Caduceus-Conversation-Id", "shared");
        return request;
    }
}
