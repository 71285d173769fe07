using System.Globalization;
using System.Text.Json;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Reads a record back from the canonical JSON <see cref="AuditRecord.ToCanonicalJson"/> wrote, strictly: the same
/// properties in the same order and nothing else, so that writing the result again gives the same bytes.
/// </summary>
public static class AuditRecordJson
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Parses one stored record; its <c>seq</c> must be <paramref name="sequence"/>.</summary>
    /// <exception cref="AuditRecordFormatException">The bytes are not a canonical record of that sequence number.</exception>
    public static AuditRecord Parse(ReadOnlySpan<byte> canonicalJson, long sequence)
    {
        var reader = new Utf8JsonReader(canonicalJson, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, sequence, "the record");
            if (ReadInt64(ref reader, "seq", sequence) != sequence)
            {
                throw new AuditRecordFormatException(sequence, "its 'seq' is not the sequence number it is stored under");
            }

            var time = ReadTime(ref reader, sequence);
            var kind = ReadString(ref reader, "kind", sequence);
            var method = ReadString(ref reader, "method", sequence);
            var route = ReadString(ref reader, "route", sequence);
            var status = checked((int)ReadInt64(ref reader, "status", sequence));
            var decision = ReadString(ref reader, "decision", sequence);
            var code = ReadNullableString(ref reader, "code", sequence);
            var keyId = ReadNullableString(ref reader, "key_id", sequence);
            var application = ReadNullableString(ref reader, "application", sequence);
            var model = ReadNullableString(ref reader, "model", sequence);
            var findings = ReadFindings(ref reader, sequence);
            var latency = ReadNullableDouble(ref reader, "upstream_latency_ms", sequence);
            var usage = ReadUsage(ref reader, sequence);
            var eventIds = ReadStrings(ref reader, "event_ids", sequence);
            var purged = ReadPurge(ref reader, sequence);
            if (reader.Read())
            {
                throw new AuditRecordFormatException(sequence, "there is more after the record");
            }

            return new AuditRecord
            {
                Time = time,
                Kind = kind,
                Method = method,
                Route = route,
                Status = status,
                Decision = decision,
                Code = code,
                KeyId = keyId,
                Application = application,
                Model = model,
                Findings = findings,
                UpstreamLatencyMs = latency,
                Usage = usage,
                EventIds = eventIds,
                Purged = purged,
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            // The reader's own messages quote no values, but keep only where it failed.
            throw new AuditRecordFormatException(sequence, $"invalid JSON at byte {reader.BytesConsumed}", exception);
        }
    }

    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader, long sequence)
    {
        var text = ReadString(ref reader, "time", sequence);
        if (!DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new AuditRecordFormatException(sequence, $"'time' is not a UTC time in the form {TimeFormat}");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
    }

    private static List<AuditFinding> ReadFindings(ref Utf8JsonReader reader, long sequence)
    {
        ExpectProperty(ref reader, "findings", sequence);
        Expect(ref reader, JsonTokenType.StartArray, sequence, "'findings'");
        var findings = new List<AuditFinding>();
        while (Next(ref reader, sequence) != JsonTokenType.EndArray)
        {
            Require(reader.TokenType == JsonTokenType.StartObject, sequence, "'findings' holds something other than objects");
            var type = ReadString(ref reader, "type", sequence);
            var count = checked((int)ReadInt64(ref reader, "count", sequence));
            var hashes = ReadStrings(ref reader, "value_hashes", sequence);
            Expect(ref reader, JsonTokenType.EndObject, sequence, "the end of a finding");
            findings.Add(new AuditFinding(type, count, hashes));
        }

        return findings;
    }

    private static AuditUsage? ReadUsage(ref Utf8JsonReader reader, long sequence)
    {
        ExpectProperty(ref reader, "usage", sequence);
        if (Next(ref reader, sequence) == JsonTokenType.Null)
        {
            return null;
        }

        Require(reader.TokenType == JsonTokenType.StartObject, sequence, "'usage' is neither an object nor null");
        var usage = new AuditUsage(
            ReadInt64(ref reader, "prompt_tokens", sequence),
            ReadInt64(ref reader, "completion_tokens", sequence),
            ReadInt64(ref reader, "total_tokens", sequence));
        Expect(ref reader, JsonTokenType.EndObject, sequence, "the end of 'usage'");
        return usage;
    }

    /// <summary>The optional last property, on retention purge records only; consumes the record's end either way.</summary>
    private static AuditPurge? ReadPurge(ref Utf8JsonReader reader, long sequence)
    {
        if (Next(ref reader, sequence) == JsonTokenType.EndObject)
        {
            return null;
        }

        Require(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("purged"), sequence, "expected the end of the record or 'purged'");
        Expect(ref reader, JsonTokenType.StartObject, sequence, "'purged'");
        var purge = new AuditPurge(
            ReadInt64(ref reader, "first_seq", sequence),
            ReadInt64(ref reader, "through_seq", sequence),
            ReadInt64(ref reader, "records", sequence),
            ReadInt64(ref reader, "checkpoints", sequence));
        Expect(ref reader, JsonTokenType.EndObject, sequence, "the end of 'purged'");
        Expect(ref reader, JsonTokenType.EndObject, sequence, "the end of the record");
        return purge;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader, string name, long sequence)
    {
        ExpectProperty(ref reader, name, sequence);
        Expect(ref reader, JsonTokenType.StartArray, sequence, $"'{name}'");
        var values = new List<string>();
        while (Next(ref reader, sequence) != JsonTokenType.EndArray)
        {
            Require(reader.TokenType == JsonTokenType.String, sequence, $"'{name}' holds something other than strings");
            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static string ReadString(ref Utf8JsonReader reader, string name, long sequence) =>
        ReadNullableString(ref reader, name, sequence) ?? throw new AuditRecordFormatException(sequence, $"'{name}' is null");

    private static string? ReadNullableString(ref Utf8JsonReader reader, string name, long sequence)
    {
        ExpectProperty(ref reader, name, sequence);
        var token = Next(ref reader, sequence);
        Require(token is JsonTokenType.String or JsonTokenType.Null, sequence, $"'{name}' is not a string");
        return token == JsonTokenType.Null ? null : reader.GetString();
    }

    private static long ReadInt64(ref Utf8JsonReader reader, string name, long sequence)
    {
        ExpectProperty(ref reader, name, sequence);
        Require(Next(ref reader, sequence) == JsonTokenType.Number && reader.TryGetInt64(out _), sequence, $"'{name}' is not a whole number");
        return reader.GetInt64();
    }

    private static double? ReadNullableDouble(ref Utf8JsonReader reader, string name, long sequence)
    {
        ExpectProperty(ref reader, name, sequence);
        var token = Next(ref reader, sequence);
        Require(token is JsonTokenType.Number or JsonTokenType.Null, sequence, $"'{name}' is not a number");
        return token == JsonTokenType.Null ? null : reader.GetDouble();
    }

    private static void ExpectProperty(ref Utf8JsonReader reader, string name, long sequence)
    {
        Require(Next(ref reader, sequence) == JsonTokenType.PropertyName && reader.ValueTextEquals(name), sequence, $"expected '{name}' here");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, long sequence, string what) =>
        Require(Next(ref reader, sequence) == token, sequence, $"{what} is not where the canonical form has it");

    private static JsonTokenType Next(ref Utf8JsonReader reader, long sequence)
    {
        Require(reader.Read(), sequence, "the record ends early");
        return reader.TokenType;
    }

    private static void Require(bool condition, long sequence, string problem)
    {
        if (!condition)
        {
            throw new AuditRecordFormatException(sequence, problem);
        }
    }
}
