using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Gives every request but the health probes an audit record, committed before the first byte of the response
/// (or, for a streamed answer, before its last event): a client never holds an answer that was not audited. It
/// runs before authentication, so refused credentials are recorded too.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, IAuditLog log, FindingValueHasher hasher, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz"))
        {
            await next(context);
            return;
        }

        var audit = new RequestAudit(context, log, hasher, timeProvider.GetUtcNow());
        context.Features.Set(audit);
        context.Response.OnStarting(static state => ((RequestAudit)state).CommitUnlessDeferredAsync(), audit);
        try
        {
            await next(context);
        }
        catch when (!context.Response.HasStarted)
        {
            // The exception handler answers 500 next; the record says so.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            audit.DeferredToStreamEnd = false;
            throw;
        }
        finally
        {
            // Answers that never started (client gone) or a stream that ended without its last event.
            await audit.CommitAsync();
        }
    }
}
