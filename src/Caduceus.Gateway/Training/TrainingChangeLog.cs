using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;

namespace Caduceus.Gateway.Training;

/// <summary>
/// Each change to the register, from the admin API or the CLI: a <c>training.changed</c> security event and an audit
/// record of kind <c>training</c> naming who changed what (ids and course only; never the display name or evidence).
/// </summary>
public sealed class TrainingChangeLog(IAuditLog audit, SecurityEventBus events, TimeProvider timeProvider)
{
    public Task PersonSavedAsync(TrainingPerson person, bool added, string actor, string? application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return RecordAsync(added ? TrainingCodes.PersonAdded : TrainingCodes.PersonUpdated, $"training/people/{person.Id}", actor, application, cancellationToken);
    }

    public Task CompletionRecordedAsync(TrainingCompletion completion, string actor, string? application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return RecordAsync(
            TrainingCodes.CompletionRecorded, $"training/people/{completion.PersonId}/completions/{completion.CourseId}", actor, application, cancellationToken);
    }

    private async Task RecordAsync(string code, string route, string actor, string? application, CancellationToken cancellationToken)
    {
        var securityEvent = events.Publish(TrainingCodes.ChangedEvent, code, application, actor, route);
        await audit.AppendAsync(
            new AuditRecord
            {
                Time = timeProvider.GetUtcNow(),
                Kind = TrainingCodes.AuditKind,
                Method = "ACTION",
                Route = route,
                Status = 200,
                Decision = AuditDecisions.Allowed,
                Code = code,
                KeyId = actor,
                Application = application,
                EventIds = [securityEvent.Id],
            },
            cancellationToken);
    }
}
