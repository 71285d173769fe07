using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using static Caduceus.Gateway.Tests.Verification.VerificationFixture;

namespace Caduceus.Gateway.Tests.Verification;

public sealed class CallerVerificationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TestModelScript AnswerScript()
    {
        var script = new TestModelScript();
        script.Rules.Add(new TestModelRule { Match = "^my record$", Reply = $"Maria Lopez, the phone we have is {MariaPhone} and your record number is {MariaMrn}. Call us at {ClinicPhone}." });
        script.Rules.Add(new TestModelRule { Match = "^other record$", Reply = $"John Carter has record number {OtherMrn}." });
        script.Rules.Add(new TestModelRule { Match = "^hours$", Reply = $"We are open 8 to 5; call {ClinicPhone}." });
        return script;
    }

    [Fact]
    public async Task Before_verification_the_patients_PHI_is_redacted_and_public_values_pass()
    {
        var (harness, _) = await StartAsync(AnswerScript());
        await using var _h = harness;

        using var response = await harness.Http.SendAsync(Chat("call-1", "my record"), Cancel);

        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("Lopez", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("201-3344", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("00123456", answer, StringComparison.Ordinal);
        Assert.Contains(ClinicPhone, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unverified_callers_get_a_refusal_when_the_application_blocks()
    {
        var (harness, _) = await StartAsync(AnswerScript(), new Dictionary<string, string?> { ["Applications:default:CallerVerification:Unverified"] = "Block" });
        await using var _h = harness;

        using var response = await harness.Http.SendAsync(Chat("call-1", "my record"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("caller_not_verified", await ErrorCodeAsync(response, Cancel));
        using var hours = await harness.Http.SendAsync(Chat("call-1", "hours"), Cancel);
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
    }

    [Fact]
    public async Task A_verified_caller_gets_their_own_PHI_but_never_another_patients()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-2", Cancel);

        using var own = await harness.Http.SendAsync(Chat("call-2", "my record"), Cancel);
        using var other = await harness.Http.SendAsync(Chat("call-2", "other record"), Cancel);
        using var otherConversation = await harness.Http.SendAsync(Chat("call-3", "my record"), Cancel);

        own.EnsureSuccessStatusCode();
        var answer = (await own.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.Contains("Maria Lopez", answer, StringComparison.Ordinal);
        Assert.Contains(MariaPhone, answer, StringComparison.Ordinal);
        Assert.Contains(MariaMrn, answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("other_patient_phi", await ErrorCodeAsync(other, Cancel));
        var unverified = (await otherConversation.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("Lopez", unverified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streamed_answers_are_held_to_the_same_rules()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-4", Cancel);

        using var other = await harness.Http.SendAsync(Chat("call-4", "other record", stream: true), Cancel);
        var events = await other.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("other_patient_phi", events, StringComparison.Ordinal);
        Assert.DoesNotContain("77123456", events, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_follows_the_conversation_through_code_and_verification()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;

        using var start = await harness.Http.SendAsync(Post("v1/verification", "call-5", new { name = "maria  LOPEZ", date_of_birth = MariaBirthDate }), Cancel);
        var started = await start.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        using var confirm = await harness.Http.SendAsync(Post("v1/verification/code", "call-5", new { code = codes.CodeFor(MariaId) }), Cancel);
        var confirmed = await confirm.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, "v1/verification");
        statusRequest.Headers.Add("X-Caduceus-Conversation-Id", "call-5");
        using var status = await harness.Http.SendAsync(statusRequest, Cancel);

        Assert.Equal("code_sent", started!["status"]!.GetValue<string>());
        Assert.Null(started["patient_id"]);
        Assert.Equal("verified", confirmed!["status"]!.GetValue<string>());
        Assert.Equal(MariaId, confirmed["patient_id"]!.GetValue<string>());
        Assert.Equal("verified", (await status.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["status"]!.GetValue<string>());
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.VerificationSucceeded);
    }

    [Fact]
    public async Task Wrong_details_fail_without_saying_which_and_lock_out_after_the_limit()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;

        using var wrongBirthDate = await harness.Http.SendAsync(Post("v1/verification", "call-6", new { name = MariaName, date_of_birth = "1962-03-15" }), Cancel);
        using var unknownName = await harness.Http.SendAsync(Post("v1/verification", "call-6", new { name = "Nobody Known", date_of_birth = MariaBirthDate }), Cancel);
        using var third = await harness.Http.SendAsync(Post("v1/verification", "call-6", new { name = "Nobody Known", date_of_birth = MariaBirthDate }), Cancel);
        using var rightButLocked = await harness.Http.SendAsync(Post("v1/verification", "call-6", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, wrongBirthDate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknownName.StatusCode);
        Assert.Equal(await wrongBirthDate.Content.ReadFromJsonAsync<JsonObject>(Cancel) is { } a ? a["error"]!["message"]!.GetValue<string>() : null,
            await unknownName.Content.ReadFromJsonAsync<JsonObject>(Cancel) is { } b ? b["error"]!["message"]!.GetValue<string>() : null);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal((HttpStatusCode)429, rightButLocked.StatusCode);
        Assert.NotNull(rightButLocked.Headers.RetryAfter);
        Assert.Equal(0, codes.Sent);
        var events = harness.Events.Snapshot();
        Assert.Equal(2, events.Count(e => e.Type == SecurityEventTypes.VerificationFailed));
        Assert.Contains(events, e => e.Type == SecurityEventTypes.VerificationLocked);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("Lopez", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("1962", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_code_ends_the_pending_verification()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;
        using var start = await harness.Http.SendAsync(Post("v1/verification", "call-7", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);
        var code = codes.CodeFor(MariaId);
        var wrong = code == "000000" ? "000001" : "000000";

        using var wrongCode = await harness.Http.SendAsync(Post("v1/verification/code", "call-7", new { code = wrong }), Cancel);
        using var rightCodeTooLate = await harness.Http.SendAsync(Post("v1/verification/code", "call-7", new { code }), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rightCodeTooLate.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"Maria Lopez"}""")]
    [InlineData("""{"name":"Maria Lopez","date_of_birth":"03/14/1962"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""not json""")]
    public async Task Malformed_requests_get_a_clear_400(string body)
    {
        var (harness, _) = await StartAsync(AnswerScript());
        await using var _h = harness;
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/verification") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Caduceus-Conversation-Id", "call-8");

        using var response = await harness.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await ErrorCodeAsync(response, Cancel));
    }

    [Fact]
    public async Task Verification_needs_a_conversation_and_credentials()
    {
        var (harness, _) = await StartAsync(AnswerScript());
        await using var _h = harness;
        using var anonymous = harness.AnonymousHttp();

        using var withoutConversation = await harness.Http.PostAsJsonAsync("v1/verification", new { name = MariaName, date_of_birth = MariaBirthDate }, Cancel);
        using var withoutKey = await anonymous.SendAsync(Post("v1/verification", "call-9", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, withoutConversation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_for_one_patient_from_many_conversations_and_addresses_lock_that_patient()
    {
        var (harness, codes) = await StartAsync(AnswerScript());
        await using var _h = harness;

        for (var i = 0; i < 3; i++)
        {
            using var client = FromAddress(harness, $"127.0.0.{i + 2}");
            using var start = await client.SendAsync(Post("v1/verification", $"call-p{i}", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            var wrong = codes.CodeFor(MariaId) == "000000" ? "000001" : "000000";
            using var guess = await client.SendAsync(Post("v1/verification/code", $"call-p{i}", new { code = wrong }), Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, guess.StatusCode);
        }

        using var fresh = FromAddress(harness, "127.0.0.9");
        using var locked = await fresh.SendAsync(Post("v1/verification", "call-p9", new { name = MariaName, date_of_birth = MariaBirthDate }), Cancel);

        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Equal(3, codes.Sent);
    }

    // A client whose connections come from another loopback address, so that per-address limits do not interfere.
    private static HttpClient FromAddress(GatewayHarness harness, string address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = harness.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", harness.ApiKey);
        return client;
    }
}
