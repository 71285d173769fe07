using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Pipeline;

/// <summary>Refuses bodies over the configured size before a byte of them is parsed.</summary>
internal sealed class RequestSizeLimitStage(IOptions<GatewayOptions> options) : IChatStage
{
    private readonly long _maxBytes = options.Value.Limits.MaxRequestBodyBytes;

    public ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var context = exchange.HttpContext;
        if (context.Request.ContentLength > _maxBytes)
        {
            return new ValueTask(TooLargeAsync(context, _maxBytes));
        }

        // Chunked bodies carry no length: Kestrel enforces the same limit while the parse stage reads.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = _maxBytes;
        }

        return next(exchange);
    }

    public static Task TooLargeAsync(HttpContext context, long maxBytes) =>
        GatewayErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, RefusalCodes.RequestTooLarge, $"The request body is larger than {maxBytes} bytes.");
}
