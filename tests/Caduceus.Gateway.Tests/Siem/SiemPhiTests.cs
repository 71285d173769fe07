using System.Net;
using System.Net.Sockets;
using System.Text;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Siem;

public sealed class SiemPhiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ssn_sent_through_the_gateway_reaches_no_receiver_spill_file_or_log()
    {
        await using var splunk = await LoopbackHttpReceiver.StartAsync();
        await using var elastic = await LoopbackHttpReceiver.StartAsync();
        elastic.FailWith = 503;
        await using var azure = await LoopbackHttpReceiver.StartAsync(r => r.PathAndQuery.EndsWith("/token", StringComparison.Ordinal)
            ? (200, """{"access_token":"a","expires_in":3600}""")
            : (204, string.Empty));
        using var syslog = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Siem:Delivery:RetryBaseDelay"] = "00:00:00.050",
            ["Siem:Delivery:RetryMaxDelay"] = "00:00:00.200",
            ["Siem:Syslog:Host"] = "127.0.0.1",
            ["Siem:Syslog:Port"] = ((IPEndPoint)syslog.Client.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Siem:Splunk:Url"] = splunk.BaseAddress.ToString(),
            ["Siem:Splunk:Token"] = "t",
            ["Siem:Elastic:Url"] = elastic.BaseAddress.ToString(),
            ["Siem:AzureMonitor:Endpoint"] = azure.BaseAddress.ToString(),
            ["Siem:AzureMonitor:TokenEndpoint"] = new Uri(azure.BaseAddress, "token").ToString(),
            ["Siem:AzureMonitor:DcrImmutableId"] = "dcr-1",
            ["Siem:AzureMonitor:StreamName"] = "Custom-Caduceus_CL",
            ["Siem:AzureMonitor:ClientId"] = "c",
            ["Siem:AzureMonitor:ClientSecret"] = "s",
        });

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SiemTestEvents.SendBlockedRequestAsync(harness));
        }

        var spillPath = Path.Combine(harness.DataDirectory, "data", "siem-spill", "elastic.jsonl");
        bool Holds(IEnumerable<ReceivedRequest> requests) => ids.All(id => requests.Any(r => r.Body.Contains(id, StringComparison.Ordinal)));
        await LoopbackHttpReceiver.WaitUntilAsync(() => Holds(splunk.Accepted) && Holds(azure.Accepted), TimeSpan.FromSeconds(10), "Splunk and Azure Monitor have the events");
        await LoopbackHttpReceiver.WaitUntilAsync(() => File.Exists(spillPath) && ids.All(File.ReadAllText(spillPath).Contains), TimeSpan.FromSeconds(10), "Elastic's events wait on disk");
        var datagrams = new StringBuilder();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            while (!ids.All(id => datagrams.ToString().Contains(id, StringComparison.Ordinal)))
            {
                datagrams.AppendLine(Encoding.UTF8.GetString((await syslog.ReceiveAsync(timeout.Token)).Buffer));
            }
        }

        var everything = string.Join('\n', splunk.Requests.Concat(elastic.Requests).Concat(azure.Requests).Select(r => r.Body))
            + File.ReadAllText(spillPath) + datagrams + string.Join('\n', harness.Logs.Lines);
        Assert.DoesNotContain(SiemTestEvents.Ssn, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SiemTestEvents.Ssn.Replace("-", string.Empty, StringComparison.Ordinal), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SiemTestEvents.Name, everything, StringComparison.Ordinal);
    }
}
