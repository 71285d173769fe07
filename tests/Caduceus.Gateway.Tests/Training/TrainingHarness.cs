using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>The training register of a running gateway, for tests that seed people and read back what was audited.</summary>
internal static class TrainingHarness
{
    public static ITrainingStore Store(GatewayHarness harness) => harness.Services.GetRequiredService<ITrainingStore>();

    public static async Task RegisterAsync(GatewayHarness harness, string id, params string[] roles) =>
        await Store(harness).PutPersonAsync(new TrainingPerson { Id = id, DisplayName = "Staff member", Roles = roles.Length == 0 ? [TrainingRoles.Admin] : roles }, CancellationToken.None);

    /// <summary>Records a completion of every default course <paramref name="daysAgo"/> days ago, except <paramref name="skip"/>.</summary>
    public static async Task CompleteAsync(GatewayHarness harness, string id, int daysAgo, params string[] skip)
    {
        var on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo);
        foreach (var course in TrainingOptions.DefaultCourses().Where(c => !skip.Contains(c.Id)))
        {
            await Store(harness).AddCompletionAsync(
                new TrainingCompletion { PersonId = id, CourseId = course.Id, CompletedOn = on, ExpiresOn = course.ExpiryOf(on), RecordedBy = "tests" }, CancellationToken.None);
        }
    }

    public static async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync(GatewayHarness harness)
    {
        var records = new List<AuditRecord>();
        await foreach (var stored in harness.Services.GetRequiredService<IAuditReader>().ReadAsync(0, CancellationToken.None))
        {
            records.Add(AuditRecordJson.Parse(stored.CanonicalJson, stored.Sequence));
        }

        return records;
    }
}
