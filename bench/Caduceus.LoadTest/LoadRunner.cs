using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Caduceus.LoadTest;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers, each sending the next request as soon as the last one's body has
/// been read, over a connection pool of at most that many connections per instance. Request n (counted across all
/// workers) gets the mix's scenario n and an instance in turn (client-side round robin, <see cref="InstanceRotation"/>).
/// Only requests started inside the measured window count.
/// </summary>
internal sealed class LoadRunner(ScenarioMix mix, IReadOnlyList<LoadScenario> scenarios, ChildServer model, IReadOnlyList<ChildServer> gateways)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<ScenarioResult> RunAsync(LoadTarget target, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        var clock = Stopwatch.StartNew();
        var window = new Window((long)(warmup.TotalSeconds * Stopwatch.Frequency), (long)((warmup + duration).TotalSeconds * Stopwatch.Frequency));
        var counter = new RequestCounter();
        var workers = new Task<WorkerLog>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(client, target, clock, window, counter, cancellationToken), cancellationToken);
        }

        CpuSnapshot before, after;
        try
        {
            await Task.Delay(warmup, cancellationToken);
            before = CpuSnapshot.Take(model, gateways);
            await Task.Delay(duration, cancellationToken);
            after = CpuSnapshot.Take(model, gateways);
        }
        catch (OperationCanceledException)
        {
            // Let the workers see the cancellation and finish before the client they use is disposed.
            await Task.WhenAll(workers).ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        var logs = await Task.WhenAll(workers);

        return Summarize(target, concurrency, duration, logs, after - before);
    }

    private async Task<WorkerLog> WorkAsync(HttpClient client, LoadTarget target, Stopwatch clock, Window window, RequestCounter counter, CancellationToken cancellationToken)
    {
        var log = new WorkerLog();
        while (!cancellationToken.IsCancellationRequested)
        {
            var start = clock.ElapsedTicks;
            if (start >= window.End)
            {
                break;
            }

            var number = counter.Next();
            var scenario = scenarios[mix.IndexOf(number)];
            var url = target.ChatUrls[InstanceRotation.InstanceOf(number, target.ChatUrls.Count, mix.TotalWeight)];
            string? error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(scenario.Body) };
                error = await SendAsync(client, target, scenario, request, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                error = $"{exception.HttpRequestError}: {exception.Message}";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = "timed out after 60 s";
            }

            var elapsed = clock.ElapsedTicks - start;
            if (error is null && scenario.GatewayEvent && target.ThroughGateway)
            {
                log.EventRequests++;
            }

            if (start >= window.Start)
            {
                log.Record(elapsed * 1000.0 / Stopwatch.Frequency, error);
            }
        }

        return log;
    }

    private static async Task<string?> SendAsync(HttpClient client, LoadTarget target, LoadScenario scenario, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content!.Headers.ContentType = Json;
        if (target.ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
        }

        // The default completion option reads the whole body (a stream to its end) before returning: latency is to the last byte.
        using var response = await client.SendAsync(request, cancellationToken);
        var expected = scenario.ExpectedStatus(target.ThroughGateway);
        return (int)response.StatusCode == expected ? null : $"{scenario.Name}: HTTP {(int)response.StatusCode}, expected {expected}";
    }

    private ScenarioResult Summarize(LoadTarget target, int concurrency, TimeSpan duration, WorkerLog[] logs, CpuSnapshot cpu)
    {
        var latencies = logs.SelectMany(l => l.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = logs.Sum(l => l.Errors);
        var requests = latencies.Length + errors;
        var seconds = duration.TotalSeconds;

        return new ScenarioResult(
            target.Name,
            gateways.Count,
            concurrency,
            seconds,
            requests,
            errors,
            ReportMath.ErrorRate(requests, errors),
            logs.Select(l => l.FirstError).FirstOrDefault(e => e is not null),
            ReportMath.Throughput(latencies.Length, seconds),
            ReportMath.Percentile(latencies, 0.50),
            ReportMath.Percentile(latencies, 0.90),
            ReportMath.Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1],
            target.Name != Targets.Direct ? ReportMath.CpuPerRequest(cpu.Gateways, requests) : null,
            ReportMath.CpuPerRequest(cpu.Model, requests),
            ReportMath.CpuPerRequest(cpu.Client, requests),
            cpu.Gateways.TotalSeconds / seconds,
            cpu.Others is { } others ? Math.Max(0, others.TotalSeconds / seconds) : null,
            logs.Sum(l => l.EventRequests));
    }

    private readonly record struct Window(long Start, long End);

    private sealed class RequestCounter
    {
        private long _next = -1;

        public long Next() => Interlocked.Increment(ref _next);
    }

    private sealed class WorkerLog
    {
        public List<double> Latencies { get; } = new(capacity: 4096);

        public long Errors { get; private set; }

        /// <summary>Answered requests, warm-up included, for which the gateway raised a security event.</summary>
        public long EventRequests { get; set; }

        public string? FirstError { get; private set; }

        public void Record(double milliseconds, string? error)
        {
            if (error is null)
            {
                Latencies.Add(milliseconds);
                return;
            }

            Errors++;
            FirstError ??= error;
        }
    }

    private readonly record struct CpuSnapshot(TimeSpan Model, TimeSpan Gateways, TimeSpan Client, TimeSpan? Machine)
    {
        /// <summary>CPU used by processes other than those of the test (builds, tests, anything else on the machine).</summary>
        public TimeSpan? Others => Machine - Model - Gateways - Client;

        public static CpuSnapshot Take(ChildServer model, IReadOnlyList<ChildServer> gateways)
        {
            using var self = Process.GetCurrentProcess();
            var gatewayCpu = gateways.Aggregate(TimeSpan.Zero, (sum, gateway) => sum + gateway.CpuTime);
            return new(model.CpuTime, gatewayCpu, self.TotalProcessorTime, MachineCpu.Busy());
        }

        public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) =>
            new(after.Model - before.Model, after.Gateways - before.Gateways, after.Client - before.Client, after.Machine - before.Machine);
    }
}
