using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Policy;

namespace Caduceus.Gateway.Access;

/// <summary>
/// What the caller of one request may do: the union of the grants of its roles for the purpose it named. Applied on
/// top of the application's policy, never instead of it: it can only make the policy stricter.
/// </summary>
internal sealed class CallerAccess
{
    private readonly HashSet<string> _send;
    private readonly HashSet<string> _reidentify;
    private readonly HashSet<string> _tools;

    public CallerAccess(string purpose, IEnumerable<AccessGrant> grants)
    {
        Purpose = purpose;
        var list = grants.ToList();
        _send = new(list.SelectMany(g => g.Send), StringComparer.OrdinalIgnoreCase);
        _reidentify = new(list.SelectMany(g => g.Reidentify), StringComparer.OrdinalIgnoreCase);
        _tools = new(list.SelectMany(g => g.Tools), StringComparer.Ordinal);
    }

    public string Purpose { get; }

    public IReadOnlySet<string> Tools => _tools;

    /// <summary>
    /// PHI of a type the caller may not send does not reach the model as it is: the policy's pseudonym, redaction or
    /// block stands, and where the policy would let it pass it is redacted.
    /// </summary>
    public Escalation? ForRequest(Finding finding, PolicyAction policyAction) =>
        finding.Category == FindingCategory.Phi && policyAction == PolicyAction.Allow && !_send.Contains(finding.EntityType)
            ? new Escalation(PolicyAction.Redact, RefusalCodes.PhiBlocked)
            : null;

    /// <summary>The pseudonyms of <paramref name="table"/> the caller may see restored; null when none.</summary>
    public PseudonymTable? Restorable(PseudonymTable table)
    {
        var entries = table.Entries().Where(e => _reidentify.Contains(e.EntityType)).ToList();
        return entries.Count == 0 ? null : new PseudonymTable(entries);
    }
}
