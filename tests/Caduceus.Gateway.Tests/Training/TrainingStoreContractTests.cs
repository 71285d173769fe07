using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>What every <see cref="ITrainingStore"/> must do; each store runs these through a derived class.</summary>
public abstract class TrainingStoreContractTests
{
    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The stores' clock, at 2030-01-01 00:00 UTC when a test starts.</summary>
    private protected ManualTimeProvider Clock { get; } = new();

    private protected abstract ITrainingStore Store { get; }

    [Fact]
    public async Task Putting_a_person_says_whether_they_were_new_and_a_second_put_replaces_name_and_roles_but_keeps_when_they_were_added()
    {
        Assert.False(await Store.AnyPeopleAsync(Cancel));

        Assert.True(await Store.PutPersonAsync(Person("console:bob", "Bob", TrainingRoles.Admin), Cancel));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await Store.PutPersonAsync(Person("console:bob", "Robert", TrainingRoles.Admin, TrainingRoles.Clinician), Cancel));

        var bob = await Store.GetPersonAsync("console:bob", Cancel);
        Assert.NotNull(bob);
        Assert.Equal("Robert", bob.DisplayName);
        Assert.Equal([TrainingRoles.Admin, TrainingRoles.Clinician], bob.Roles);
        Assert.Equal((Clock.GetUtcNow().AddHours(-1), Clock.GetUtcNow()), (bob.CreatedAt, bob.UpdatedAt));
        Assert.True(await Store.AnyPeopleAsync(Cancel));
        Assert.Null(await Store.GetPersonAsync("console:alice", Cancel));
    }

    [Fact]
    public async Task People_are_listed_by_id_in_ordinal_order()
    {
        foreach (var id in new[] { "key_b", "console:a", "Key_A", "oidc:z" })
        {
            await Store.PutPersonAsync(Person(id, "Staff member", TrainingRoles.Admin), Cancel);
        }

        Assert.Equal(["Key_A", "console:a", "key_b", "oidc:z"], (await Store.ListPeopleAsync(Cancel)).Select(p => p.Id));
    }

    [Fact]
    public async Task A_completion_for_someone_not_in_the_register_is_refused_and_nothing_is_recorded()
    {
        Assert.False(await Store.AddCompletionAsync(Completion("console:ghost", "phishing", new DateOnly(2029, 12, 1)), Cancel));

        Assert.Empty(await Store.ListCompletionsAsync(null, Cancel));
        Assert.False(await Store.AnyPeopleAsync(Cancel));
    }

    [Fact]
    public async Task Completions_keep_every_field_and_are_listed_oldest_first_for_everyone_or_one_person()
    {
        await Store.PutPersonAsync(Person("console:bob", "Bob", TrainingRoles.Admin), Cancel);
        await Store.PutPersonAsync(Person("key_carol", "Carol", TrainingRoles.Clinician), Cancel);
        var first = Completion("console:bob", "phishing", new DateOnly(2029, 12, 1)) with { Evidence = "LMS 4411" };
        var second = Completion("key_carol", "ai-safe-use", new DateOnly(2029, 11, 30));
        var third = Completion("console:bob", "ai-safe-use", new DateOnly(2029, 10, 2));

        Assert.True(await Store.AddCompletionAsync(first, Cancel));
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await Store.AddCompletionAsync(second, Cancel));
        Assert.True(await Store.AddCompletionAsync(third, Cancel));

        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [first with { RecordedAt = start }, second with { RecordedAt = start.AddMinutes(5) }, third with { RecordedAt = start.AddMinutes(5) }],
            await Store.ListCompletionsAsync(null, Cancel));
        Assert.Equal([first.CourseId, third.CourseId], (await Store.ListCompletionsAsync("console:bob", Cancel)).Select(c => c.CourseId));
        Assert.Empty(await Store.ListCompletionsAsync("console:ghost", Cancel));
    }

    [Fact]
    public async Task Writers_adding_the_same_new_person_at_once_agree_that_exactly_one_added_them()
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.PutPersonAsync(Person("console:bob", $"Bob {i}", TrainingRoles.Admin), Cancel), Cancel)));

        Assert.Single(added, a => a);
        Assert.Single(await Store.ListPeopleAsync(Cancel));
    }

    private static TrainingPerson Person(string id, string name, params string[] roles) => new() { Id = id, DisplayName = name, Roles = roles };

    private static TrainingCompletion Completion(string person, string course, DateOnly on) => new()
    {
        PersonId = person,
        CourseId = course,
        CompletedOn = on,
        ExpiresOn = on.AddDays(365),
        RecordedBy = "cli:tester",
    };
}
