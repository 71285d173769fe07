using System.Text.Json;
using Caduceus.Gateway.Drills;

namespace Caduceus.Gateway.Tests.Drills;

/// <summary>What every <see cref="IDrillResultStore"/> must do; each store runs these through a derived class.</summary>
public abstract class DrillResultStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 3, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IDrillResultStore Store { get; }

    [Fact]
    public async Task A_saved_result_reads_back_with_every_field_and_its_scorecard()
    {
        var failed = Result("nightly", Start) with
        {
            Passed = false,
            Findings = ["LLM01 Prompt Injection: 90/97 stopped (92.8%), below the minimum 95.0%"],
            IncidentId = "inc_drill",
        };
        await Store.SaveAsync(failed, """{"suite":"default","score":0.928}""", Cancel);

        Assert.Equal(Json(failed), Json((await Store.LatestAsync("nightly", Cancel))!));
        Assert.Equal("""{"suite":"default","score":0.928}""", await Store.LatestScorecardAsync("nightly", Cancel));
        Assert.Null(await Store.LatestAsync("weekly", Cancel));
        Assert.Null(await Store.LatestScorecardAsync("weekly", Cancel));
    }

    [Fact]
    public async Task The_newest_result_of_each_schedule_is_listed_newest_first_and_schedules_match_without_regard_to_case()
    {
        var older = Result("nightly", Start);
        var weekly = Result("weekly", Start.AddMinutes(30));
        var newer = Result("Nightly", Start.AddHours(1));
        await Store.SaveAsync(older, "{\"run\":1}", Cancel);
        await Store.SaveAsync(weekly, "{\"run\":2}", Cancel);
        await Store.SaveAsync(newer, "{\"run\":3}", Cancel);

        Assert.Equal([newer.Id, weekly.Id], (await Store.LatestAsync(Cancel)).Select(r => r.Id));
        Assert.Equal(newer.Id, (await Store.LatestAsync("NIGHTLY", Cancel))!.Id);
        Assert.Equal([newer.Id, older.Id], (await Store.HistoryAsync("nightly", 10, Cancel)).Select(r => r.Id));
        Assert.Equal([newer.Id], (await Store.HistoryAsync("nightly", 1, Cancel)).Select(r => r.Id));
        Assert.Equal("{\"run\":3}", await Store.LatestScorecardAsync("nightly", Cancel));
    }

    [Fact]
    public async Task Only_the_newest_fifty_results_of_a_schedule_are_kept_and_other_schedules_are_untouched()
    {
        var weekly = Result("weekly", Start.AddDays(-1));
        await Store.SaveAsync(weekly, "{}", Cancel);
        var nightly = Enumerable.Range(0, 52).Select(i => Result("nightly", Start.AddDays(i))).ToArray();
        foreach (var result in nightly)
        {
            await Store.SaveAsync(result, "{}", Cancel);
        }

        var kept = await Store.HistoryAsync("nightly", 100, Cancel);
        Assert.Equal(nightly.Skip(2).Reverse().Select(r => r.Id), kept.Select(r => r.Id));
        Assert.Equal([weekly.Id], (await Store.HistoryAsync("weekly", 100, Cancel)).Select(r => r.Id));
    }

    private static string Json(DrillResult result) => JsonSerializer.Serialize(result, DrillJsonContext.Default.DrillResult);

    private static DrillResult Result(string schedule, DateTimeOffset startedAt) => new()
    {
        Id = DrillResult.NewId(),
        Schedule = schedule,
        Application = "default",
        StartedAt = startedAt,
        DurationSeconds = 12.5,
        Passed = true,
        Categories = new Dictionary<string, DrillCategoryResult>
        {
            ["LLM01"] = new("Prompt Injection", 97, 97, 1.0, 0.95),
            ["LLM02"] = new("Sensitive Information Disclosure", 40, 39, 0.975, 0.95),
        },
        BenignTotal = 20,
        BenignRefused = 1,
        MaxBenignRefusedRate = 0.1,
        Findings = [],
        EventId = "evt_" + Guid.NewGuid().ToString("N"),
    };
}
