namespace Caduceus.Detection.Phi;

/// <summary>Rejects address-shaped file names such as <c>icon@2x.png</c>, whose "top-level domain" is a file extension.</summary>
internal static class EmailValidator
{
    private static readonly string[] FileExtensions = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff"];

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        var topLevelDomain = candidate[(candidate.LastIndexOf('.') + 1)..];
        foreach (var extension in FileExtensions)
        {
            if (topLevelDomain.Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return CandidateCheck.Invalid("image file name, not a domain");
            }
        }

        return CandidateCheck.Valid("domain with alphabetic top-level domain");
    }
}
