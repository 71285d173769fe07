using Caduceus.Detection;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The audit record of one request as it builds up: stages note the model, findings, decision, latency, usage and
/// event ids here. <see cref="CommitAsync"/> commits it once; the middleware calls it before the response starts,
/// or, for a stream, the relay calls it before its last event.
/// </summary>
internal sealed class RequestAudit(HttpContext context, IAuditLog log, FindingValueHasher hasher, DateTimeOffset startedAt)
{
    private readonly Dictionary<string, (int Count, List<string> Hashes)> _findings = new(StringComparer.Ordinal);
    private readonly List<string> _eventIds = [];
    private Task? _commit;

    public string? Model { get; set; }

    public double? UpstreamLatencyMs { get; set; }

    public AuditUsage? Usage { get; set; }

    /// <summary>Set when the answer is a stream: the record then waits for the stream's end, not its start.</summary>
    public bool DeferredToStreamEnd { get; set; }

    private string? Decision { get; set; }

    private string? Code { get; set; }

    public static RequestAudit? Of(HttpContext context) => context.Features.Get<RequestAudit>();

    /// <summary>Notes findings in <paramref name="text"/> by type with keyed hashes of the values they cover.</summary>
    public void AddFindings(IEnumerable<Finding> findings, string text)
    {
        foreach (var finding in findings)
        {
            var entry = _findings.TryGetValue(finding.EntityType, out var existing) ? existing : (0, new List<string>());
            if (finding.Length > 0 && finding.End <= text.Length)
            {
                var hash = hasher.Hash(text.AsSpan(finding.Start, finding.Length));
                if (!entry.Item2.Contains(hash))
                {
                    entry.Item2.Add(hash);
                }
            }

            _findings[finding.EntityType] = (entry.Item1 + 1, entry.Item2);
        }
    }

    public void AddEventId(string id) => _eventIds.Add(id);

    public void Redacted() => Decision ??= "redacted";

    public void Blocked(string code)
    {
        Decision = "blocked";
        Code = code;
    }

    /// <summary>Notes the code of an error answer (refusal or failure), unless a block already gave one.</summary>
    public void Refused(string code) => Code ??= code;

    public Task CommitUnlessDeferredAsync() => DeferredToStreamEnd ? Task.CompletedTask : CommitAsync();

    public Task CommitAsync() => _commit ??= log.AppendAsync(Build(), CancellationToken.None).AsTask();

    private AuditRecord Build()
    {
        var status = context.Response.StatusCode;
        var path = context.Request.Path.Value ?? "/";
        return new AuditRecord
        {
            Time = startedAt,
            Kind = path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? "admin" : path.StartsWith("/v1/chat", StringComparison.OrdinalIgnoreCase) ? "chat" : "request",
            Method = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
                || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsOptions(context.Request.Method)
                ? context.Request.Method.ToUpperInvariant()
                : "OTHER",
            Route = RequestRoute.Of(context),
            Status = status,
            Decision = DecisionFor(status),
            Code = Code,
            KeyId = CallerClaims.KeyIdOf(context.User),
            Application = CallerClaims.ApplicationOf(context.User),
            Model = Model,
            Findings = _findings.Select(f => new AuditFinding(f.Key, f.Value.Count, f.Value.Hashes)).ToArray(),
            UpstreamLatencyMs = UpstreamLatencyMs,
            Usage = Usage,
            EventIds = _eventIds.ToArray(),
        };
    }

    private string DecisionFor(int status) => Decision switch
    {
        "blocked" => "blocked",
        _ when status >= 500 => "failed",
        _ when status >= 400 || (Code is not null && Decision is null) => "refused",
        _ => Decision ?? "allowed",
    };
}
