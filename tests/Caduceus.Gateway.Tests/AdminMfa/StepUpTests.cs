using System.Net;
using Caduceus.Events;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>Dangerous admin actions need a second-factor proof from the last five minutes, not just an open session.</summary>
public sealed class StepUpTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Revoking_a_key_needs_a_fresh_proof_and_a_step_up_gives_one()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.SignedInAsync(harness, clock);
        var target = await harness.CreateKeyAsync(CallerRoles.Clinician);

        clock.Advance(TimeSpan.FromMinutes(4));
        using (var readsNeedNoStepUp = await person.Http.GetAsync("admin/keys", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, readsNeedNoStepUp.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        using (var refused = await person.Http.DeleteAsync($"admin/keys/{target.Record.Id}", Cancel))
        {
            var problem = await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "step_up_required");
            var stepUp = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.MfaStepUpRequired);
            Assert.Equal((person.KeyId, "key_revocation", "/admin/keys/{id}"), (stepUp.Principal, stepUp.Code, stepUp.Route));
            Assert.Equal(stepUp.Id, problem.GetProperty("event_id").GetString());
        }

        Assert.Equal(ApiKeyStatus.Active, (await harness.Keys.GetAsync(target.Record.Id, Cancel))!.StatusAt(clock.GetUtcNow()));
        using (var wrongStepUp = await person.StepUpAsync(person.WrongCode()))
        {
            await Problems.AssertAsync(wrongStepUp, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using (var steppedUp = await person.StepUpAsync(person.Code()))
        {
            Assert.Equal(HttpStatusCode.OK, steppedUp.StatusCode);
            Assert.Equal(clock.GetUtcNow().AddMinutes(5), (await Requests.BodyAsync(steppedUp)).GetProperty("step_up_until").GetDateTimeOffset());
        }

        using var revoked = await person.Http.DeleteAsync($"admin/keys/{target.Record.Id}", Cancel);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await Requests.BodyAsync(revoked)).GetProperty("status").GetString());
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaSucceeded, Code: "step_up" } && e.Principal == person.KeyId);
    }

    [Theory]
    [InlineData("POST", "admin/keys/{target}/rotate", "key_rotation")]
    [InlineData("POST", "admin/keys/unused/disable?days=30", "unused_key_disabling")]
    [InlineData("DELETE", "admin/mfa/factors/{factor}", "mfa_factor_removal")]
    [InlineData("POST", "admin/mfa/totp", "mfa_enrollment")]
    [InlineData("POST", "admin/mfa/webauthn/options", "mfa_enrollment")]
    public async Task Other_dangerous_actions_need_a_fresh_proof_too(string method, string path, string action)
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.SignedInAsync(harness, clock);
        var target = await harness.CreateKeyAsync(CallerRoles.Billing);
        path = path.Replace("{target}", target.Record.Id, StringComparison.Ordinal).Replace("{factor}", person.TotpFactorId, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(6));

        using var refused = await person.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);
        using (var steppedUp = await person.StepUpAsync(person.Code()))
        {
            Assert.Equal(HttpStatusCode.OK, steppedUp.StatusCode);
        }

        using var allowed = await person.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "step_up_required");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaStepUpRequired } && e.Code == action);
        Assert.NotEqual(HttpStatusCode.Unauthorized, allowed.StatusCode);
    }

    [Fact]
    public async Task The_last_factor_cannot_be_removed_but_a_second_one_can()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);
        var first = person.TotpFactorId!;

        using var last = await person.Http.DeleteAsync($"admin/mfa/factors/{first}", Cancel);
        await Problems.AssertAsync(last, HttpStatusCode.Conflict, "last_factor");

        using var second = await person.StartTotpAsync();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        using var confirmed = await person.ConfirmTotpAsync(person.Code());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        using var removed = await person.Http.DeleteAsync($"admin/mfa/factors/{first}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var factors = (await Requests.BodyAsync(await person.Http.GetAsync("admin/mfa/factors", Cancel))).GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal([person.TotpFactorId], factors.Select(f => f.GetProperty("id").GetString()));
    }
}
