using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The model inventory on two gateway instances sharing one PostgreSQL database, over real HTTP.</summary>
public sealed class SharedModelInventoryGatewayTests : IAsyncLifetime
{
    private const string NewModel = "gpt-new";

    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TimeSpan Patience => TimeSpan.FromMilliseconds(1500);

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task A_model_added_then_removed_through_one_instance_is_accepted_then_refused_by_the_other()
    {
        var settings = _fleet!.Settings();
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);
        await second.Services.GetRequiredService<PostgresStateChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
        using var throughSecond = second.HttpWithKey(first.ApiKey);
        var (refusedStatus, refusedBody) = await ChatAsync(throughSecond, NewModel);
        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
        Assert.Contains(ModelInventoryCodes.ModelNotInInventory, refusedBody, StringComparison.Ordinal);

        Assert.Equal(ModelInventoryOutcome.Done, (await first.Models.AddAsync(GatewayHarness.TestModelEntry("default", NewModel), Cancel)).Outcome);
        await WaitForStatusAsync(throughSecond, HttpStatusCode.OK);
        Assert.Equal(ModelInventoryOutcome.Done, (await first.Models.RemoveAsync("default", NewModel, Cancel)).Outcome);
        await WaitForStatusAsync(throughSecond, HttpStatusCode.Forbidden);
    }

    private static async Task WaitForStatusAsync(HttpClient http, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan sent;
        HttpStatusCode status;
        do
        {
            // Measured from when each request was sent, so a slow answer on a busy machine does not count as staleness.
            sent = clock.Elapsed;
            Assert.True(sent < Patience, $"the other instance still answered the old way {sent.TotalMilliseconds:F0} ms after the change");
            (status, _) = await ChatAsync(http, NewModel);
        }
        while (status != expected);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ChatAsync(HttpClient http, string model)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content = "hello" } } }), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
