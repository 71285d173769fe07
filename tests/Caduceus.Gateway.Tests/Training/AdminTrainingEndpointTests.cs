using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

/// <summary><c>/admin/training</c> over real HTTP: changes are evented and audited, bad input changes nothing.</summary>
public sealed class AdminTrainingEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_registers_a_colleague_records_a_completion_and_sees_them_overdue_on_the_rest()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var added = await person.Http.PutAsync(
            "admin/training/people", Requests.Json("""{"id":"console:bob","display_name":"Bob Jones","roles":["clinician"]}"""), Cancel);
        using var updated = await person.Http.PutAsync(
            "admin/training/people", Requests.Json("""{"id":"console:bob","display_name":"Bob Jones","roles":["clinician","security"]}"""), Cancel);
        using var recorded = await person.Http.PostAsync(
            "admin/training/completions", Requests.Json("""{"person":"console:bob","course":"phishing","completed_on":"2026-01-10","evidence":"LMS 4411"}"""), Cancel);
        using var report = await person.Http.GetAsync("admin/training/report?as_of=2026-02-01", Cancel);
        using var people = await person.Http.GetAsync("admin/training/people", Cancel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (added.StatusCode, updated.StatusCode));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("2026-07-09", (await Requests.BodyAsync(recorded)).GetProperty("expires_on").GetString());
        var listed = Assert.Single((await Requests.BodyAsync(report)).GetProperty("people").EnumerateArray());
        Assert.Equal("console:bob", listed.GetProperty("id").GetString());
        Assert.True(listed.GetProperty("overdue").GetBoolean());
        Assert.Equal(["hipaa-security-awareness", "ai-safe-use"], listed.GetProperty("courses").EnumerateArray().Select(c => c.GetProperty("course").GetString()));
        Assert.Equal(["security", "clinician"], Assert.Single((await Requests.BodyAsync(people)).GetProperty("people").EnumerateArray())
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var changes = harness.Events.Snapshot().Where(e => e.Type == TrainingCodes.ChangedEvent).ToArray();
        Assert.Equal([TrainingCodes.PersonAdded, TrainingCodes.PersonUpdated, TrainingCodes.CompletionRecorded], changes.Select(e => e.Code));
        Assert.All(changes, e => Assert.Equal(person.KeyId, e.Principal));
        var audited = (await TrainingHarness.AuditRecordsAsync(harness)).Where(r => r.Kind == TrainingCodes.AuditKind).ToArray();
        Assert.Equal(["training/people/console:bob", "training/people/console:bob", "training/people/console:bob/completions/phishing"], audited.Select(r => r.Route));
        Assert.All(audited, r => Assert.Equal(person.KeyId, r.KeyId));
        var trail = string.Join('\n', (await TrainingHarness.AuditRecordsAsync(harness)).Select(r => System.Text.Encoding.UTF8.GetString(r.ToCanonicalJson(0))));
        Assert.DoesNotContain("Bob Jones", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("LMS 4411", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_may_not_record_their_own_training()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);
        await TrainingHarness.RegisterAsync(harness, person.KeyId);

        using var response = await person.Http.PostAsync(
            "admin/training/completions", Requests.Json($$"""{"person":"{{person.KeyId}}","course":"phishing"}"""), Cancel);

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden, TrainingCodes.SelfAttestationRefused);
        Assert.Empty(await TrainingHarness.Store(harness).ListCompletionsAsync(null, Cancel));
    }

    [Theory]
    [InlineData("admin/training/people", """{"id":"console:eve","display_name":"Eve","roles":["nurse"]}""", 400, "invalid_request")]
    [InlineData("admin/training/people", """{"id":"console:eve","display_name":"Eve","roles":["admin"],"ssn":"536-22-1843"}""", 400, "invalid_request")]
    [InlineData("admin/training/completions", """{"person":"console:bob","course":"knitting"}""", 400, "invalid_request")]
    [InlineData("admin/training/completions", """{"person":"console:bob","course":"phishing","completed_on":"2999-01-01"}""", 400, "invalid_request")]
    [InlineData("admin/training/completions", """{"person":"console:nobody","course":"phishing"}""", 404, "not_found")]
    [InlineData("admin/training/completions", """{"person":"console:bob","course":"phishing","evidence":"cert for pt SSN 536-22-1843"}""", 400, "invalid_request")]
    public async Task Bad_input_is_refused_with_a_problem_and_changes_nothing(string path, string body, int status, string code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);
        await TrainingHarness.RegisterAsync(harness, "console:bob");

        using var response = path.EndsWith("people", StringComparison.Ordinal)
            ? await person.Http.PutAsync(path, Requests.Json(body), Cancel)
            : await person.Http.PostAsync(path, Requests.Json(body), Cancel);

        var problem = await Problems.AssertAsync(response, (HttpStatusCode)status, code);
        Assert.DoesNotContain("536-22-1843", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("536-22-1843", StringComparison.Ordinal));
        var trail = string.Join('\n', (await TrainingHarness.AuditRecordsAsync(harness)).Select(r => System.Text.Encoding.UTF8.GetString(r.ToCanonicalJson(0))));
        Assert.DoesNotContain("536-22-1843", trail, StringComparison.Ordinal);
        Assert.Equal(["console:bob"], (await TrainingHarness.Store(harness).ListPeopleAsync(Cancel)).Select(p => p.Id));
        Assert.Empty(await TrainingHarness.Store(harness).ListCompletionsAsync(null, Cancel));
        Assert.DoesNotContain(harness.Events.Snapshot(), e => e.Type == TrainingCodes.ChangedEvent);
    }

    [Fact]
    public async Task A_report_with_a_malformed_date_is_a_400()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var response = await person.Http.GetAsync("admin/training/report?as_of=yesterday", Cancel);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
