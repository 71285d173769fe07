using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>Admin actions over real HTTP with training enforced: lapsed people are refused and audited, trained people act.</summary>
public sealed class AdminTrainingGateTests
{
    private const string NewKey = """{"application":"default","roles":["clinician"]}""";

    private static readonly Dictionary<string, string?> Enforced = new() { ["Training:EnforceForAdminActions"] = "true" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_whose_training_lapsed_is_refused_a_change_naming_the_overdue_courses_with_an_event_and_an_audit_record()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Enforced);
        using var person = await AdminPerson.SignedInAsync(harness);
        await TrainingHarness.RegisterAsync(harness, person.KeyId);
        await TrainingHarness.CompleteAsync(harness, person.KeyId, daysAgo: 400, skip: "phishing");
        var keysBefore = (await harness.Keys.ListAsync(Cancel)).Count;

        using var refused = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);
        using var read = await person.Http.GetAsync("admin/keys", Cancel);

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.Forbidden, TrainingCodes.TrainingLapsed);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("hipaa-security-awareness (expired ", detail, StringComparison.Ordinal);
        Assert.Contains("ai-safe-use (expired ", detail, StringComparison.Ordinal);
        Assert.Contains("phishing (never completed)", detail, StringComparison.Ordinal);
        Assert.Equal(keysBefore, (await harness.Keys.ListAsync(Cancel)).Count);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var lapsed = Assert.Single(harness.Events.Snapshot(), e => e.Type == TrainingCodes.LapsedEvent);
        Assert.Equal((person.KeyId, "hipaa-security-awareness,ai-safe-use,phishing"), (lapsed.Principal, lapsed.Code));
        Assert.Equal(lapsed.Id, problem.GetProperty("event_id").GetString());
        var audited = Assert.Single(await TrainingHarness.AuditRecordsAsync(harness), r => r.Code == TrainingCodes.TrainingLapsed);
        Assert.Equal((403, "refused", person.KeyId, "/admin/keys"), (audited.Status, audited.Decision, audited.KeyId, audited.Route));
        Assert.Contains(lapsed.Id, audited.EventIds);
    }

    [Fact]
    public async Task An_admin_with_current_training_is_let_through()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Enforced);
        using var person = await AdminPerson.SignedInAsync(harness);
        await TrainingHarness.RegisterAsync(harness, person.KeyId);
        await TrainingHarness.CompleteAsync(harness, person.KeyId, daysAgo: 10);

        using var created = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(harness.Events.Snapshot(), e => e.Type == TrainingCodes.LapsedEvent);
    }

    [Fact]
    public async Task Unset_enforcement_starts_once_the_register_holds_anyone_and_then_holds_unregistered_admins_to_it()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var beforeAnyRecords = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);
        await TrainingHarness.RegisterAsync(harness, "console:colleague");
        using var afterFirstRecord = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);

        Assert.Equal(HttpStatusCode.Created, beforeAnyRecords.StatusCode);
        var problem = await Problems.AssertAsync(afterFirstRecord, HttpStatusCode.Forbidden, TrainingCodes.TrainingLapsed);
        Assert.Contains("hipaa-security-awareness (never completed)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforcement_turned_off_lets_a_lapsed_admin_act()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Training:EnforceForAdminActions"] = "false" });
        using var person = await AdminPerson.SignedInAsync(harness);
        await TrainingHarness.RegisterAsync(harness, person.KeyId);

        using var created = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
