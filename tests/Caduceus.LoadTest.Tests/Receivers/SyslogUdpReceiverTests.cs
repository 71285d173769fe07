using System.Net.Sockets;
using Caduceus.LoadTest.Receivers;

namespace Caduceus.LoadTest.Tests.Receivers;

public sealed class SyslogUdpReceiverTests
{
    [Fact]
    public async Task Counts_every_datagram_as_one_message()
    {
        await using var receiver = new SyslogUdpReceiver("523-45-6789"u8);
        using var client = new UdpClient();

        await client.SendAsync("<84>1 one"u8.ToArray(), "127.0.0.1", receiver.Port, TestContext.Current.CancellationToken);
        await client.SendAsync("<84>1 two"u8.ToArray(), "127.0.0.1", receiver.Port, TestContext.Current.CancellationToken);

        Assert.Equal(2, await Eventually.ReachesAsync(() => receiver.Tally.Events, 2));
        Assert.Equal(0, receiver.Tally.PayloadsWithForbiddenText);
    }
}
