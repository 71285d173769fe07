using System.Globalization;
using Caduceus.Gateway.Audit.Search;
using Hl7.Fhir.Model;

namespace Caduceus.Gateway.Audit.Export;

/// <summary>
/// Maps one audit record to a FHIR R4 <c>AuditEvent</c>. Carries only what the record carries (types, counts, keyed
/// hashes, ids), plus the chain position so the resource can be tied back to the tamper-evident trail.
/// </summary>
internal static class AuditEventMapping
{
    public static AuditEvent ToAuditEvent(AuditMatch match, string gatewayName)
    {
        var (stored, record) = (match.Stored, match.Record);
        var auditEvent = new AuditEvent
        {
            Id = "caduceus-audit-" + stored.Sequence.ToString(CultureInfo.InvariantCulture),
            Type = new Coding(AuditEventCodes.AuditEventType, "rest", "RESTful Operation"),
            Subtype = [new Coding(AuditEventCodes.Kind, record.Kind), new Coding(AuditEventCodes.Route, record.Route)],
            Action = ActionOf(record),
            Recorded = record.Time,
            Outcome = OutcomeOf(record),
            OutcomeDesc = OutcomeDescriptionOf(record),
            Agent = [Caller(record)],
            Source = new AuditEvent.SourceComponent
            {
                Observer = new ResourceReference { Identifier = new Identifier(AuditEventCodes.Gateway, gatewayName), Display = "Caduceus gateway" },
                Type = [new Coding(AuditEventCodes.SecuritySourceType, "6", "Security Server")],
            },
        };

        auditEvent.Entity.Add(ChainPosition(stored));
        if (record.Application is { } application)
        {
            auditEvent.Entity.Add(Entity(AuditEventCodes.Application, application, "application"));
        }

        if (record.Model is { } model)
        {
            auditEvent.Entity.Add(ModelEntity(record, model));
        }

        foreach (var finding in record.Findings)
        {
            auditEvent.Entity.Add(FindingEntity(finding));
        }

        foreach (var eventId in record.EventIds)
        {
            auditEvent.Entity.Add(Entity(AuditEventCodes.SecurityEvent, eventId, "security-event"));
        }

        return auditEvent;
    }

    /// <summary>A chat completion runs a model (execute); other calls map from their HTTP method.</summary>
    internal static AuditEvent.AuditEventAction ActionOf(AuditRecord record) =>
        record.Kind == "chat" ? AuditEvent.AuditEventAction.E : record.Method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => AuditEvent.AuditEventAction.R,
            "POST" => AuditEvent.AuditEventAction.C,
            "PUT" or "PATCH" => AuditEvent.AuditEventAction.U,
            "DELETE" => AuditEvent.AuditEventAction.D,
            _ => AuditEvent.AuditEventAction.E,
        };

    /// <summary>Answered (allowed, redacted) is success; refused by a safeguard is a minor failure; an upstream or gateway fault is serious, and the gateway's own 500 major.</summary>
    internal static AuditEvent.AuditEventOutcome OutcomeOf(AuditRecord record) => record.Decision switch
    {
        AuditDecisions.Allowed or AuditDecisions.Redacted or AuditDecisions.Contained or AuditDecisions.Lifted or AuditDecisions.Notified => AuditEvent.AuditEventOutcome.N0,
        AuditDecisions.Blocked or AuditDecisions.Refused or AuditDecisions.NotApplied => AuditEvent.AuditEventOutcome.N4,
        _ when record.Status == 500 => AuditEvent.AuditEventOutcome.N12,
        _ => AuditEvent.AuditEventOutcome.N8,
    };

    private static string OutcomeDescriptionOf(AuditRecord record) =>
        record.Code is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"{record.Decision} (HTTP {record.Status}, {code})")
            : string.Create(CultureInfo.InvariantCulture, $"{record.Decision} (HTTP {record.Status})");

    private static AuditEvent.AgentComponent Caller(AuditRecord record)
    {
        var (system, value, kind) = record.KeyId switch
        {
            null => ((string?)null, (string?)null, "unauthenticated"),
            var id when id.StartsWith("oidc:", StringComparison.Ordinal) => (AuditEventCodes.OidcSubject, id["oidc:".Length..], "oidc"),
            var id => (AuditEventCodes.ApiKey, id, "api-key"),
        };
        return new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept { Coding = [new Coding(AuditEventCodes.Dicom, "110153", "Source Role ID")] },
            Role = [new CodeableConcept(AuditEventCodes.CallerKind, kind)],
            Who = system is null
                ? new ResourceReference { Display = "unauthenticated caller" }
                : new ResourceReference { Identifier = new Identifier(system, value) },
            Requestor = true,
        };
    }

    private static AuditEvent.EntityComponent ChainPosition(StoredAuditRecord stored)
    {
        var entity = Entity(AuditEventCodes.AuditChain, stored.Sequence.ToString(CultureInfo.InvariantCulture), "audit-chain");
        entity.Detail.Add(Detail("hash", Convert.ToHexStringLower(stored.Hash)));
        entity.Detail.Add(Detail("prev_hash", Convert.ToHexStringLower(stored.PreviousHash)));
        return entity;
    }

    private static AuditEvent.EntityComponent ModelEntity(AuditRecord record, string model)
    {
        var entity = Entity(AuditEventCodes.Model, model, "model");
        entity.Role = new Coding(AuditEventCodes.ObjectRole, "16", "Data Destination");
        if (record.UpstreamLatencyMs is { } latency)
        {
            entity.Detail.Add(Detail("upstream_latency_ms", latency.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (record.Usage is { } usage)
        {
            entity.Detail.Add(Detail("prompt_tokens", usage.PromptTokens.ToString(CultureInfo.InvariantCulture)));
            entity.Detail.Add(Detail("completion_tokens", usage.CompletionTokens.ToString(CultureInfo.InvariantCulture)));
            entity.Detail.Add(Detail("total_tokens", usage.TotalTokens.ToString(CultureInfo.InvariantCulture)));
        }

        return entity;
    }

    private static AuditEvent.EntityComponent FindingEntity(AuditFinding finding)
    {
        var entity = Entity(AuditEventCodes.FindingType, finding.Type, "finding");
        entity.Detail.Add(Detail("count", finding.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var hash in finding.ValueHashes)
        {
            entity.Detail.Add(Detail("value_hash", hash));
        }

        return entity;
    }

    private static AuditEvent.EntityComponent Entity(string system, string value, string name) => new()
    {
        What = new ResourceReference { Identifier = new Identifier(system, value) },
        Type = new Coding(AuditEventCodes.AuditEntityType, "2", "System Object"),
        Name = name,
    };

    private static AuditEvent.DetailComponent Detail(string type, string value) => new() { Type = type, Value = new FhirString(value) };
}
