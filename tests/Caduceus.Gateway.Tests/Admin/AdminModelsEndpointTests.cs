using System.Net;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Admin;

/// <summary><c>/admin/models</c> over real HTTP: MFA-gated, changes need a step-up, bad input changes nothing.</summary>
public sealed class AdminModelsEndpointTests
{
    private const string NewModel =
        """{"application":"default","model":"meta-llama/Llama-3.1-8B","version":"3.1","owner":"ml-team","intended_use":"triage","phi_allowed":false,"risk_tier":"high","last_reviewed":"2026-01-15"}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_shows_updates_and_removes_a_model_and_each_change_is_an_event()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        using var person = await AdminPerson.SignedInAsync(harness);

        using var created = await person.Http.PostAsync("admin/models", Requests.Json(NewModel), Cancel);
        using var shown = await person.Http.GetAsync("admin/models/default/meta-llama/Llama-3.1-8B", Cancel);
        using var updated = await person.Http.PatchAsync("admin/models/default/meta-llama/Llama-3.1-8B", Requests.Json("""{"risk_tier":"medium"}"""), Cancel);
        using var listed = await person.Http.GetAsync("admin/models", Cancel);
        using var removed = await person.Http.DeleteAsync("admin/models/default/meta-llama/Llama-3.1-8B", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("high", (await Requests.BodyAsync(shown)).GetProperty("risk_tier").GetString());
        Assert.Equal("medium", (await Requests.BodyAsync(updated)).GetProperty("risk_tier").GetString());
        Assert.Equal(2, (await Requests.BodyAsync(listed)).GetProperty("models").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await harness.Models.GetAsync("default", "meta-llama/Llama-3.1-8B", Cancel));
        var changes = harness.Events.Snapshot().Where(e => e.Type == ModelInventoryCodes.InventoryChangedEvent).ToArray();
        Assert.Equal(["added", "updated", "removed"], changes.Select(e => e.Code));
        Assert.All(changes, e => Assert.Equal(person.KeyId, e.Principal));
    }

    [Theory]
    [InlineData("""{"application":"default","model":"x","owner":"o","intended_use":"u","phi_allowed":true,"risk_tier":"severe","last_reviewed":"2026-01-15"}""", "invalid_request")]
    [InlineData("""{"application":"default","model":"x","owner":"o","intended_use":"u","phi_allowed":true,"risk_tier":"low","last_reviewed":"yesterday"}""", "invalid_request")]
    [InlineData("""{"application":"default","model":"x","owner":"o","intended_use":"u","risk_tier":"low","last_reviewed":"2026-01-15"}""", "invalid_request")]
    [InlineData("""{"application":"default","model":"x","owner":"o","intended_use":"u","phi_allowed":true,"risk_tier":"low","last_reviewed":"2026-01-15","tier":"low"}""", "invalid_request")]
    [InlineData("""{"application":"default","model":"caduceus-test-model","owner":"o","intended_use":"u","phi_allowed":true,"risk_tier":"low","last_reviewed":"2026-01-15"}""", "model_conflict")]
    [InlineData("""{"application":"default","model":"x","owner":"o","intended_use":"u","phi_allowed":true,"risk_tier":"low","last_reviewed":"2026-01-15","default":true}""", "model_conflict")]
    public async Task Bad_or_conflicting_entries_are_refused_with_a_problem_and_change_nothing(string body, string code)
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        using var person = await AdminPerson.SignedInAsync(harness);

        using var response = await person.Http.PostAsync("admin/models", Requests.Json(body), Cancel);

        await Problems.AssertAsync(response, code == "model_conflict" ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest, code);
        var only = Assert.Single(await harness.Models.ListAsync(Cancel));
        Assert.Equal(("caduceus-test-model", "caduceus"), (only.Model, only.Owner));
    }

    [Fact]
    public async Task Changes_need_a_step_up_and_reads_do_not()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock), seedTestModels: false);
        using var person = await AdminPerson.SignedInAsync(harness, clock);
        clock.Advance(TimeSpan.FromMinutes(6));

        using var read = await person.Http.GetAsync("admin/models", Cancel);
        using var removal = await person.Http.DeleteAsync("admin/models/default/caduceus-test-model", Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Problems.AssertAsync(removal, HttpStatusCode.Unauthorized, "step_up_required");
        Assert.Single(await harness.Models.ListAsync(Cancel));
    }

    [Fact]
    public async Task A_key_without_the_admin_role_cannot_touch_the_inventory()
    {
        await using var harness = await GatewayHarness.StartAsync(seedTestModels: false);
        var clinician = await harness.CreateKeyAsync(CallerRoles.Clinician);
        using var client = harness.HttpWithKey(clinician.Secret);

        using var response = await client.PostAsync("admin/models", Requests.Json(NewModel), Cancel);

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
        Assert.Single(await harness.Models.ListAsync(Cancel));
    }
}
