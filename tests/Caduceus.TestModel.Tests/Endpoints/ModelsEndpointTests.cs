using System.ClientModel;
using System.Net;
using System.Text.Json;
using OpenAI;
using OpenAI.Models;

namespace Caduceus.TestModel.Tests.Endpoints;

public sealed class ModelsEndpointTests : IAsyncLifetime
{
    private RunningTestModel _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestModels.StartAsync(new TestModelScript { Models = { "clinic-model", "caduceus-test-model" } });
        _http = new HttpClient { BaseAddress = _server.ApiBaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private OpenAIModelClient Client() =>
        new(new ApiKeyCredential("test"), new OpenAIClientOptions { Endpoint = _server.ApiBaseAddress });

    [Fact]
    public async Task Lists_the_default_model_then_the_script_models_once_each()
    {
        using var response = await _http.GetAsync("models", Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", body.RootElement.GetProperty("object").GetString());
        var data = body.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["caduceus-test-model", "clinic-model"], data.Select(m => m.GetProperty("id").GetString()));
        Assert.All(data, m =>
        {
            Assert.Equal("model", m.GetProperty("object").GetString());
            Assert.Equal("caduceus", m.GetProperty("owned_by").GetString());
            Assert.True(m.GetProperty("created").GetInt64() > 1_700_000_000);
        });
    }

    [Fact]
    public async Task Official_client_lists_the_models()
    {
        OpenAIModelCollection models = await Client().GetModelsAsync(Ct);

        Assert.Equal(["caduceus-test-model", "clinic-model"], models.Select(m => m.Id));
        Assert.All(models, m => Assert.Equal("caduceus", m.OwnedBy));
    }

    [Fact]
    public async Task Official_client_gets_one_model()
    {
        OpenAIModel model = await Client().GetModelAsync("clinic-model", Ct);

        Assert.Equal("clinic-model", model.Id);
    }

    [Fact]
    public async Task Unknown_model_gets_404_with_an_openai_error()
    {
        using var response = await _http.GetAsync("models/no-such-model", Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
