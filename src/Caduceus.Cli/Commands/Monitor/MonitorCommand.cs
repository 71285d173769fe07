using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Caduceus.Gateway.Events;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Monitor;

/// <summary>
/// <c>caduceus monitor --url URL [--interval 1s] [--once]</c>: a live terminal view of a running gateway's traffic,
/// refusals, detections, anomalies and incidents, read from its <c>/metrics</c> and <c>/monitor/events</c> with a
/// service key taken from the environment (never from the command line, where other users could read it).
/// </summary>
internal static class MonitorCommand
{
    public const string KeyVariable = "CADUCEUS_MONITOR_KEY";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The gateway's base URL.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var interval = new Option<double>("--interval") { Description = "Seconds between looks (0.2 to 60).", DefaultValueFactory = _ => 1 };
        var once = new Option<bool>("--once") { Description = "Print one view and exit (for scripts and logs)." };
        var command = new Command("monitor", $"Watch a running gateway live: traffic, refusals, detections, anomalies, incidents. The service key comes from ${KeyVariable}.")
        {
            url, interval, once,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(url)!, parse.GetValue(interval), parse.GetValue(once), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string url, double intervalSeconds, bool once, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var gateway) || gateway.Scheme is not ("http" or "https"))
        {
            return CommandErrors.Fail($"--url '{url}' is not an http(s) URL");
        }

        if (intervalSeconds is < 0.2 or > 60 || double.IsNaN(intervalSeconds))
        {
            return CommandErrors.Fail("--interval must be between 0.2 and 60 seconds");
        }

        if (Environment.GetEnvironmentVariable(KeyVariable) is not { Length: > 0 } key)
        {
            return CommandErrors.Fail($"set {KeyVariable} to a service key of the gateway (the one /metrics takes)");
        }

        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var look = new MonitorLook(http);
        try
        {
            var frame = await look.NextAsync(cancellationToken);
            if (once)
            {
                AnsiConsole.Write(MonitorView.Render(frame, gateway));
                return ExitCodes.Success;
            }

            await AnsiConsole.Live(MonitorView.Render(frame, gateway)).StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(intervalSeconds), cancellationToken);
                    live.UpdateTarget(MonitorView.Render(await look.NextAsync(cancellationToken), gateway));
                }
            });
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (MonitorRefusedException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return CommandErrors.Fail($"could not read the gateway at {gateway}: {exception.Message}");
        }
    }

    /// <summary>Polls the gateway and keeps what the next frame needs (the last scrape, the last event seen, recent alerts).</summary>
    private sealed class MonitorLook(HttpClient http)
    {
        private readonly List<MonitorEvent> _alerts = [];
        private MonitorFrame? _previous;
        private IReadOnlyList<PrometheusSample>? _previousSamples;
        private string? _lastEventId;

        public async Task<MonitorFrame> NextAsync(CancellationToken cancellationToken)
        {
            var samples = PrometheusSample.ParseAll(await GetAsync("metrics", cancellationToken));
            var page = System.Text.Json.JsonSerializer.Deserialize(
                await GetAsync("monitor/events?limit=500" + (_lastEventId is null ? "" : "&after=" + Uri.EscapeDataString(_lastEventId)), cancellationToken),
                MonitorJsonContext.Default.MonitorEventPage) ?? new MonitorEventPage([]);
            if (page.Events.Count > 0)
            {
                _lastEventId = page.Events[^1].Id;
            }

            _alerts.AddRange(page.Events.Where(e => MonitorView.IsAlert(e.Type)));
            if (_alerts.Count > 50)
            {
                _alerts.RemoveRange(0, _alerts.Count - 50);
            }

            var frame = MonitorFrame.From(samples, [.. _alerts], DateTimeOffset.UtcNow, _previous, _previousSamples);
            (_previous, _previousSamples) = (frame, samples);
            return frame;
        }

        private async Task<string> GetAsync(string path, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new MonitorRefusedException($"the gateway refused {KeyVariable} ({(int)response.StatusCode}): the monitor needs a service key");
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
    }

    private sealed class MonitorRefusedException(string message) : Exception(message);
}
