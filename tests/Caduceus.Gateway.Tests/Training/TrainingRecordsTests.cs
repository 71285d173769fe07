using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>The report and summary on a real register, with a clock the test moves (it starts at 2030-01-01).</summary>
public sealed class TrainingRecordsTests : IDisposable
{
    private static readonly TrainingOptions Options = new()
    {
        Courses =
        [
            new() { Id = "security", Title = "Security awareness", ValidFor = TimeSpan.FromDays(365), RequiredForRoles = [TrainingRoles.Admin] },
            new() { Id = "clinical-ai", Title = "Clinical AI", ValidFor = TimeSpan.FromDays(180), RequiredForRoles = [TrainingRoles.Clinician] },
        ],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-training-").FullName;
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteTrainingStore _store;
    private readonly TrainingRecords _records;

    public TrainingRecordsTests()
    {
        _store = new SqliteTrainingStore(new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { DataDirectory = _directory })), _clock);
        _records = new TrainingRecords(_store, Microsoft.Extensions.Options.Options.Create(Options), _clock);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_lists_expired_and_missing_training_as_overdue_first_then_training_expiring_within_30_days()
    {
        await SeedAsync();

        var report = await _records.ReportAsync(cancellationToken: Cancel);

        Assert.Equal(new DateOnly(2030, 1, 1), report.AsOf);
        Assert.Equal(new DateOnly(2030, 1, 31), report.ExpiringBefore);
        Assert.Equal(["key_bob", "oidc:erin", "console:carol"], report.People.Select(p => p.PersonId));
        Assert.Equal((2, 1), (report.OverdueCount, report.ExpiringCount));
        var bob = report.People[0].Courses.Single();
        Assert.Equal((CourseState.Expired, new DateOnly(2029, 12, 1)), (bob.State, bob.ExpiresOn));
        Assert.Equal(CourseState.Missing, report.People[1].Courses.Single().State);
        Assert.Equal(CourseState.Expiring, report.People[2].Courses.Single().State);
    }

    [Fact]
    public async Task A_completion_lapses_once_the_clock_passes_its_expiry_and_a_newer_one_counts_over_an_older_one()
    {
        await SeedAsync();
        _clock.Advance(TimeSpan.FromDays(152));

        var later = await _records.ReportAsync(cancellationToken: Cancel);
        await _store.AddCompletionAsync(Completion("key_bob", "security", new DateOnly(2030, 5, 1)), Cancel);
        var afterRetake = await _records.ReportAsync(cancellationToken: Cancel);

        Assert.Contains(later.People, p => p.PersonId == "key_alice" && p.IsOverdue);
        Assert.DoesNotContain(afterRetake.People, p => p.PersonId == "key_bob");
    }

    [Fact]
    public async Task A_report_as_of_an_earlier_day_ignores_completions_made_after_it()
    {
        await SeedAsync();

        var report = await _records.ReportAsync(new DateOnly(2029, 5, 1), Cancel);

        Assert.Contains(report.People, p => p.PersonId == "key_alice" && p.Courses.Single().State == CourseState.Missing);
    }

    [Fact]
    public async Task Summary_counts_people_overdue_expiring_and_completion_per_course()
    {
        await SeedAsync();

        var summary = await _records.SummaryAsync(cancellationToken: Cancel);

        Assert.Equal((5, 2, 1), (summary.People, summary.Overdue, summary.Expiring));
        var security = summary.Courses.Single(c => c.CourseId == "security");
        var clinical = summary.Courses.Single(c => c.CourseId == "clinical-ai");
        Assert.Equal((3, 2, 1, 1), (security.Required, security.Current, security.Expiring, security.Overdue));
        Assert.Equal((2, 1, 0, 1), (clinical.Required, clinical.Current, clinical.Expiring, clinical.Overdue));
        Assert.Equal(0.5, clinical.CompletionRate);
    }

    [Fact]
    public async Task An_identity_not_in_the_register_acting_as_admin_misses_every_admin_course()
    {
        var standing = await _records.StandingForAsync("key_stranger", TrainingRoles.Admin, Cancel);

        Assert.True(standing.IsOverdue);
        Assert.Equal(["security"], standing.Overdue.Select(c => c.CourseId));
        Assert.Null(standing.DisplayName);
    }

    [Fact]
    public async Task A_completion_for_someone_not_in_the_register_is_not_recorded()
    {
        Assert.False(await _store.AddCompletionAsync(Completion("key_nobody", "security", new DateOnly(2029, 12, 1)), Cancel));
        Assert.Empty(await _store.ListCompletionsAsync(null, Cancel));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    // alice current, bob expired, carol expiring on 2030-01-20, dave (clinician) current, erin (clinician) never trained.
    private async Task SeedAsync()
    {
        await PersonAsync("key_alice", TrainingRoles.Admin);
        await PersonAsync("key_bob", TrainingRoles.Admin);
        await PersonAsync("console:carol", TrainingRoles.Admin);
        await PersonAsync("key_dave", TrainingRoles.Clinician);
        await PersonAsync("oidc:erin", TrainingRoles.Clinician);
        await _store.AddCompletionAsync(Completion("key_alice", "security", new DateOnly(2029, 6, 1)), Cancel);
        await _store.AddCompletionAsync(Completion("key_bob", "security", new DateOnly(2028, 12, 1)), Cancel);
        await _store.AddCompletionAsync(Completion("console:carol", "security", new DateOnly(2029, 1, 20)), Cancel);
        await _store.AddCompletionAsync(Completion("key_dave", "clinical-ai", new DateOnly(2029, 12, 1)), Cancel);
    }

    private async Task PersonAsync(string id, string role) =>
        await _store.PutPersonAsync(new TrainingPerson { Id = id, DisplayName = "Staff " + id, Roles = [role] }, Cancel);

    private static TrainingCompletion Completion(string person, string course, DateOnly on) => new()
    {
        PersonId = person,
        CourseId = course,
        CompletedOn = on,
        ExpiresOn = Options.Courses.Single(c => c.Id == course).ExpiryOf(on),
        RecordedBy = "tests",
    };
}
