using System.Net;
using System.Text.Json;
using System.Web;
using Caduceus.Identity;
using OtpNet;

namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>
/// A person at the admin API: an admin key and, once enrolled, a TOTP seed read from the otpauth URI the gateway
/// returned, with codes computed from it by Otp.NET as an authenticator app would.
/// </summary>
internal sealed class AdminPerson : IDisposable
{
    public const string SessionHeader = "X-Caduceus-Admin-Session";

    private AdminPerson(string keyId, string secret, HttpClient http, TimeProvider clock)
    {
        KeyId = keyId;
        Secret = secret;
        Http = http;
        Clock = clock;
    }

    public string KeyId { get; }

    public string Secret { get; }

    /// <summary>Sends the admin key, and the session token once there is one.</summary>
    public HttpClient Http { get; }

    public TimeProvider Clock { get; }

    public byte[]? Seed { get; private set; }

    public string? OtpauthUri { get; private set; }

    public string? TotpFactorId { get; private set; }

    public string? SessionToken { get; private set; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new admin key with no factor yet. <paramref name="clock"/> is the gateway's, for computing codes.</summary>
    public static async Task<AdminPerson> CreateAsync(GatewayHarness harness, TimeProvider? clock = null)
    {
        var issued = await harness.CreateKeyAsync(CallerRoles.Admin);
        return new AdminPerson(issued.Record.Id, issued.Secret, harness.HttpWithKey(issued.Secret), clock ?? TimeProvider.System);
    }

    /// <summary>
    /// An admin with a confirmed TOTP factor and an open session. On the real clock the session is opened with the
    /// next step's code, since confirmation used up the current one.
    /// </summary>
    public static async Task<AdminPerson> SignedInAsync(GatewayHarness harness, TimeProvider? clock = null)
    {
        var person = await CreateAsync(harness, clock);
        await person.EnrollTotpAsync();
        var offset = clock is null ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;
        if (clock is Vault.ManualTimeProvider manual)
        {
            manual.Advance(TimeSpan.FromSeconds(30));
        }

        using var opened = await person.OpenSessionAsync(person.Code(offset));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return person;
    }

    /// <summary>Starts TOTP enrollment and confirms it with the current code.</summary>
    public async Task EnrollTotpAsync()
    {
        using var started = await StartTotpAsync();
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using var confirmed = await ConfirmTotpAsync(Code());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    /// <summary>POST /admin/mfa/totp; on success keeps the seed from the returned URI.</summary>
    public async Task<HttpResponseMessage> StartTotpAsync()
    {
        var response = await Http.PostAsync("admin/mfa/totp", Requests.Json("""{"label":"phone"}"""), Cancel);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var body = await Requests.BodyAsync(response);
            TotpFactorId = body.GetProperty("id").GetString();
            OtpauthUri = body.GetProperty("otpauth_uri").GetString()!;
            Seed = Base32Encoding.ToBytes(HttpUtility.ParseQueryString(new Uri(OtpauthUri).Query)["secret"]!);
        }

        return response;
    }

    public Task<HttpResponseMessage> ConfirmTotpAsync(string code) =>
        Http.PostAsync($"admin/mfa/totp/{TotpFactorId}/confirm", Requests.Json(JsonSerializer.Serialize(new { code })), Cancel);

    /// <summary>POST /admin/session with a TOTP code; on success the client sends the session from then on.</summary>
    public async Task<HttpResponseMessage> OpenSessionAsync(string code) =>
        await KeepSessionAsync(await Http.PostAsync("admin/session", Requests.Json(JsonSerializer.Serialize(new { totp_code = code })), Cancel));

    /// <summary>POST /admin/session with any body (a passkey proof).</summary>
    public async Task<HttpResponseMessage> OpenSessionAsync(JsonElement proof) =>
        await KeepSessionAsync(await Http.PostAsync("admin/session", Requests.Json(proof.GetRawText()), Cancel));

    public Task<HttpResponseMessage> StepUpAsync(string code) =>
        Http.PostAsync("admin/session/step-up", Requests.Json(JsonSerializer.Serialize(new { totp_code = code })), Cancel);

    /// <summary>The code an authenticator app shows at the gateway's time plus <paramref name="offset"/>.</summary>
    public string Code(TimeSpan offset = default) =>
        new Totp(Seed ?? throw new InvalidOperationException("No TOTP factor enrolled.")).ComputeTotp((Clock.GetUtcNow() + offset).UtcDateTime);

    /// <summary>A six-digit code that is not the current, previous or next one.</summary>
    public string WrongCode()
    {
        var valid = new[] { Code(TimeSpan.FromSeconds(-30)), Code(), Code(TimeSpan.FromSeconds(30)) };
        for (var candidate = 0; ; candidate++)
        {
            var code = candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (!valid.Contains(code))
            {
                return code;
            }
        }
    }

    public void UseSession(string? token)
    {
        Http.DefaultRequestHeaders.Remove(SessionHeader);
        if (token is not null)
        {
            Http.DefaultRequestHeaders.Add(SessionHeader, token);
        }
    }

    public void Dispose() => Http.Dispose();

    private async Task<HttpResponseMessage> KeepSessionAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Created)
        {
            SessionToken = (await Requests.BodyAsync(response)).GetProperty("session").GetString();
            UseSession(SessionToken);
        }

        return response;
    }
}
