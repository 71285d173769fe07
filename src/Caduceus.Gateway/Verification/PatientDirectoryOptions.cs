namespace Caduceus.Gateway.Verification;

/// <summary>Where the patient directory comes from (<c>PatientDirectory</c> section).</summary>
public sealed class PatientDirectoryOptions
{
    /// <summary>
    /// A JSON file: <c>{"patients": [{"id", "name", "date_of_birth": "YYYY-MM-DD", "phone", "email", "address",
    /// "identifiers": [...]}]}</c>. Relative paths are resolved against the content root.
    /// </summary>
    public string? File { get; set; }

    /// <summary>Where one-time codes are posted for delivery to the patient (see <see cref="WebhookOneTimeCodeSender"/>).</summary>
    public Uri? CodeWebhook { get; set; }
}
