using System.Net.Sockets;
using System.Text;
using Caduceus.LoadTest.Receivers;

namespace Caduceus.LoadTest.Tests.Receivers;

public sealed class SyslogTcpReceiverTests
{
    [Fact]
    public async Task Counts_octet_counted_messages_however_the_writes_split_them_and_flags_the_forbidden_text()
    {
        await using var receiver = new SyslogTcpReceiver("523-45-6789"u8);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", receiver.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var frames = Frame("<84>1 first") + Frame("<84>1 second with 523-45-6789") + Frame("<84>1 third");
        var bytes = Encoding.ASCII.GetBytes(frames);

        // Split inside a length and inside a message.
        await stream.WriteAsync(bytes.AsMemory(0, 1), TestContext.Current.CancellationToken);
        await stream.FlushAsync(TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await stream.WriteAsync(bytes.AsMemory(1, 20), TestContext.Current.CancellationToken);
        await stream.FlushAsync(TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await stream.WriteAsync(bytes.AsMemory(21), TestContext.Current.CancellationToken);

        Assert.Equal(3, await Eventually.ReachesAsync(() => receiver.Tally.Events, 3));
        Assert.Equal(1, receiver.Tally.PayloadsWithForbiddenText);
    }

    [Fact]
    public async Task A_connection_that_does_not_speak_octet_counting_is_dropped_and_others_are_still_counted()
    {
        await using var receiver = new SyslogTcpReceiver([]);
        using (var bad = new TcpClient())
        {
            await bad.ConnectAsync("127.0.0.1", receiver.Port, TestContext.Current.CancellationToken);
            await bad.GetStream().WriteAsync("<84>1 not counted\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        using var good = new TcpClient();
        await good.ConnectAsync("127.0.0.1", receiver.Port, TestContext.Current.CancellationToken);
        await good.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Frame("<84>1 counted")), TestContext.Current.CancellationToken);

        Assert.Equal(1, await Eventually.ReachesAsync(() => receiver.Tally.Events, 1));
    }

    private static string Frame(string message) => $"{Encoding.ASCII.GetByteCount(message)} {message}";
}
