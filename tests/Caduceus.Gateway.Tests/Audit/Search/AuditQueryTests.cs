using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Search;

namespace Caduceus.Gateway.Tests.Audit.Search;

public sealed class AuditQueryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuditRecord Record = new()
    {
        Time = Noon,
        Kind = "chat",
        Method = "POST",
        Route = "/v1/chat/completions",
        Status = 400,
        Decision = "blocked",
        Code = "prompt_injection_detected",
        KeyId = "key_00000000000000aa",
        Application = "portal",
        EventIds = ["evt_1", "evt_2"],
    };

    [Fact]
    public void An_empty_query_matches_everything() => Assert.True(new AuditQuery().Matches(Record));

    [Theory]
    [InlineData("key_00000000000000aa", true)]
    [InlineData("key_00000000000000AA", false)]
    [InlineData("key_00000000000000a", false)]
    public void Identity_matches_the_stored_key_id_exactly(string identity, bool matches) =>
        Assert.Equal(matches, new AuditQuery { Identity = identity }.Matches(Record));

    [Fact]
    public void Identity_matches_an_oidc_subject_as_stored() =>
        Assert.True(new AuditQuery { Identity = "oidc:alice" }.Matches(Record with { KeyId = "oidc:alice" }));

    [Fact]
    public void Identity_never_matches_an_unauthenticated_record() =>
        Assert.False(new AuditQuery { Identity = "key_00000000000000aa" }.Matches(Record with { KeyId = null }));

    [Theory]
    [InlineData("portal", true)]
    [InlineData("phone", false)]
    public void Application_matches_exactly(string application, bool matches) =>
        Assert.Equal(matches, new AuditQuery { Application = application }.Matches(Record));

    [Theory]
    [InlineData("blocked", true)]
    [InlineData("allowed", false)]
    public void Decision_matches_exactly(string decision, bool matches) =>
        Assert.Equal(matches, new AuditQuery { Decision = decision }.Matches(Record));

    [Theory]
    [InlineData("evt_1", true)]
    [InlineData("evt_2", true)]
    [InlineData("evt_3", false)]
    [InlineData("evt_", false)]
    public void Event_id_matches_any_of_the_records_events(string eventId, bool matches) =>
        Assert.Equal(matches, new AuditQuery { EventId = eventId }.Matches(Record));

    [Fact]
    public void Since_includes_its_own_instant_and_until_excludes_its_own()
    {
        Assert.True(new AuditQuery { Since = Noon }.Matches(Record));
        Assert.False(new AuditQuery { Since = Noon.AddTicks(1) }.Matches(Record));
        Assert.False(new AuditQuery { Until = Noon }.Matches(Record));
        Assert.True(new AuditQuery { Until = Noon.AddTicks(1) }.Matches(Record));
    }

    [Fact]
    public void Times_compare_as_instants_whatever_their_offset() =>
        Assert.True(new AuditQuery { Since = Noon.ToOffset(TimeSpan.FromHours(-5)), Until = Noon.AddTicks(1).ToOffset(TimeSpan.FromHours(9)) }.Matches(Record));

    [Fact]
    public void Every_criterion_set_must_hold()
    {
        var all = new AuditQuery { Identity = "key_00000000000000aa", Application = "portal", Decision = "blocked", EventId = "evt_2", Since = Noon.AddHours(-1), Until = Noon.AddHours(1) };

        Assert.True(all.Matches(Record));
        Assert.False((all with { Application = "phone" }).Matches(Record));
        Assert.False((all with { Decision = "refused" }).Matches(Record));
        Assert.False((all with { Until = Noon }).Matches(Record));
    }
}
