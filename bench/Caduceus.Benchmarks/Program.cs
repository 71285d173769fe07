using BenchmarkDotNet.Running;
using Caduceus.Benchmarks;

if (args is ["anomaly-replay", ..])
{
    await AnomalyReplayRun.RunAsync(args);
    return;
}

if (args is ["siem-probe", ..])
{
    await SiemCpuProbe.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
