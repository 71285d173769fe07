namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The three-digit ZIP code prefixes whose area held 20,000 people or fewer in the 2000 Census. Under the Safe Harbor
/// method (45 CFR 164.514(b)(2)(i)(B)) these must be reported as <c>000</c>; every other prefix may be kept.
/// </summary>
/// <remarks>
/// Source: U.S. Department of Health and Human Services, Office for Civil Rights, "Guidance Regarding Methods for
/// De-identification of Protected Health Information in Accordance with the HIPAA Privacy Rule" (November 26, 2012),
/// question 3.4 "When can ZIP codes be included in de-identified information?", which lists these 17 prefixes from
/// the 2000 Census ZIP Code Tabulation Areas (first published in the preamble of the August 14, 2002 final rule,
/// 67 FR 53182, 53233-53234). HHS warns that the list must be updated when newer Census data are published.
/// </remarks>
internal static class RestrictedZip3
{
    public static IReadOnlySet<string> Prefixes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893",
    };
}
