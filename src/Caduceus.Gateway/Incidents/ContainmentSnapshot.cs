namespace Caduceus.Gateway.Incidents;

/// <summary>The blocks active when the store was last read, with the questions each enforcement point asks of them.</summary>
internal sealed class ContainmentSnapshot(IReadOnlyList<ContainmentBlock> blocks, DateTimeOffset readAt)
{
    public static ContainmentSnapshot Empty { get; } = new([], DateTimeOffset.MinValue);

    public IReadOnlyList<ContainmentBlock> Blocks { get; } = blocks;

    public DateTimeOffset ReadAt { get; } = readAt;

    /// <summary>Whether any address block exists, so the caller's address is hashed only when it could matter.</summary>
    public bool HasAddressBlocks { get; } = blocks.Any(b => b.Kind == ContainmentBlockKind.Address);

    /// <summary>Whether anything tightens applications (strict policy, disabled tools, forced re-verification).</summary>
    public bool HasApplicationRestrictions { get; } = blocks.Any(b => b.Kind is ContainmentBlockKind.StrictPolicy or ContainmentBlockKind.Tools or ContainmentBlockKind.Reverification);

    public ContainmentSnapshot ReadAgainAt(DateTimeOffset readAt) => new(Blocks, readAt);

    /// <summary>The block that refuses this caller, application or source outright, or null.</summary>
    public ContainmentBlock? RefusalFor(string? principal, string? application, string? source, DateTimeOffset now) =>
        Active(now).FirstOrDefault(block => block.Kind switch
        {
            ContainmentBlockKind.Principal => Same(block.Value, principal),
            ContainmentBlockKind.Application => Same(block.Value, application),
            ContainmentBlockKind.Address => Same(block.Value, source),
            _ => false,
        });

    /// <summary>The blocks that tighten <paramref name="application"/> without refusing it.</summary>
    public IEnumerable<ContainmentBlock> RestrictionsOf(string application, DateTimeOffset now) =>
        Active(now).Where(block => block.Kind is ContainmentBlockKind.StrictPolicy or ContainmentBlockKind.Tools or ContainmentBlockKind.Reverification
            && Same(block.Value, application));

    /// <summary>
    /// The time before which verifications of <paramref name="application"/>'s callers count for nothing (an incident
    /// forced them to verify again), or null.
    /// </summary>
    public DateTimeOffset? VerifiedNoEarlierThan(string application, DateTimeOffset now) =>
        HasApplicationRestrictions
            ? RestrictionsOf(application, now).Where(b => b.Kind == ContainmentBlockKind.Reverification).Select(b => (DateTimeOffset?)b.CreatedAt).Max()
            : null;

    private IEnumerable<ContainmentBlock> Active(DateTimeOffset now) => Blocks.Where(block => block.IsActiveAt(now));

    private static bool Same(string value, string? candidate) => candidate is not null && string.Equals(value, candidate, StringComparison.Ordinal);
}
