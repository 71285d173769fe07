using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Admin;

/// <summary><c>GET /admin/reports/{framework}</c> over real HTTP: admin role and MFA session, JSON or HTML, problems on bad input.</summary>
public sealed class AdminReportsEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_in_admin_gets_the_report_as_json_or_as_one_html_page()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var json = await person.Http.GetAsync("admin/reports/owasp-llm", Cancel);
        using var html = await person.Http.GetAsync("admin/reports/HIPAA?format=html", Cancel);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var body = await Requests.BodyAsync(json);
        Assert.Equal("owasp-llm", body.GetProperty("framework").GetString());
        Assert.Equal(10, body.GetProperty("controls").GetArrayLength());
        Assert.Equal("the running gateway's configuration", body.GetProperty("configuration_source").GetString());
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("164.312(a)(2)(iv)", await html.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_framework_is_404_and_an_unknown_format_is_400()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var unknown = await person.Http.GetAsync("admin/reports/sox", Cancel);
        using var format = await person.Http.GetAsync("admin/reports/saif?format=pdf", Cancel);

        var problem = await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, "not_found");
        Assert.Contains("hipaa, owasp-llm, nist-ai-rmf, saif", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.AssertAsync(format, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Only_an_admin_with_an_mfa_session_may_read_reports()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var clinician = await harness.CreateKeyAsync(CallerRoles.Clinician);
        using var clinicianHttp = harness.HttpWithKey(clinician.Secret);
        using var admin = await AdminPerson.CreateAsync(harness);

        using var byClinician = await clinicianHttp.GetAsync("admin/reports/hipaa", Cancel);
        using var withoutSession = await admin.Http.GetAsync("admin/reports/hipaa", Cancel);
        using var anonymous = await harness.AnonymousHttp().GetAsync("admin/reports/hipaa", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, byClinician.StatusCode);
        await Problems.AssertAsync(withoutSession, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
