using System.Net;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Models;

/// <summary>The inventory in the request path: unlisted models refused, defaults, PHI-free models, overdue reviews.</summary>
public sealed class ModelInventoryStageTests
{
    private const string Ssn = "536-22-1843";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ChatAsync(GatewayHarness harness, string? model, string content = "hello")
    {
        var modelField = model is null ? string.Empty : $"\"model\":{JsonSerializer.Serialize(model)},";
        return harness.Http.PostAsync(
            "v1/chat/completions", Requests.Json($$"""{{{modelField}}"messages":[{"role":"user","content":{{JsonSerializer.Serialize(content)}}}]}"""), Cancel);
    }

    [Fact]
    public async Task A_fresh_gateway_seeds_the_test_model_as_default_and_answers_without_a_model_field()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);

        var entries = await harness.Models.ListAsync(Cancel);
        using var named = await ChatAsync(harness, "caduceus-test-model");
        using var unnamed = await ChatAsync(harness, null);

        var seeded = Assert.Single(entries);
        Assert.Equal(("default", "caduceus-test-model", true), (seeded.Application, seeded.Model, seeded.IsDefault));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode);
    }

    [Fact]
    public async Task A_model_not_in_the_inventory_is_refused_with_an_event_and_an_audited_refusal()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);

        using var response = await ChatAsync(harness, "gpt-unlisted");
        var body = await Requests.BodyAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ModelInventoryCodes.ModelNotInInventory, body.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("gpt-unlisted", body.ToString(), StringComparison.Ordinal);
        var refused = Assert.Single(harness.Events.Snapshot(), e => e.Code == ModelInventoryCodes.ModelNotInInventory);
        Assert.Equal(SecurityEventTypes.RequestBlocked, refused.Type);
        Assert.Equal(refused.Id, body.GetProperty("error").GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task An_application_without_a_default_model_refuses_requests_that_name_none()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        await harness.Models.UpdateAsync("default", "caduceus-test-model", new ModelEntryChange { IsDefault = false }, Cancel);

        using var response = await Requests.ChatUntilAsync(harness.Http, HttpStatusCode.Forbidden, TimeSpan.FromSeconds(3));

        Assert.Equal(ModelInventoryCodes.ModelNotInInventory, (await Requests.BodyAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_added_model_is_usable_and_a_removed_one_refused_within_a_second()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        using (var before = await ChatAsync(harness, "clinic-model"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        await harness.Models.AddAsync(GatewayHarness.TestModelEntry("default", "clinic-model"), Cancel);
        await WaitForStatusAsync(harness, "clinic-model", HttpStatusCode.OK);
        await harness.Models.RemoveAsync("default", "clinic-model", Cancel);
        await WaitForStatusAsync(harness, "clinic-model", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Phi_never_reaches_a_model_the_inventory_keeps_free_of_phi_even_when_policy_would_redact()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        await harness.Models.AddAsync(GatewayHarness.TestModelEntry("default", "no-phi-model", phiAllowed: false), Cancel);

        using var withPhi = await ChatAsync(harness, "no-phi-model", $"My SSN is {Ssn}, please update my chart");
        using var withoutPhi = await ChatAsync(harness, "no-phi-model", "What time does the clinic open?");
        var body = await Requests.BodyAsync(withPhi);

        Assert.Equal(HttpStatusCode.Forbidden, withPhi.StatusCode);
        Assert.Equal(ModelInventoryCodes.PhiNotAllowedForModel, body.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain(Ssn, body.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutPhi.StatusCode);
        var refused = Assert.Single(harness.Events.Snapshot(), e => e.Code == ModelInventoryCodes.PhiNotAllowedForModel);
        Assert.True(refused.EntityCounts.ContainsKey("SSN"));
        Assert.DoesNotContain(harness.Logs.Lines, m => m.Contains(Ssn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overdue_review_warns_once_and_does_not_refuse()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        await harness.Models.AddAsync(
            GatewayHarness.TestModelEntry("default", "old-model") with { LastReviewed = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2) }, Cancel);

        using var first = await ChatAsync(harness, "old-model");
        using var second = await ChatAsync(harness, "old-model");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(harness.Events.Snapshot(), e => e.Type == ModelInventoryCodes.ReviewOverdueEvent);
    }

    [Fact]
    public async Task A_model_field_that_is_not_a_string_is_a_bad_request()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);

        using var response = await harness.Http.PostAsync(
            "v1/chat/completions", Requests.Json("""{"model":42,"messages":[{"role":"user","content":"hi"}]}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task WaitForStatusAsync(GatewayHarness harness, string model, HttpStatusCode expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await ChatAsync(harness, model);
            if (response.StatusCode == expected)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"still no {(int)expected} after {clock.Elapsed.TotalMilliseconds:0} ms");
            await Task.Delay(25, Cancel);
        }
    }
}
