using System.Text.Json.Nodes;
using Caduceus.Detection.Anonymization;
using Caduceus.Events;
using Caduceus.Gateway.Access;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Forwarding;
using Caduceus.Gateway.Verification;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Pipeline;

/// <summary>One chat completion request on its way through the pipeline, and what the stages learned about it.</summary>
internal sealed class ChatExchange(HttpContext httpContext, string applicationName, ApplicationOptions application, string keyId)
{
    public HttpContext HttpContext { get; } = httpContext;

    public string ApplicationName { get; } = applicationName;

    /// <summary>
    /// The application's settings for this exchange: as configured, or tightened by an incident's containment (see
    /// <see cref="Incidents.ContainmentRestrictionStage"/>).
    /// </summary>
    public ApplicationOptions Application { get; set; } = application;

    /// <summary>
    /// Caller verifications from before this time do not count (an incident forced callers to verify again); null when
    /// no such containment is in force.
    /// </summary>
    public DateTimeOffset? VerifiedNoEarlierThan { get; set; }

    public string KeyId { get; } = keyId;

    public CancellationToken RequestAborted => HttpContext.RequestAborted;

    /// <summary>This request's audit record in the making; null only outside the gateway's middleware (unit tests).</summary>
    public RequestAudit? Audit => RequestAudit.Of(HttpContext);

    /// <summary>The parsed request body; set by the parse stage.</summary>
    public JsonObject? Body { get; set; }

    /// <summary>Every text in the request, tool results and system prompts included; set by the parse stage.</summary>
    public List<ChatText> Texts { get; } = [];

    public int MessageCount { get; set; }

    public bool Stream { get; set; }

    /// <summary>The client's conversation id (<see cref="ConversationScope.HeaderName"/>), if it sent one.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The pseudonyms issued for this request's conversation, once the request was pseudonymized.</summary>
    public AnonymizationScope? PseudonymScope { get; set; }

    /// <summary>The canary planted in the system prompt, if any; an answer that repeats it is withheld.</summary>
    public CanaryToken? Canary { get; set; }

    /// <summary>What the caller may do for its purpose of use, when the application has an access matrix.</summary>
    public CallerAccess? Access { get; set; }

    /// <summary>The patient the caller of this conversation was verified as, if the application verifies callers and they were.</summary>
    public PatientRecord? VerifiedPatient { get; set; }

    /// <summary>The upstream answer, once forwarded; owned and disposed by the forward stage.</summary>
    public HttpResponseMessage? UpstreamResponse { get; set; }

    /// <summary>Cancels the upstream call on client abort or on the upstream timeouts; set by the forward stage.</summary>
    public UpstreamDeadline? UpstreamDeadline { get; set; }

    /// <summary>The token usage the model reported for its answer, if it did.</summary>
    public AuditUsage? AnswerUsage { get; set; }

    /// <summary>Characters of answer text received from the model, for a token estimate when it reports no usage.</summary>
    public long AnswerCharacters { get; set; }

    /// <summary>Ids of the security events raised so far, returned to the client in a header.</summary>
    public List<string> EventIds { get; } = [];

    public SecurityEvent NewEvent(string type, string? code, IReadOnlyDictionary<string, int> entityCounts, IReadOnlyList<string> detectors, DateTimeOffset time)
    {
        var securityEvent = new SecurityEvent(SecurityEventIds.New(), time, type, code, ApplicationName, KeyId, RequestRoute.Of(HttpContext), entityCounts, detectors);
        EventIds.Add(securityEvent.Id);
        Audit?.AddEventId(securityEvent.Id);
        return securityEvent;
    }
}
