using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/training</c>: the staff training register. People are listed with their standing and added or changed
/// with PUT; completions are recorded with POST (never one's own); the report lists who is overdue or expiring.
/// Every change is a <c>training.changed</c> event and an audit record; a refused request changes nothing.
/// </summary>
internal static class AdminTrainingEndpoints
{
    public static void Map(RouteGroupBuilder training)
    {
        training.MapGet("/people", ListPeopleAsync);
        training.MapPut("/people", PutPersonAsync);
        training.MapPost("/completions", RecordCompletionAsync);
        training.MapGet("/report", ReportAsync);
    }

    private static async Task<IResult> ListPeopleAsync(TrainingRecords records, CancellationToken cancellationToken)
    {
        var standings = await records.StandingsAsync(records.Today, cancellationToken);
        return Results.Json(new TrainingPeopleView(standings.Select(s => TrainingPersonView.From(s)).ToArray()), TrainingJsonContext.Default.TrainingPeopleView);
    }

    private static async Task<IResult> PutPersonAsync(HttpContext context, ITrainingStore store, TrainingRecords records, TrainingChangeLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminTrainingJsonContext.Default.PutTrainingPersonRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (!TrainingInput.TryPerson(request!.Id, request.DisplayName, request.Roles ?? [], out var person, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        var added = await store.PutPersonAsync(person, context.RequestAborted);
        await log.PersonSavedAsync(person, added, Actor(context), CallerClaims.ApplicationOf(context.User), context.RequestAborted);
        var standing = (await records.StandingsAsync(records.Today, context.RequestAborted)).First(s => s.PersonId == person.Id);
        return Results.Json(
            TrainingPersonView.From(standing), TrainingJsonContext.Default.TrainingPersonView, statusCode: added ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RecordCompletionAsync(
        HttpContext context, ITrainingStore store, TrainingRecords records, IOptions<TrainingOptions> options, TrainingChangeLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminTrainingJsonContext.Default.RecordCompletionRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        var actor = Actor(context);
        if (!TrainingInput.TryCompletion(
            options.Value.EffectiveCourses, request!.Person, request.Course, request.CompletedOn, request.Evidence, records.Today, actor, out var completion, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        if (string.Equals(completion.PersonId, actor, StringComparison.Ordinal))
        {
            return AdminResults.Problem(
                StatusCodes.Status403Forbidden, TrainingCodes.SelfAttestationRefused, "A person may not record their own training; ask a colleague or whoever runs the gateway.");
        }

        if (!await store.AddCompletionAsync(completion, context.RequestAborted))
        {
            return AdminResults.Problem(
                StatusCodes.Status404NotFound, "not_found", $"There is no person '{completion.PersonId}' in the training register; add them with PUT /admin/training/people first.");
        }

        await log.CompletionRecordedAsync(completion, actor, CallerClaims.ApplicationOf(context.User), context.RequestAborted);
        return Results.Json(TrainingCompletionView.From(completion), TrainingJsonContext.Default.TrainingCompletionView, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReportAsync(HttpContext context, TrainingRecords records)
    {
        string? asOfText = context.Request.Query["as_of"];
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!TrainingInput.TryDate(asOfText, "as_of", out var day, out var invalid))
            {
                return AdminResults.InvalidRequest(Capitalize(invalid));
            }

            asOf = day;
        }

        var report = await records.ReportAsync(asOf, context.RequestAborted);
        return Results.Json(TrainingReportView.From(report), TrainingJsonContext.Default.TrainingReportView);
    }

    private static string Actor(HttpContext context) => CallerClaims.KeyIdOf(context.User) ?? "unknown";

    private static string Capitalize(string message) => char.ToUpperInvariant(message[0]) + message[1..];
}
