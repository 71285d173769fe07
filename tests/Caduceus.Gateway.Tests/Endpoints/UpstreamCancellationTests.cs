using System.Net;
using System.Net.Sockets;
using System.Text;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Endpoints;

public sealed class UpstreamCancellationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Closes_the_upstream_call_when_the_client_gives_up()
    {
        // A bare TCP upstream that reads the request and never answers, and reports when the gateway hangs up.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var harness = await GatewayHarness.StartAsync(upstreamOverride: $"http://127.0.0.1:{port}/v1");
        var requestSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstreamClosed = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync(Cancel);
            var buffer = new byte[8192];
            var received = new StringBuilder();
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, Cancel);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (received.ToString().Contains("give up", StringComparison.Ordinal))
                {
                    requestSeen.TrySetResult();
                }
            }
        }, Cancel);

        using var clientGivesUp = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var call = harness.Http.PostAsync(
            "v1/chat/completions",
            new StringContent("""{"messages":[{"role":"user","content":"I will give up soon"}]}""", Encoding.UTF8, "application/json"),
            clientGivesUp.Token);
        await requestSeen.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
        await clientGivesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        await upstreamClosed.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }
}
