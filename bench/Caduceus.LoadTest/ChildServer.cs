using System.Collections.Concurrent;
using System.Diagnostics;

namespace Caduceus.LoadTest;

/// <summary>
/// A <c>caduceus</c> verb running as a child process on a loopback port. Every instance is tracked so that the
/// process is killed however the load test ends: normally, by an exception, Ctrl+C or SIGTERM.
/// </summary>
internal sealed class ChildServer : IDisposable
{
    private const int KeptOutputLines = 20;
    private static readonly ConcurrentDictionary<ChildServer, bool> Running = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildServer(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the process has used so far (user plus kernel, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>dotnet CLI ARGS</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static ChildServer Start(string name, string cliPath, int port, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        startInfo.ArgumentList.Add(cliPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ChildServer(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        Running[server] = true;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Running.TryRemove(server, out _);
            process.Dispose();
            throw new ServerStartException($"{name}: could not run 'dotnet': {exception.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Kills every child still running; for process exit and unhandled exceptions.</summary>
    public static void KillAll()
    {
        foreach (var server in Running.Keys)
        {
            server.Dispose();
        }
    }

    /// <summary>Polls <paramref name="probePath"/> until it answers 200, the process exits, or the timeout passes.</summary>
    public async Task WaitUntilReadyAsync(string probePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var probe = new Uri(BaseAddress, probePath);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new ServerStartException($"{Name} exited with code {_process.ExitCode} before answering {probe}: {LastOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }

            if (clock.Elapsed > timeout)
            {
                throw new ServerStartException($"{Name} did not answer {probe} within {timeout.TotalSeconds:0} s: {LastOutput()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The last line the process wrote, for error messages.</summary>
    public string LastOutput() => _output.IsEmpty ? "(no output)" : _output.Last();

    public void Dispose()
    {
        if (!Running.TryRemove(this, out _))
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        _output.Enqueue(line.Trim());
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }
}
