using System.Diagnostics.CodeAnalysis;
using System.Text;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Policies;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Applications;

/// <summary>
/// The console's policy form: one field per setting, per-type overrides as <c>TYPE = Action</c> lines. It is turned
/// into <see cref="PolicyText"/> lines and parsed and validated exactly as a stored override, so the form can accept
/// nothing the gateway would not run.
/// </summary>
internal static class PolicyForm
{
    public static readonly string[] Directions = ["request", "response"];

    public static bool TryRead(IFormCollection form, string application, [NotNullWhen(true)] out ApplicationPolicy? policy, [NotNullWhen(false)] out string? error)
    {
        var text = new StringBuilder();
        foreach (var direction in Directions)
        {
            var prefix = direction == "request" ? "Request" : "Response";
            Line(text, prefix + ".Phi", form[direction + "_phi"]);
            Line(text, prefix + ".Injection", form[direction + "_injection"]);
            Line(text, prefix + ".MinimumScore", form[direction + "_minimum_score"]);
            if (!string.IsNullOrWhiteSpace(form[direction + "_injection_minimum_score"]))
            {
                Line(text, prefix + ".InjectionMinimumScore", form[direction + "_injection_minimum_score"]);
            }

            foreach (var entity in form[direction + "_entities"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = entity.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    policy = null;
                    error = $"each {direction} entity override is a line 'TYPE = Action' (for example SSN = Block).";
                    return false;
                }

                Line(text, $"{prefix}.Entities.{entity[..equals].Trim()}", entity[(equals + 1)..]);
            }
        }

        Line(text, nameof(ApplicationPolicy.RestorePseudonyms), form["restore_pseudonyms"] == "on" ? "true" : "false");
        Line(text, nameof(ApplicationPolicy.CanaryTokens), form["canary_tokens"] == "on" ? "true" : "false");
        if (!PolicyText.TryParse(text.ToString(), out policy, out error))
        {
            // The line numbers are the form's internal text, not something the person typed; name the setting only.
            var colon = error.IndexOf(": ", StringComparison.Ordinal);
            error = error.StartsWith("line ", StringComparison.Ordinal) && colon > 0 ? error[(colon + 2)..] : error;
            return false;
        }

        var failures = new List<string>();
        ApplicationPolicyValidator.Validate(application, policy, failures);
        if (failures.Count > 0)
        {
            policy = null;
            error = failures[0];
            return false;
        }

        return true;
    }

    private static void Line(StringBuilder text, string name, string? value) =>
        text.Append(name).Append(" = ").Append((value ?? string.Empty).ReplaceLineEndings(" ").Trim()).Append('\n');
}
