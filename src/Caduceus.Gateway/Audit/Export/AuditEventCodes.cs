namespace Caduceus.Gateway.Audit.Export;

/// <summary>The code systems and identifier systems an exported FHIR <c>AuditEvent</c> uses.</summary>
public static class AuditEventCodes
{
    public const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string SecuritySourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public const string AuditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";

    public const string Kind = "urn:caduceus:audit:kind";
    public const string Route = "urn:caduceus:audit:route";
    public const string CallerKind = "urn:caduceus:audit:caller";
    public const string ApiKey = "urn:caduceus:api-key";
    public const string OidcSubject = "urn:caduceus:oidc-subject";
    public const string Gateway = "urn:caduceus:gateway";
    public const string Application = "urn:caduceus:application";
    public const string Model = "urn:caduceus:model";
    public const string FindingType = "urn:caduceus:finding-type";
    public const string SecurityEvent = "urn:caduceus:security-event";
    public const string AuditChain = "urn:caduceus:audit-chain";
}
