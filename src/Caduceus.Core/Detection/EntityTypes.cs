namespace Caduceus.Detection;

/// <summary>
/// Names of the entity types findings carry. Upper snake case and stable: they appear in policy, events and
/// evaluation data. The PHI types are the HIPAA Safe Harbor identifiers of 45 CFR 164.514(b)(2) that can occur in text.
/// </summary>
public static class EntityTypes
{
    /// <summary>Names of patients, relatives, employers and household members.</summary>
    public const string Name = "NAME";

    /// <summary>Street address, city, county, precinct, ZIP code and their equivalent geocodes (smaller than a state).</summary>
    public const string Address = "ADDRESS";

    /// <summary>Any date element more specific than the year (birth, admission, discharge, death dates).</summary>
    public const string Date = "DATE";

    /// <summary>Ages over 89 (and the elements of dates that indicate them).</summary>
    public const string Age = "AGE";

    public const string Phone = "PHONE";
    public const string Fax = "FAX";
    public const string Email = "EMAIL";
    public const string Ssn = "SSN";

    /// <summary>Medical record numbers.</summary>
    public const string Mrn = "MRN";

    /// <summary>Health plan beneficiary numbers (member ids, Medicare MBI, Medicaid ids).</summary>
    public const string HealthPlanId = "HEALTH_PLAN_ID";

    /// <summary>Account numbers, including payment card and bank account numbers.</summary>
    public const string Account = "ACCOUNT";

    /// <summary>Certificate and licence numbers, including clinicians' DEA, NPI and state licence numbers and driver's licences.</summary>
    public const string License = "LICENSE";

    /// <summary>Vehicle identifiers and serial numbers, including licence plates and VINs.</summary>
    public const string Vehicle = "VEHICLE";

    /// <summary>Device identifiers and serial numbers (e.g. implant serials, UDIs).</summary>
    public const string DeviceId = "DEVICE_ID";

    /// <summary>Web URLs.</summary>
    public const string Url = "URL";

    /// <summary>IP addresses.</summary>
    public const string Ip = "IP";

    /// <summary>Biometric identifiers (finger and voice prints) and full-face photographs referenced in text.</summary>
    public const string Biometric = "BIOMETRIC";

    /// <summary>Any other unique identifying number, characteristic or code.</summary>
    public const string OtherId = "OTHER_ID";

    /// <summary>An attempt to subvert the model (not PHI).</summary>
    public const string PromptInjection = "PROMPT_INJECTION";

    /// <summary>Every PHI entity type, in Safe Harbor order.</summary>
    public static IReadOnlyList<string> Phi { get; } =
    [
        Name, Address, Date, Age, Phone, Fax, Email, Ssn, Mrn, HealthPlanId, Account, License, Vehicle, DeviceId, Url, Ip, Biometric, OtherId,
    ];
}
