using System.CommandLine;
using Caduceus.Gateway.Audit.Search;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit search [--identity ID] [--app A] [--decision D] [--since T] [--until T] [--event-id E]
/// [--limit N] [--json]</c>: the records that match every criterion given, oldest first. Exits 0 whether or not any
/// match, 2 on bad input or an unreadable trail.
/// </summary>
internal static class AuditSearchCommand
{
    public const int DefaultLimit = 100;

    public static Command Create()
    {
        var identity = new Option<string?>("--identity") { Description = "The caller: an API key id (key_...) or oidc:SUBJECT." };
        var application = new Option<string?>("--app") { Description = "The application the caller belongs to." };
        var decision = new Option<string?>("--decision") { Description = "allowed, redacted, blocked, refused or failed." };
        var eventId = new Option<string?>("--event-id") { Description = "A security event id (evt_...) the record carries." };
        var limit = new Option<int?>("--limit") { Description = $"At most this many records, oldest first (default {DefaultLimit})." };
        var json = new Option<bool>("--json") { Description = "Print each record's canonical JSON, one per line." };
        var range = new AuditQueryOptions();
        var command = new Command("search", "Find audit records by identity, application, decision, time range or event id.")
        {
            identity, application, decision, range.Since, range.Until, eventId, limit, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!range.TryRead(parse, TimeProvider.System.GetUtcNow(), out var query, out var error)
                || !AuditQueryOptions.TryReadDecision(parse.GetValue(decision), out var wantedDecision, out error))
            {
                return CommandErrors.Fail(error);
            }

            if (parse.GetValue(limit) is <= 0)
            {
                return CommandErrors.Fail("--limit must be a positive number.");
            }

            query = query with
            {
                Identity = parse.GetValue(identity),
                Application = parse.GetValue(application),
                Decision = wantedDecision,
                EventId = parse.GetValue(eventId),
                Limit = parse.GetValue(limit) ?? DefaultLimit,
            };
            return await AuditTrailSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async reader =>
            {
                var matches = new List<AuditMatch>();
                await foreach (var match in AuditSearch.FindAsync(reader, query, cancellationToken))
                {
                    matches.Add(match);
                }

                if (parse.GetValue(json))
                {
                    AuditSearchOutput.Json(matches);
                }
                else if (matches.Count == 0)
                {
                    Console.WriteLine("No records match.");
                }
                else
                {
                    AuditSearchOutput.Table(matches, query.Limit);
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }
}
