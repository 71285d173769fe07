namespace Caduceus.Gateway.Siem;

/// <summary>
/// A meter name held by one live gateway. OpenTelemetry subscribes to meters by name across the whole process, so two
/// gateways in one process (an embedding application, the test suite) sharing <c>Caduceus.Gateway</c> would each
/// report the other's traffic. The first live gateway holds the plain name; any other holds <c>Caduceus.Gateway.N</c>
/// until it is disposed, which frees the name for the next one.
/// </summary>
internal sealed class MeterNameLease : IDisposable
{
    private static readonly HashSet<int> Held = [];
    private readonly int _slot;
    private bool _released;

    private MeterNameLease(int slot)
    {
        _slot = slot;
        Name = slot == 1 ? GatewayMetrics.MeterName : $"{GatewayMetrics.MeterName}.{slot}";
    }

    public string Name { get; }

    public static MeterNameLease Acquire()
    {
        lock (Held)
        {
            var slot = 1;
            while (!Held.Add(slot))
            {
                slot++;
            }

            return new MeterNameLease(slot);
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (!_released)
            {
                Held.Remove(_slot);
                _released = true;
            }
        }
    }
}
