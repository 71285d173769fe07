using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Verification;
using Caduceus.TestModel;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Verification;

/// <summary>A gateway whose application verifies callers against a two-patient directory; every name and number is invented.</summary>
internal static class VerificationFixture
{
    public const string MariaId = "pat-001";
    public const string MariaName = "Maria Lopez";
    public const string MariaBirthDate = "1962-03-14";
    public const string MariaPhone = "(555) 201-3344";
    public const string MariaMrn = "MRN-00123456";
    public const string OtherMrn = "MRN-77123456";
    public const string ClinicPhone = "(555) 010-2000";

    public const string DirectoryJson = """
        {"patients": [
          {"id": "pat-001", "name": "Maria Lopez", "date_of_birth": "1962-03-14", "phone": "+1 555 201 3344", "email": "maria.lopez@example.com",
           "address": "12 Oak Street, Springfield, IL 62704", "identifiers": ["MRN-00123456"]},
          {"id": "pat-002", "name": "John Carter", "date_of_birth": "1950-07-01", "phone": "+1 555 303 4455", "identifiers": ["MRN-77123456"]}
        ]}
        """;

    public static async Task<(GatewayHarness Harness, CapturingCodeSender Codes)> StartAsync(
        TestModelScript script, IDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("caduceus-patients-").FullName, "patients.json");
        await File.WriteAllTextAsync(directory, DirectoryJson);
        var codes = new CapturingCodeSender();
        var settings = new Dictionary<string, string?>
        {
            ["PatientDirectory:File"] = directory,
            ["Applications:default:CallerVerification:Required"] = "true",

            // The caller's own PHI may reach a verified caller; the verification decides, not a blanket redaction.
            ["Applications:default:Policy:Response:Phi"] = "Allow",
            ["Applications:default:CallerVerification:MaxFailedAttempts"] = "3",
            ["Applications:default:CallerVerification:PublicValues:0"] = ClinicPhone,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var harness = await GatewayHarness.StartAsync(script, settings, configureServices: services =>
        {
            services.AddSingleton<IOneTimeCodeSender>(codes);
            configureServices?.Invoke(services);
        });
        return (harness, codes);
    }

    public static HttpRequestMessage Post(string path, string conversation, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Caduceus-Conversation-Id", conversation);
        return request;
    }

    public static HttpRequestMessage Chat(string conversation, string userText, bool stream = false)
    {
        var body = new JsonObject
        {
            ["model"] = "caduceus-test-model",
            ["stream"] = stream,
            ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = userText } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Caduceus-Conversation-Id", conversation);
        return request;
    }

    public static async Task VerifyAsMariaAsync(GatewayHarness harness, CapturingCodeSender codes, string conversation, CancellationToken cancellationToken)
    {
        using var start = await harness.Http.SendAsync(Post("v1/verification", conversation, new { name = MariaName, date_of_birth = MariaBirthDate }), cancellationToken);
        start.EnsureSuccessStatusCode();
        using var confirm = await harness.Http.SendAsync(Post("v1/verification/code", conversation, new { code = codes.CodeFor(MariaId) }), cancellationToken);
        confirm.EnsureSuccessStatusCode();
    }

    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["error"]?["code"]?.GetValue<string>();
}
