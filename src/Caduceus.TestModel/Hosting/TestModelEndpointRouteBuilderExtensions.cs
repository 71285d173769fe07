using Caduceus.TestModel.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.TestModel.Hosting;

/// <summary>Maps the OpenAI-compatible routes of the stand-in model.</summary>
internal static class TestModelEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapTestModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var chat = endpoints.ServiceProvider.GetRequiredService<ChatCompletionsEndpoint>();
        var models = endpoints.ServiceProvider.GetRequiredService<ModelsEndpoint>();

        endpoints.MapPost(ChatCompletionsEndpoint.Pattern, chat.HandleAsync);
        endpoints.MapGet(ModelsEndpoint.ListPattern, models.ListAsync);
        endpoints.MapGet(ModelsEndpoint.GetPattern, models.GetAsync);
        endpoints.MapFallback(UnknownUrlEndpoint.Pattern, UnknownUrlEndpoint.HandleAsync);
        return endpoints;
    }
}
