using System.Net;
using System.Text.Json;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Endpoints;

public sealed class HostEndpointsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("healthz", "ok")]
    [InlineData("readyz", "ready")]
    public async Task Probes_answer_without_credentials(string path, string status)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var anonymous = harness.AnonymousHttp();

        using var response = await anonymous.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lists_the_upstream_models_for_an_authenticated_caller()
    {
        await using var harness = await GatewayHarness.StartAsync();

        using var response = await harness.Http.GetAsync("v1/models", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var models = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("data");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("id").GetString() == "caduceus-test-model");
    }

    [Theory]
    [InlineData("GET", "v1/models")]
    [InlineData("POST", "v1/chat/completions")]
    [InlineData("GET", "v1/unknown")]
    [InlineData("GET", "")]
    public async Task Every_endpoint_but_the_probes_refuses_anonymous_callers(string method, string path)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var anonymous = harness.AnonymousHttp();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_get_a_json_404_for_authenticated_callers()
    {
        await using var harness = await GatewayHarness.StartAsync();

        using var response = await harness.Http.GetAsync("v1/nothing-here", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
