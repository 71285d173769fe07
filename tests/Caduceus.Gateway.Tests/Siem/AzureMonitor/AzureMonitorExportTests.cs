using System.Text.Json;
using System.Web;
using Caduceus.Gateway.Siem.AzureMonitor;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Siem.Splunk;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Siem.AzureMonitor;

public sealed class AzureMonitorExportTests
{
    private const string ClientSecret = "entra-secret-7Q~x1";
    private const string AccessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_reach_the_ingestion_api_with_a_client_credentials_token_fetched_once_and_cached()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync(Answer);
        var spill = Directory.CreateTempSubdirectory("caduceus-spill-").FullName;
        var options = new AzureMonitorOptions
        {
            Endpoint = receiver.BaseAddress.ToString(),
            DcrImmutableId = "dcr-00000000000000000000000000000001",
            StreamName = "Custom-CaduceusSecurity_CL",
            ClientId = "client-1",
            ClientSecret = ClientSecret,
            TokenEndpoint = new Uri(receiver.BaseAddress, "tenant-1/oauth2/v2.0/token").ToString(),
        };
        var exporter = new SiemExporter(new AzureMonitorTransport(options, TimeProvider.System), SplunkExportTests.FastRetries(), spill, NullLogger<SiemExporter>.Instance);
        await exporter.StartAsync(Cancel);

        exporter.Publish(SiemTestEvents.Made(1));
        await LoopbackHttpReceiver.WaitUntilAsync(() => exporter.Acknowledged == 1, TimeSpan.FromSeconds(10), "the first row arrived");
        exporter.Publish(SiemTestEvents.Made(2));
        await LoopbackHttpReceiver.WaitUntilAsync(() => exporter.Acknowledged == 2, TimeSpan.FromSeconds(10), "the second row arrived");
        await exporter.StopAsync(Cancel);
        exporter.Dispose();

        var token = Assert.Single(receiver.Requests, r => r.PathAndQuery.EndsWith("/token", StringComparison.Ordinal));
        var form = HttpUtility.ParseQueryString(token.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("client-1", form["client_id"]);
        Assert.Equal(ClientSecret, form["client_secret"]);
        Assert.Equal("https://monitor.azure.com//.default", form["scope"]);

        var ingestions = receiver.Requests.Where(r => r.PathAndQuery.StartsWith("/dataCollectionRules/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ingestions.Count);
        Assert.All(ingestions, r =>
        {
            Assert.Equal("/dataCollectionRules/dcr-00000000000000000000000000000001/streams/Custom-CaduceusSecurity_CL?api-version=2023-01-01", r.PathAndQuery);
            Assert.Equal("Bearer " + AccessToken, r.Headers["Authorization"]);
        });
        var row = JsonDocument.Parse(ingestions[0].Body).RootElement.EnumerateArray().Single();
        Assert.Equal(SiemTestEvents.Made(1).Id, row.GetProperty("EventId").GetString());
        Assert.Equal("request.redacted", row.GetProperty("EventType").GetString());
        Assert.Equal(1, row.GetProperty("EntityCounts").GetProperty("SSN").GetInt32());
        Assert.Equal(2004, row.GetProperty("ClassUid").GetInt32());
        Assert.True(row.GetProperty("TimeGenerated").TryGetDateTimeOffset(out _));
        Directory.Delete(spill, recursive: true);
    }

    private static (int Status, string Body) Answer(ReceivedRequest request) =>
        request.PathAndQuery.EndsWith("/token", StringComparison.Ordinal)
            ? (200, $$"""{"token_type":"Bearer","expires_in":3599,"access_token":"{{AccessToken}}"}""")
            : request.Headers.TryGetValue("Authorization", out var authorization) && authorization == "Bearer " + AccessToken ? (204, string.Empty) : (401, "{}");
}
