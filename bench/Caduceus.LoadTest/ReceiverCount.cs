namespace Caduceus.LoadTest;

/// <summary>
/// What one SIEM receiver got during a <c>--compare exporters</c> run. Expected: events the gateway raised that a
/// lossless exporter must deliver (null where delivery is best effort or events are not counted).
/// </summary>
internal sealed record ReceiverCount(string Receiver, long Events, long Requests, long Bytes, long? Expected, long PayloadsWithSampleSsn)
{
    public bool Complete => Expected is not { } expected || Events >= expected;
}
