using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Refuses to start when an application verifies callers but the means to do so are missing or the settings make no
/// sense. Takes the directory and code channel, not the verifier: building the verifier builds its state store, which
/// under shared state must not be built before the <c>State</c> settings are validated.
/// </summary>
internal sealed class CallerVerificationValidator(IPatientDirectory? directory, IOneTimeCodeSender? codeSender) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        foreach (var (application, settings) in options.Applications)
        {
            var verification = settings.CallerVerification;
            var prefix = $"Applications:{application}:CallerVerification";
            if (verification.Required)
            {
                if (directory is null)
                {
                    failures.Add($"{prefix}:Required needs a patient directory (PatientDirectory:File).");
                }

                if (!verification.Factors.Contains(VerificationFactor.Name) || !verification.Factors.Contains(VerificationFactor.DateOfBirth))
                {
                    failures.Add($"{prefix}:Factors must include Name and DateOfBirth.");
                }

                if (verification.Factors.Contains(VerificationFactor.OneTimeCode) && codeSender is null)
                {
                    failures.Add($"{prefix}:Factors includes OneTimeCode, which needs a code channel (PatientDirectory:CodeWebhook).");
                }

                if (verification.MaxFailedAttempts is < 1 or > 100)
                {
                    failures.Add($"{prefix}:MaxFailedAttempts must be between 1 and 100.");
                }

                if (verification.Lockout <= TimeSpan.Zero || verification.CodeLifetime <= TimeSpan.Zero || verification.VerifiedLifetime <= TimeSpan.Zero)
                {
                    failures.Add($"{prefix}: Lockout, CodeLifetime and VerifiedLifetime must be positive.");
                }
            }

            foreach (var (tool, rules) in settings.Tools)
            {
                foreach (var (argument, rule) in rules.Arguments)
                {
                    var where = $"Applications:{application}:Tools:{tool}:Arguments:{argument}";
                    if (rule.IsEmpty)
                    {
                        failures.Add($"{where} needs a rule (Any, CallerPatientId, Values or Pattern).");
                    }

                    if (rule.CallerPatientId && !verification.Required)
                    {
                        failures.Add($"{where}:CallerPatientId needs {prefix}:Required.");
                    }

                    if (rule.Pattern is { } pattern && !IsValidPattern(pattern))
                    {
                        failures.Add($"{where}:Pattern is not a valid regular expression.");
                    }
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
