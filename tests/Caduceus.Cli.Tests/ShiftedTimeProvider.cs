namespace Caduceus.Cli.Tests;

/// <summary>The system clock moved by a fixed offset, to write audit records that are already old.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
