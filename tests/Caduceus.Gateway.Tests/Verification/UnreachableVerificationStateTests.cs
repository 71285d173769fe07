using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Verification;
using Caduceus.TestModel;
using Microsoft.Extensions.DependencyInjection;
using static Caduceus.Gateway.Tests.Verification.VerificationFixture;

namespace Caduceus.Gateway.Tests.Verification;

/// <summary>When the shared verification state cannot be reached, nobody counts as verified and the refusal says why.</summary>
public sealed class UnreachableVerificationStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answers_withhold_the_patients_PHI_when_the_verification_state_is_unreachable()
    {
        var script = new TestModelScript();
        script.Rules.Add(new TestModelRule { Match = "^my record$", Reply = $"Maria Lopez, your record number is {MariaMrn}." });
        var (harness, _) = await StartAsync(script, configureServices: services => services.AddSingleton<IVerificationStateStore, UnreachableVerificationStateStore>());
        await using var _h = harness;

        using var response = await harness.Http.SendAsync(Chat("call-down", "my record"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain(MariaMrn, answer, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("treated as unverified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verification_requests_get_a_503_that_says_the_state_is_unreachable()
    {
        var (harness, codes) = await StartAsync(new TestModelScript(), configureServices: services => services.AddSingleton<IVerificationStateStore, UnreachableVerificationStateStore>());
        await using var _h = harness;
        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, "v1/verification");
        statusRequest.Headers.Add("X-Caduceus-Conversation-Id", "call-down");

        using var start = await harness.Http.SendAsync(Post("v1/verification", "call-down", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);
        using var confirm = await harness.Http.SendAsync(Post("v1/verification/code", "call-down", new { code = "123456" }), Cancel);
        using var status = await harness.Http.SendAsync(statusRequest, Cancel);

        foreach (var response in new[] { start, confirm, status })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["error"]!;
            Assert.Equal("verification_unavailable", error["code"]!.GetValue<string>());
            Assert.Contains("cannot be reached", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(0, codes.Sent);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("Lopez", StringComparison.Ordinal));
    }
}
