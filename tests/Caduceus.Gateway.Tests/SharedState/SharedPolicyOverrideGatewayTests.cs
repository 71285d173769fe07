using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>A console policy override on two gateway instances sharing one PostgreSQL database, over real HTTP.</summary>
public sealed class SharedPolicyOverrideGatewayTests : IAsyncLifetime
{
    private const string Message = $"Please update my chart, my SSN is {VaultTestData.Ssn}.";
    private const string RedactEverything = "Request.Phi = Redact\nResponse.Phi = Redact\n";

    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task An_override_saved_through_one_instance_applies_to_requests_on_the_other_within_a_second()
    {
        var settings = _fleet!.Settings(new Dictionary<string, string?>
        {
            ["Applications:default:Policy:Request:Entities:SSN"] = "Allow",
            ["Applications:default:Policy:Response:Entities:SSN"] = "Allow",
        });
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);
        using var throughSecond = second.HttpWithKey(first.ApiKey);
        Assert.Contains(VaultTestData.Ssn, await EchoAsync(throughSecond), StringComparison.Ordinal);

        // What the console does on a save: write through the store, then drop this instance's cached policies.
        var change = new PolicyChange("default", "alice@example.org", DateTimeOffset.UtcNow, "before", PolicyText.Hash(RedactEverything), "+ Request.Phi = Redact");
        Assert.True(await first.Services.GetRequiredService<IPolicyOverrideStore>().SaveAsync(change, null, RedactEverything, Cancel));
        first.Services.GetRequiredService<EffectivePolicies>().Invalidate();
        var clock = Stopwatch.StartNew();

        Assert.DoesNotContain(VaultTestData.Ssn, await EchoAsync(first.Http), StringComparison.Ordinal);
        TimeSpan sent;
        do
        {
            // Measured from when each request was sent, so a slow answer on a busy machine does not count as staleness.
            sent = clock.Elapsed;
            if (!(await EchoAsync(throughSecond)).Contains(VaultTestData.Ssn, StringComparison.Ordinal))
            {
                break;
            }

            Assert.True(sent < TimeSpan.FromMilliseconds(1500), $"a request sent {sent.TotalMilliseconds:0} ms after the save still ran under the old policy");
            await Task.Delay(25, Cancel);
        }
        while (true);

        TestContext.Current.SendDiagnosticMessage($"first request under the override on the second instance was sent {sent.TotalMilliseconds:0} ms after the save");
        var history = await second.Services.GetRequiredService<IPolicyOverrideStore>().RecentChangesAsync(10, Cancel);
        Assert.Equal("alice@example.org", Assert.Single(history).ChangedBy);
    }

    private static async Task<string> EchoAsync(HttpClient http)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = Message } } }), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }
}
