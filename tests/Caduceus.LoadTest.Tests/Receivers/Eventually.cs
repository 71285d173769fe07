namespace Caduceus.LoadTest.Tests.Receivers;

/// <summary>Polls a count that another socket's task updates, for at most five seconds.</summary>
internal static class Eventually
{
    public static async Task<long> ReachesAsync(Func<long> read, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (read() < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return read();
    }
}
