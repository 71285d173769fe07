using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>Varied, seeded audit records (every optional field both set and unset), and a trail written from them.</summary>
internal static class SampleAuditRecords
{
    private static readonly string[] Kinds = ["chat", "admin", "request"];
    private static readonly string[] Methods = ["POST", "GET", "DELETE", "PATCH"];
    private static readonly string[] Routes = ["/v1/chat/completions", "/admin/keys", "/admin/keys/key_0123abcd/rotate", "/v1/models", "/v1/chat/x+y<z>&'é\"\\"];
    private static readonly string[] Types = ["SSN", "NAME", "PHONE", "PROMPT_INJECTION", "DATE"];

    public static IEnumerable<AuditRecord> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var findings = Enumerable.Range(0, random.Next(0, 4))
                .Select(j => new AuditFinding(
                    Types[(i + j) % Types.Length],
                    random.Next(1, 5),
                    Enumerable.Range(0, random.Next(0, 3)).Select(_ => Convert.ToHexStringLower(RandomBytes(random, 32))).ToArray()))
                .ToArray();
            yield return new AuditRecord
            {
                Time = start.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 30)).ToOffset(TimeSpan.FromHours(random.Next(-12, 13))),
                Kind = Kinds[random.Next(Kinds.Length)],
                Method = Methods[random.Next(Methods.Length)],
                Route = Routes[random.Next(Routes.Length)],
                Status = new[] { 200, 400, 401, 403, 429, 500, 502 }[random.Next(7)],
                Decision = AuditDecisions.All[random.Next(AuditDecisions.All.Count)],
                Code = random.Next(3) == 0 ? null : "code_" + random.Next(10),
                KeyId = random.Next(4) switch { 0 => null, 1 => "oidc:subject-" + random.Next(5), _ => "key_" + random.Next(5).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) },
                Application = random.Next(4) == 0 ? null : "app" + random.Next(3),
                Model = random.Next(3) == 0 ? null : "model-" + random.Next(3),
                Findings = findings,
                UpstreamLatencyMs = random.Next(3) == 0 ? null : random.NextDouble() * Math.Pow(10, random.Next(0, 6)),
                Usage = random.Next(3) == 0 ? null : new AuditUsage(random.Next(0, 5000), random.Next(0, 5000), random.Next(0, 10000)),
                EventIds = Enumerable.Range(0, random.Next(0, 3)).Select(_ => "evt_" + Convert.ToHexStringLower(RandomBytes(random, 8))).ToArray(),
            };
        }
    }

    /// <summary>Appends the records to a new trail in <paramref name="directory"/>, as the gateway would.</summary>
    public static async Task WriteTrailAsync(string directory, IEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        var options = new AuditOptions();
        await using var log = new AuditLog(new SqliteAuditStore(Path.Combine(directory, AuditSchema.FileName)), AuditKeyFiles.LoadOrCreateSigningKey(options, directory), options, TimeProvider.System);
        // Queued all at once (in order: the queue assigns sequence numbers) so the writer commits them in groups.
        await Task.WhenAll(records.Select(r => log.AppendAsync(r, cancellationToken).AsTask()).ToList());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
