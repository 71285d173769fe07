using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Sends one-time codes by posting <c>{"patient_id", "phone", "code"}</c> to the practice's messaging service
/// (<c>PatientDirectory:CodeWebhook</c>), which texts or calls the patient. The code is never logged here.
/// </summary>
internal sealed class WebhookOneTimeCodeSender(HttpClient http, Uri webhook) : IOneTimeCodeSender
{
    public async Task SendAsync(PatientRecord patient, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var body = new JsonObject { ["patient_id"] = patient.Id, ["phone"] = patient.Phone, ["code"] = code };
        using var response = await http.PostAsJsonAsync(webhook, body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
