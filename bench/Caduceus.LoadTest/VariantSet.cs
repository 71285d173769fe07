namespace Caduceus.LoadTest;

/// <summary>
/// What <c>--compare</c> measures: a baseline and a variant that differ in one thing, and the budget for what that
/// thing may add to the p50 latency.
/// </summary>
internal sealed record VariantSet(string Name, GatewayVariant Baseline, GatewayVariant Variant, double P50BudgetMs, int? BudgetConcurrency)
{
    public const string AuditName = "audit";
    public const string AuditSyncName = "audit-sync";
    public const string ExportersName = "exporters";

    /// <summary>Issue 6: audit adds at most 0.5 ms p50 on SQLite at 64 connections.</summary>
    public static readonly VariantSet Audit = new(
        AuditName,
        new GatewayVariant("gateway-noaudit", Audit: "off", Exporters: false),
        new GatewayVariant("gateway", Audit: "on", Exporters: false),
        P50BudgetMs: 0.5,
        BudgetConcurrency: 64);

    /// <summary>Issue 6's budget again, with audit commits that skip the fsync: how much of the audit's cost that fsync is.</summary>
    public static readonly VariantSet AuditSync = new(
        AuditSyncName,
        new GatewayVariant("gateway-noaudit", Audit: "off", Exporters: false),
        new GatewayVariant("gateway-syncnormal", Audit: "sync-normal", Exporters: false),
        P50BudgetMs: 0.5,
        BudgetConcurrency: 64);

    /// <summary>Issue 7: exporters add at most 0.2 ms p50 (asynchronous), at any concurrency.</summary>
    public static readonly VariantSet Exporters = new(
        ExportersName,
        new GatewayVariant("gateway", Audit: "on", Exporters: false),
        new GatewayVariant("gateway-siem", Audit: "on", Exporters: true),
        P50BudgetMs: 0.2,
        BudgetConcurrency: null);

    public IReadOnlyList<GatewayVariant> Variants => [Baseline, Variant];

    public bool NeedsReceivers => Variant.Exporters || Baseline.Exporters;

    /// <summary>Whether the budget applies at <paramref name="concurrency"/> (audit's is stated for 64 connections only).</summary>
    public bool Judges(int concurrency) => BudgetConcurrency is null || BudgetConcurrency == concurrency;

    /// <exception cref="ArgumentException">Not <c>audit</c>, <c>audit-sync</c> or <c>exporters</c>.</exception>
    public static VariantSet Parse(string text) => text switch
    {
        AuditName => Audit,
        AuditSyncName => AuditSync,
        ExportersName => Exporters,
        _ => throw new ArgumentException($"--compare must be audit, audit-sync or exporters, not '{text}'"),
    };
}
