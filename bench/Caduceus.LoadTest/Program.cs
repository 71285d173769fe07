using System.Runtime.InteropServices;
using Caduceus.LoadTest;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// SIGTERM and SIGHUP would otherwise end the process without running finally blocks, leaving the servers behind.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildServer.KillAll();
AppDomain.CurrentDomain.UnhandledException += (_, _) => ChildServer.KillAll();

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine("loadtest: " + exception.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LoadTestOptions.Usage);
    return 0;
}

try
{
    return options.Compare is { } compare
        ? await VariantRun.RunAsync(options, compare, cancellation.Token)
        : await LoadTestRun.RunAsync(options, cancellation.Token);
}
catch (ServerStartException exception)
{
    Console.Error.WriteLine("loadtest: " + exception.Message);
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("loadtest: interrupted; servers stopped");
    return 130;
}
finally
{
    ChildServer.KillAll();
}
