using Caduceus.Policy;

namespace Caduceus.Gateway.Configuration;

/// <summary>
/// The checks an application's policy must pass, at start-up (<see cref="GatewayOptionsValidator"/>) and when an
/// operator overrides it at the console, so both accept the same policies.
/// </summary>
internal static class ApplicationPolicyValidator
{
    public static void Validate(string appName, ApplicationPolicy policy, List<string> failures)
    {
        foreach (var (direction, settings) in new[] { ("Request", policy.Request), ("Response", policy.Response) })
        {
            if (direction == "Response" && (settings.Phi == PolicyAction.Pseudonymize || settings.Injection == PolicyAction.Pseudonymize || settings.Entities.ContainsValue(PolicyAction.Pseudonymize)))
            {
                failures.Add($"Applications:{appName}:Policy:Response: Pseudonymize applies to requests only; use Redact, Allow or Block for answers.");
            }

            if (settings.Injection == PolicyAction.Pseudonymize)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:Injection cannot be Pseudonymize.");
            }

            if (settings.MinimumScore is < 0 or > 1)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:MinimumScore must be between 0 and 1.");
            }

            if (settings.InjectionMinimumScore is < 0 or > 1)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:InjectionMinimumScore must be between 0 and 1.");
            }
        }
    }
}
