using Caduceus.Gateway.Access;
using Caduceus.Gateway.Tools;
using Caduceus.Gateway.Verification;
using Caduceus.Policy;

namespace Caduceus.Gateway.Configuration;

/// <summary>One protected AI application: where its model lives and the policy that guards it.</summary>
public sealed class ApplicationOptions
{
    public UpstreamOptions Upstream { get; set; } = new();

    public ApplicationPolicy Policy { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    /// <summary>This application's own request rate, token budgets and <c>max_tokens</c> ceiling, over the <c>Limits</c> defaults.</summary>
    public Limits.UsageLimitOverrides Limits { get; set; } = new();

    /// <summary>Whether callers must prove who they are before answers may carry a patient's PHI.</summary>
    public CallerVerificationOptions CallerVerification { get; set; } = new();

    /// <summary>The tools the model may call, by name, with their argument rules; none by default.</summary>
    public Dictionary<string, ToolPolicyOptions> Tools { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The access matrix: role, then purpose of use, then what is granted. Empty (the default) leaves the policy alone
    /// in charge; once set, a caller needs a grant for its purpose.
    /// </summary>
    public Dictionary<string, Dictionary<string, AccessGrant>> Access { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A copy sharing every setting with this one, for a variant that replaces some of them (an incident's containment
    /// tightening the policy); settings added later are carried over without anyone having to remember them.
    /// </summary>
    internal ApplicationOptions ShallowCopy() => (ApplicationOptions)MemberwiseClone();
}
