using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Search;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>The time range options <c>audit search</c> and <c>audit export</c> share, and their checking.</summary>
internal sealed class AuditQueryOptions
{
    public Option<string?> Since { get; } = new("--since") { Description = $"Records at or after this time: {AuditTimeText.Format}." };

    public Option<string?> Until { get; } = new("--until") { Description = "Records before this time (excluded), in the same forms." };

    /// <summary>A query with the time range set, or an error that says which value is wrong.</summary>
    public bool TryRead(ParseResult parse, DateTimeOffset now, [NotNullWhen(true)] out AuditQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        DateTimeOffset? since = null;
        DateTimeOffset? until = null;
        if (parse.GetValue(Since) is { } sinceText)
        {
            if (!AuditTimeText.TryParse(sinceText, now, out var time, out var sinceError))
            {
                error = "--since: " + sinceError;
                return false;
            }

            since = time;
        }

        if (parse.GetValue(Until) is { } untilText)
        {
            if (!AuditTimeText.TryParse(untilText, now, out var time, out var untilError))
            {
                error = "--until: " + untilError;
                return false;
            }

            until = time;
        }

        if (since >= until)
        {
            error = "--until must be later than --since.";
            return false;
        }

        query = new AuditQuery { Since = since, Until = until };
        error = null;
        return true;
    }

    public static bool TryReadDecision(string? text, out string? decision, [NotNullWhen(false)] out string? error)
    {
        decision = text?.Trim().ToLowerInvariant();
        if (decision is null || AuditDecisions.All.Contains(decision, StringComparer.Ordinal))
        {
            error = null;
            return true;
        }

        error = $"--decision: '{text}' is not a decision; use one of {string.Join(", ", AuditDecisions.All)}.";
        return false;
    }
}
