using Caduceus.Events;
using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Tests.Siem.Delivery;

public sealed class SpillFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-spill-").FullName;

    private string SpillPath => Path.Combine(_directory, "siem-spill", "test.jsonl");

    [Fact]
    public void Events_come_back_in_order_and_the_file_goes_once_all_are_acknowledged()
    {
        using var spill = new SpillFile(SpillPath, 1 << 20);
        var events = Enumerable.Range(0, 5).Select(Event).ToList();

        Assert.True(spill.Append(events));
        var first = spill.Read(3);
        spill.Acknowledge(first.EndOffset);
        var rest = spill.Read(10);

        Assert.Equal(events.Take(3).Select(e => e.Id), first.Events.Select(e => e.Id));
        Assert.Equal(events.Skip(3).Select(e => e.Id), rest.Events.Select(e => e.Id));
        Assert.True(File.Exists(SpillPath));
        spill.Acknowledge(rest.EndOffset);
        Assert.False(File.Exists(SpillPath));
        Assert.False(spill.HasPending);
    }

    [Fact]
    public void The_file_is_readable_by_its_owner_only()
    {
        using var spill = new SpillFile(SpillPath, 1 << 20);
        spill.Append([Event(1)]);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SpillPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(SpillPath)!));
        }
    }

    [Fact]
    public void A_file_left_by_a_previous_run_is_read_again_skipping_a_torn_last_line()
    {
        using (var before = new SpillFile(SpillPath, 1 << 20))
        {
            before.Append([Event(1), Event(2)]);
        }

        File.AppendAllText(SpillPath, "{\"Id\":\"evt_torn");
        using var after = new SpillFile(SpillPath, 1 << 20);
        var batch = after.Read(10);

        Assert.True(after.HasPending);
        Assert.Equal(["evt_1", "evt_2"], batch.Events.Select(e => e.Id));
        Assert.Equal(1, batch.Unreadable);
        Assert.Equal(new SecurityEvent[] { Event(1), Event(2) }.Select(e => e.EntityCounts["SSN"]), batch.Events.Select(e => e.EntityCounts["SSN"]));
    }

    [Fact]
    public void A_full_file_refuses_and_counts_rather_than_growing()
    {
        using var spill = new SpillFile(SpillPath, 300);

        Assert.True(spill.Append([Event(1)]));
        Assert.False(spill.Append([Event(2), Event(3)]));

        Assert.Equal(2, spill.Dropped);
        Assert.Single(spill.Read(10).Events);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SecurityEvent Event(int n) => new(
        $"evt_{n}", DateTimeOffset.UnixEpoch.AddSeconds(n), SecurityEventTypes.RequestBlocked, "phi_blocked", "default", "key_1", "/v1/chat/completions",
        new Dictionary<string, int> { ["SSN"] = n }, ["SsnRecognizer"]);
}
