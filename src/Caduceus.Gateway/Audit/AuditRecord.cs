using System.Buffers;
using System.Text.Json;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// What happened to one request or administrative action. Holds no PHI: findings are types, counts and keyed hashes.
/// <see cref="ToCanonicalJson"/> is the exact byte form that is hashed into the chain.
/// </summary>
public sealed record AuditRecord
{
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>chat</c>, <c>admin</c> or <c>request</c>.</summary>
    public required string Kind { get; init; }

    public required string Method { get; init; }

    public required string Route { get; init; }

    public required int Status { get; init; }

    /// <summary><c>allowed</c>, <c>redacted</c>, <c>blocked</c>, <c>refused</c> or <c>failed</c>.</summary>
    public required string Decision { get; init; }

    public string? Code { get; init; }

    public string? KeyId { get; init; }

    public string? Application { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    public double? UpstreamLatencyMs { get; init; }

    public AuditUsage? Usage { get; init; }

    public IReadOnlyList<string> EventIds { get; init; } = [];

    /// <summary>Set on the record a retention purge leaves: the range and counts it removed, never content.</summary>
    public AuditPurge? Purged { get; init; }

    /// <summary>
    /// Deterministic UTF-8 JSON: fixed property order, no whitespace, findings sorted by type, time in UTC with
    /// 7 fractional digits, latency rounded to microseconds. The sequence number is part of what is hashed.
    /// </summary>
    public byte[] ToCanonicalJson(long sequence)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", sequence);
            json.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("kind", Kind);
            json.WriteString("method", Method);
            json.WriteString("route", Route);
            json.WriteNumber("status", Status);
            json.WriteString("decision", Decision);
            WriteNullable(json, "code", Code);
            WriteNullable(json, "key_id", KeyId);
            WriteNullable(json, "application", Application);
            WriteNullable(json, "model", Model);
            json.WriteStartArray("findings");
            foreach (var finding in Findings.OrderBy(f => f.Type, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("type", finding.Type);
                json.WriteNumber("count", finding.Count);
                json.WriteStartArray("value_hashes");
                foreach (var hash in finding.ValueHashes.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(hash);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (UpstreamLatencyMs is { } latency)
            {
                json.WriteNumber("upstream_latency_ms", Math.Round(latency, 3));
            }
            else
            {
                json.WriteNull("upstream_latency_ms");
            }

            if (Usage is { } usage)
            {
                json.WriteStartObject("usage");
                json.WriteNumber("prompt_tokens", usage.PromptTokens);
                json.WriteNumber("completion_tokens", usage.CompletionTokens);
                json.WriteNumber("total_tokens", usage.TotalTokens);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("usage");
            }

            json.WriteStartArray("event_ids");
            foreach (var id in EventIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            if (Purged is { } purged)
            {
                // Only on purge records, so every other record keeps the byte form it was hashed in.
                json.WriteStartObject("purged");
                json.WriteNumber("first_seq", purged.FirstSequence);
                json.WriteNumber("through_seq", purged.ThroughSequence);
                json.WriteNumber("records", purged.Records);
                json.WriteNumber("checkpoints", purged.Checkpoints);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
