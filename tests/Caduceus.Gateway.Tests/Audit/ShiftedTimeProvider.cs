namespace Caduceus.Gateway.Tests.Audit;

/// <summary>The system clock moved by a fixed offset, to write records that are already old.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
