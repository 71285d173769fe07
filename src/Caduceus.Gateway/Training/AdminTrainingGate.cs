using Caduceus.Gateway.Admin;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Training;

/// <summary>
/// The admin API's training gate, after the MFA gate: a request that changes something (any method but GET, HEAD and
/// OPTIONS) on an endpoint without <see cref="TrainingExemption"/> is refused with 403 <c>training_lapsed</c> when
/// <see cref="TrainingEnforcement"/> says so. Reads stay open, so a lapsed admin can still see what is overdue.
/// </summary>
internal sealed class AdminTrainingGate(TrainingEnforcement enforcement) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsRead(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<TrainingExemption>() is not null)
        {
            return await next(context);
        }

        if (await enforcement.CheckAsync(http) is { } refusal)
        {
            return AdminResults.Problem(StatusCodes.Status403Forbidden, TrainingCodes.TrainingLapsed, refusal.Detail, refusal.EventId);
        }

        return await next(context);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
