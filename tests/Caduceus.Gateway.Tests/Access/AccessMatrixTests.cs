using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Access;

/// <summary>Roles × purpose of use × entity types: what reaches the model and what is restored, through the echo model.</summary>
public sealed class AccessMatrixTests
{
    private const string Message = "Patient Maria Lopez, SSN 123-45-6789, asks about her refill.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Matrix(string requestPhiAction) => new()
    {
        ["Applications:default:Policy:Request:Phi"] = requestPhiAction,
        ["Applications:default:Policy:Response:Phi"] = "Allow",
        ["Applications:default:Policy:RestorePseudonyms"] = "true",
        ["Applications:default:Access:clinician:treatment:Send:0"] = "NAME",
        ["Applications:default:Access:clinician:treatment:Reidentify:0"] = "NAME",
        ["Applications:default:Access:billing:payment:Reidentify:0"] = "SSN",
    };

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ChatAsync(GatewayHarness harness, string role, string? purpose)
    {
        var key = await harness.CreateKeyAsync(role);
        using var client = harness.AnonymousHttp();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new JsonObject { ["model"] = "m", ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = Message } } }),
        };
        if (purpose is not null)
        {
            request.Headers.Add("X-Caduceus-Purpose-Of-Use", purpose);
        }

        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!);
    }

    private static string Answer(JsonObject body) => body["choices"]![0]!["message"]!["content"]!.GetValue<string>();

    [Fact]
    public async Task Only_the_types_granted_for_the_role_and_purpose_reach_the_model()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Matrix("Allow"));

        var clinician = await ChatAsync(harness, CallerRoles.Clinician, "treatment");
        var billing = await ChatAsync(harness, CallerRoles.Billing, "payment");

        Assert.Equal(HttpStatusCode.OK, clinician.Status);
        Assert.Contains("Maria Lopez", Answer(clinician.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", Answer(clinician.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, billing.Status);
        Assert.DoesNotContain("Lopez", Answer(billing.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", Answer(billing.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_identification_restores_only_the_types_granted()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Matrix("Pseudonymize"));

        var clinician = Answer((await ChatAsync(harness, CallerRoles.Clinician, "treatment")).Body);
        var billing = Answer((await ChatAsync(harness, CallerRoles.Billing, "payment")).Body);

        Assert.Contains("Maria Lopez", clinician, StringComparison.Ordinal);
        Assert.Contains("<SSN_1>", clinician, StringComparison.Ordinal);
        Assert.Contains("123-45-6789", billing, StringComparison.Ordinal);
        Assert.Contains("<NAME_1>", billing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purpose_no_role_is_granted_is_refused_and_a_missing_purpose_is_a_bad_request()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Matrix("Allow"));

        var operations = await ChatAsync(harness, CallerRoles.Clinician, "operations");
        var wrongRole = await ChatAsync(harness, CallerRoles.FrontDesk, "treatment");
        var missing = await ChatAsync(harness, CallerRoles.Clinician, null);
        var unknown = await ChatAsync(harness, CallerRoles.Clinician, "curiosity");

        Assert.Equal(HttpStatusCode.Forbidden, operations.Status);
        Assert.Equal("purpose_not_allowed", operations.Body["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(2, harness.Events.Snapshot().Count(e => e.Type == SecurityEventTypes.AuthorizationDenied && e.Code == "purpose_not_allowed"));
    }
}
