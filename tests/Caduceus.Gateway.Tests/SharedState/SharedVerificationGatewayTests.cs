using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Tests.Incidents;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Verification;
using Caduceus.TestModel;
using Microsoft.Extensions.DependencyInjection;
using static Caduceus.Gateway.Tests.Verification.VerificationFixture;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>Caller verification on two gateway instances sharing one PostgreSQL database, over real HTTP.</summary>
public sealed class SharedVerificationGatewayTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task A_caller_verified_through_one_instance_gets_their_PHI_through_the_other()
    {
        var (first, firstCodes, second, _) = await StartPairAsync();
        await using var _f = first;
        await using var _s = second;
        using var throughSecond = second.HttpWithKey(first.ApiKey);

        // Details given to the first instance, the code read back to the second: the code's hash must be comparable there.
        using var start = await first.Http.SendAsync(Post("v1/verification", "call-shared", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);
        var code = firstCodes.CodeFor(MariaId);
        using var confirm = await throughSecond.SendAsync(Post("v1/verification/code", "call-shared", new { code }), Cancel);

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains(MariaMrn, await AnswerAsync(throughSecond, "call-shared"), StringComparison.Ordinal);
        Assert.DoesNotContain(MariaMrn, await AnswerAsync(throughSecond, "call-other"), StringComparison.Ordinal);

        var stored = await VerificationTablesAsTextAsync();
        Assert.Contains(MariaId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("call-shared", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Lopez", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_attempts_spread_over_both_instances_lock_after_the_limit_in_total()
    {
        var (first, _, second, _) = await StartPairAsync();
        await using var _f = first;
        await using var _s = second;
        using var throughSecond = second.HttpWithKey(first.ApiKey);
        var wrong = new { name = MariaName, date_of_birth = "1962-03-15" };

        // The fixture allows three failures: two on the first instance and one on the second make three.
        using var one = await first.Http.SendAsync(Post("v1/verification", "call-guess", wrong), Cancel);
        using var two = await throughSecond.SendAsync(Post("v1/verification", "call-guess", wrong), Cancel);
        using var three = await first.Http.SendAsync(Post("v1/verification", "call-guess", wrong), Cancel);
        using var rightButLocked = await throughSecond.SendAsync(Post("v1/verification", "call-guess", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, two.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLocked.StatusCode);
        Assert.Equal("verification_locked", await ErrorCodeAsync(rightButLocked, Cancel));
        Assert.NotNull(rightButLocked.Headers.RetryAfter);
    }

    [Fact]
    public async Task Forced_reverification_ordered_on_one_instance_holds_on_both_until_the_caller_verifies_again()
    {
        var (first, firstCodes, second, secondCodes) = await StartPairAsync(shareDataDirectory: true);
        await using var _f = first;
        await using var _s = second;
        using var throughSecond = second.HttpWithKey(first.ApiKey);
        await VerifyAsMariaAsync(first, firstCodes, "call-again", Cancel);
        Assert.Contains(MariaMrn, await AnswerAsync(throughSecond, "call-again"), StringComparison.Ordinal);

        using var admin = (await AdminPerson.SignedInAsync(first)).Http;
        var incident = await ManualIncidents.CreateAsync(first);
        using var ordered = await admin.PostAsync($"admin/incidents/{incident.Id}/actions", Requests.Json("""{"action":"force_reverification"}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.DoesNotContain(MariaMrn, await AnswerAsync(first.Http, "call-again"), StringComparison.Ordinal);
        await AssertWithheldWithinAsync(throughSecond, "call-again");

        await Task.Delay(5, Cancel);
        using (var start = await throughSecond.SendAsync(Post("v1/verification", "call-again", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        using (var confirm = await throughSecond.SendAsync(Post("v1/verification/code", "call-again", new { code = secondCodes.CodeFor(MariaId) }), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        Assert.Contains(MariaMrn, await AnswerAsync(first.Http, "call-again"), StringComparison.Ordinal);
    }

    private async Task<(GatewayHarness First, CapturingCodeSender FirstCodes, GatewayHarness Second, CapturingCodeSender SecondCodes)> StartPairAsync(bool shareDataDirectory = false)
    {
        var script = new TestModelScript();
        script.Rules.Add(new TestModelRule { Match = "^my record$", Reply = $"Maria Lopez, your record number is {MariaMrn}." });
        var settings = _fleet!.Settings();
        var (first, firstCodes) = await StartAsync(script, settings);
        if (shareDataDirectory)
        {
            // Containment blocks live in the data directory's database; sharing it shares the incident's order.
            settings["DataDirectory"] = Path.Combine(first.DataDirectory, "data");
        }

        var (second, secondCodes) = await StartAsync(script, settings);
        return (first, firstCodes, second, secondCodes);
    }

    private static async Task AssertWithheldWithinAsync(HttpClient http, string conversation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await AnswerAsync(http, conversation)).Contains(MariaMrn, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), "the other instance still disclosed the PHI after the order");
            await Task.Delay(25, Cancel);
        }
    }

    private static async Task<string> AnswerAsync(HttpClient http, string conversation)
    {
        using var response = await http.SendAsync(Chat(conversation, "my record"), Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
    }

    private Task<string> VerificationTablesAsTextAsync() => _fleet!.TablesAsTextAsync("verification_states", "verification_failures");
}
