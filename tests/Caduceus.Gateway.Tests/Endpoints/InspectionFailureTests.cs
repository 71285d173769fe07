using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.Detection;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Endpoints;

public sealed class InspectionFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refuses_a_request_the_detectors_could_not_finish()
    {
        await using var harness = await GatewayHarness.StartAsync(configureServices: services =>
            services.AddSingleton<ITextAnalyzer>(new TextAnalyzer([new TimingOutDetector("poison")])));

        using var response = await harness.Http.PostAsync("v1/chat/completions", Json("""{"messages":[{"role":"user","content":"poison pill"}]}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("inspection_failed", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.InspectionFailed);
    }

    [Fact]
    public async Task Stops_a_stream_the_detectors_could_not_finish()
    {
        var rule = new TestModelRule { Match = "go", Reply = "fine words then poison appears here and more", ChunkSize = 4 };
        await using var harness = await GatewayHarness.StartAsync(Scripts.Single(rule), configureServices: services =>
            services.AddSingleton<ITextAnalyzer>(new TextAnalyzer([new TimingOutDetector("poison")])));

        using var response = await harness.Http.PostAsync("v1/chat/completions", Json("""{"stream":true,"messages":[{"role":"user","content":"go"}]}"""), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("\"code\":\"inspection_failed\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("poison", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", body, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Behaves like a regex that ran out of time on a pathological input.</summary>
    private sealed class TimingOutDetector(string trigger) : IDetector
    {
        public string Name => "TimingOut";

        public void Detect(DetectionInput input, List<Finding> findings)
        {
            if (input.Text.Contains(trigger, StringComparison.Ordinal))
            {
                throw new RegexMatchTimeoutException("x", "y", TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
