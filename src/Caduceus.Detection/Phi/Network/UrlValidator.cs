namespace Caduceus.Detection.Phi.Network;

/// <summary>Rejects bare-domain look-alikes that are product names, not web addresses (<c>ASP.NET</c>, <c>VB.NET</c>).</summary>
internal static class UrlValidator
{
    private static readonly string[] ProductNames = ["asp.net", "vb.net", "ado.net", "dot.net"];

    public static CandidateCheck CheckBareDomain(ReadOnlySpan<char> candidate)
    {
        var slash = candidate.IndexOf('/');
        var host = slash < 0 ? candidate : candidate[..slash];
        foreach (var product in ProductNames)
        {
            if (host.Equals(product, StringComparison.OrdinalIgnoreCase))
            {
                return CandidateCheck.Invalid("product name, not a domain");
            }
        }

        return CandidateCheck.Valid("known top-level domain");
    }
}
