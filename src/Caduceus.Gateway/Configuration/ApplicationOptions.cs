using Caduceus.Policy;

namespace Caduceus.Gateway.Configuration;

/// <summary>One protected AI application: where its model lives and the policy that guards it.</summary>
public sealed class ApplicationOptions
{
    public UpstreamOptions Upstream { get; set; } = new();

    public ApplicationPolicy Policy { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();
}
