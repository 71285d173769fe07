using Caduceus.Events;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.TestModel;
using Caduceus.TestModel.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Drills;

/// <summary>
/// A real gateway in front of the vulnerable-clinic test model, with one drill schedule <c>nightly</c> (03:00 UTC) of
/// the default application and a small suite, and a hand-moved clock for the scheduler's due times.
/// </summary>
internal sealed class DrillGateway : IAsyncDisposable
{
    public const string Schedule = "nightly";

    private readonly RunningTestModel _model;

    private DrillGateway(RunningTestModel model, GatewayHarness harness, ManualTimeProvider clock)
    {
        _model = model;
        Harness = harness;
        Clock = clock;
    }

    public GatewayHarness Harness { get; }

    /// <summary>The scheduler's clock (2030-01-01 00:00 UTC at start); the rest of the gateway runs on the real one.</summary>
    public ManualTimeProvider Clock { get; }

    public ScheduledDrillRunner Runner => Harness.Services.GetRequiredService<ScheduledDrillRunner>();

    public DrillSchedule NightlySchedule => Harness.Services.GetRequiredService<DrillSchedules>().Find(Schedule)!;

    public IDrillResultStore Results => Harness.Services.GetRequiredService<IDrillResultStore>();

    /// <summary>Settings of the <c>nightly</c> schedule with <paramref name="suite"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(string suite, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Drills:Schedules:0:Name"] = Schedule,
            ["Drills:Schedules:0:Cron"] = "0 3 * * *",
            ["Drills:Schedules:0:Application"] = "default",
            ["Drills:Schedules:0:Suites:0"] = suite,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<DrillGateway> StartAsync(IDictionary<string, string?> settings)
    {
        var model = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Profile = TestModelProfiles.VulnerableClinic });
        var clock = new ManualTimeProvider();
        try
        {
            var harness = await GatewayHarness.StartAsync(
                settings: settings,
                upstreamOverride: model.ApiBaseAddress.ToString(),
                configureServices: services => services.AddKeyedSingleton<TimeProvider>(DrillScheduler.ClockKey, clock));
            return new DrillGateway(model, harness, clock);
        }
        catch
        {
            await model.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first event of <paramref name="type"/> the gateway raised, waiting up to <paramref name="seconds"/>.</summary>
    public async Task<SecurityEvent> WaitForEventAsync(string type, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Harness.Events.Snapshot().FirstOrDefault(e => e.Type == type) is { } found)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no {type} event within {seconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _model.DisposeAsync();
    }
}
