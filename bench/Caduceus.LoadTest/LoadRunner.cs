using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Caduceus.LoadTest;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers, each sending the next request as soon as the last one's body has
/// been read, over a connection pool of exactly that many connections. Only requests started inside the measured
/// window count.
/// </summary>
internal sealed class LoadRunner(byte[] body, ChildServer model, ChildServer gateway)
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
        var workers = new Task<WorkerLog>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(client, target, clock, window, cancellationToken), cancellationToken);
        }

        CpuSnapshot before, after;
        try
        {
            await Task.Delay(warmup, cancellationToken);
            before = CpuSnapshot.Take(model, gateway);
            await Task.Delay(duration, cancellationToken);
            after = CpuSnapshot.Take(model, gateway);
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

    private async Task<WorkerLog> WorkAsync(HttpClient client, LoadTarget target, Stopwatch clock, Window window, CancellationToken cancellationToken)
    {
        var log = new WorkerLog();
        while (!cancellationToken.IsCancellationRequested)
        {
            var start = clock.ElapsedTicks;
            if (start >= window.End)
            {
                break;
            }

            string? error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target.ChatUrl) { Content = new ByteArrayContent(body) };
                error = await SendAsync(client, target, request, cancellationToken);
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
            if (start >= window.Start)
            {
                log.Record(elapsed * 1000.0 / Stopwatch.Frequency, error);
            }
        }

        return log;
    }

    private static async Task<string?> SendAsync(HttpClient client, LoadTarget target, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content!.Headers.ContentType = Json;
        if (target.ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
        }

        // The default completion option reads the whole body before returning: latency is to the last byte.
        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}";
    }

    private static ScenarioResult Summarize(LoadTarget target, int concurrency, TimeSpan duration, WorkerLog[] logs, CpuSnapshot cpu)
    {
        var latencies = logs.SelectMany(l => l.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = logs.Sum(l => l.Errors);
        var requests = latencies.Length + errors;
        var seconds = duration.TotalSeconds;
        double PerRequest(TimeSpan time) => requests == 0 ? 0 : time.TotalMilliseconds / requests;

        return new ScenarioResult(
            target.Name,
            concurrency,
            seconds,
            requests,
            errors,
            logs.Select(l => l.FirstError).FirstOrDefault(e => e is not null),
            latencies.Length / seconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1],
            target.ApiKey is null ? null : PerRequest(cpu.Gateway),
            PerRequest(cpu.Model),
            PerRequest(cpu.Client),
            cpu.Others is { } others ? Math.Max(0, others.TotalSeconds / seconds) : null);
    }

    // Nearest rank: the smallest latency with at least p of all latencies at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private readonly record struct Window(long Start, long End);

    private sealed class WorkerLog
    {
        public List<double> Latencies { get; } = new(capacity: 4096);

        public long Errors { get; private set; }

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

    private readonly record struct CpuSnapshot(TimeSpan Model, TimeSpan Gateway, TimeSpan Client, TimeSpan? Machine)
    {
        /// <summary>CPU used by processes other than the three of the test (builds, tests, anything else on the machine).</summary>
        public TimeSpan? Others => Machine - Model - Gateway - Client;

        public static CpuSnapshot Take(ChildServer model, ChildServer gateway)
        {
            using var self = Process.GetCurrentProcess();
            return new(model.CpuTime, gateway.CpuTime, self.TotalProcessorTime, MachineCpu.Busy());
        }

        public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) =>
            new(after.Model - before.Model, after.Gateway - before.Gateway, after.Client - before.Client, after.Machine - before.Machine);
    }
}
