using System.Globalization;

namespace Caduceus.LoadTest;

/// <summary>The command line of the load test.</summary>
internal sealed class LoadTestOptions
{
    public const string Usage = """
        Caduceus load test: the test model alone versus one or more gateways in front of it, same requests (by default
        the 2 KB benign prompt; --mix for a weighted mix of scenarios).

        Usage: dotnet run -c Release --project bench/Caduceus.LoadTest -- [options]
          --cli PATH            caduceus.dll to run (default: build src/Caduceus.Cli in Release and use its output)
          --no-build            use the default caduceus.dll as it is, without building it first
          --duration SECONDS    measured time per scenario (default 10)
          --warmup SECONDS      unmeasured time before each scenario (default 3)
          --concurrency LIST    comma-separated concurrent connections (default 1,64)
          --out FILE            also write the results as JSON to FILE
          --env KEY=VALUE       extra environment variable for both servers (repeatable), e.g. DOTNET_gcServer=1
          --gateway-env KEY=VALUE  extra environment variable for the gateway only (repeatable)
          --prompt clean|phi    clean: the 2 KB clinician request (no finding, no event; default); phi: the 2 KB patient
                                message whose PHI the gateway redacts, raising one security event per request (what
                                SIEM exporters and anomaly detection then work on)
          --mix NAME=W,...      a weighted scenario mix instead of one prompt: benign (2 KB clinician request), stream
                                (the same, streamed), phi (2 KB patient message; its PHI pseudonymized), injection (a
                                prompt injection the gateway refuses with 400), e.g. --mix benign=4,stream=2,phi=2,injection=1
          --instances LIST      comma-separated gateway instance counts to compare (default 1); more than one instance
                                needs --postgres; the client takes the instances in turn (client-side round robin)
          --postgres CONN       Npgsql connection string of a PostgreSQL server: each instance count gets a fresh
                                database holding the shared state (State:Store=postgres) and the one audit chain
          --redis HOST:PORT     Redis for rate-limit counters and anomaly windows (Limits:Redis, Anomaly:Redis)
          --plot FILE.png       also draw p50 and p99 latency against throughput, one line per instance count
          --compare audit|audit-sync|exporters  instead: two gateway variants side by side (bench/Caduceus.BenchGateway,
                                SQLite, one instance each) and the test model alone, measured in alternating rounds so
                                that machine noise hits all alike; audit: audit off versus on; audit-sync: audit off
                                versus on without an fsync per commit (synchronous=NORMAL); exporters: no SIEM exporter
                                versus syslog, Splunk HEC, Elasticsearch bulk and OTLP to loopback receivers that this
                                load test runs and counts (needs a mix that raises events: phi or injection)
          --rounds N            measured rounds per target and concurrency with --compare (default 5); each round has
                                its own --warmup and --duration
          --syslog tcp|udp      syslog protocol of the exporters variant (default tcp: lossless, so every event must
                                arrive; udp is best effort)
          --baseline bare-proxy also load a bare pass-through proxy (bench/Caduceus.BenchBareProxy: Kestrel and one
                                HttpClient, nothing else) in front of the test model in the same run, and report
                                gateway/direct, gateway/bare-proxy and bare-proxy/direct throughput
        """;

    public string? CliPath { get; private set; }

    public bool Build { get; private set; } = true;

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<int> Concurrency { get; private set; } = [1, 64];

    public string? OutFile { get; private set; }

    public bool Help { get; private set; }

    /// <summary>The weighted scenarios; <c>--prompt</c> is a mix of one.</summary>
    public ScenarioMix Mix { get; private set; } = ScenarioMix.Parse("benign=1", LoadScenarios.Names);

    public IReadOnlyList<int> Instances { get; private set; } = [1];

    /// <summary>Server connection string; a database per instance count is created on it and dropped afterwards.</summary>
    public string? Postgres { get; private set; }

    public string? Redis { get; private set; }

    public string? PlotFile { get; private set; }

    /// <summary>The two gateway variants to compare, or null for the usual direct-versus-gateway run.</summary>
    public VariantSet? Compare { get; private set; }

    public int Rounds { get; private set; } = 5;

    public SyslogProtocolChoice Syslog { get; private set; } = SyslogProtocolChoice.Tcp;

    /// <summary>Also load the bare pass-through proxy (<c>--baseline bare-proxy</c>).</summary>
    public bool BareProxyBaseline { get; private set; }

    /// <summary>Extra environment for both servers (experiments: GC mode, thread pool settings).</summary>
    public Dictionary<string, string> ServerEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra environment for the gateway only (experiments: CADUCEUS_ configuration, logging).</summary>
    public Dictionary<string, string> GatewayEnvironment { get; } = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a bad value.</exception>
    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--no-build":
                    options.Build = false;
                    break;
                case "--cli":
                    options.CliPath = Path.GetFullPath(Value(args, ref i));
                    options.Build = false;
                    break;
                case "--duration":
                    options.Duration = Seconds(name, Value(args, ref i));
                    break;
                case "--warmup":
                    options.Warmup = Seconds(name, Value(args, ref i), allowZero: true);
                    break;
                case "--concurrency":
                    options.Concurrency = NumberList(name, Value(args, ref i), 4096);
                    break;
                case "--out":
                    options.OutFile = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--env":
                    AddVariable(options.ServerEnvironment, name, Value(args, ref i));
                    break;
                case "--gateway-env":
                    AddVariable(options.GatewayEnvironment, name, Value(args, ref i));
                    break;
                case "--prompt":
                    options.Mix = Value(args, ref i) switch
                    {
                        "clean" => ScenarioMix.Parse("benign=1", LoadScenarios.Names),
                        "phi" => ScenarioMix.Parse("phi=1", LoadScenarios.Names),
                        var other => throw new ArgumentException($"--prompt must be clean or phi, not '{other}'"),
                    };
                    break;
                case "--mix":
                    options.Mix = ScenarioMix.Parse(Value(args, ref i), LoadScenarios.Names);
                    break;
                case "--instances":
                    options.Instances = NumberList(name, Value(args, ref i), 16);
                    break;
                case "--postgres":
                    options.Postgres = Value(args, ref i);
                    break;
                case "--redis":
                    options.Redis = Value(args, ref i);
                    break;
                case "--baseline":
                    options.BareProxyBaseline = Value(args, ref i) is Targets.BareProxy
                        ? true
                        : throw new ArgumentException($"--baseline must be {Targets.BareProxy}");
                    break;
                case "--plot":
                    options.PlotFile = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--compare":
                    options.Compare = VariantSet.Parse(Value(args, ref i));
                    break;
                case "--rounds":
                    options.Rounds = NumberList(name, Value(args, ref i), 100) is [var rounds] ? rounds : throw new ArgumentException("option '--rounds' needs one number from 1 to 100");
                    break;
                case "--syslog":
                    options.Syslog = Value(args, ref i) switch
                    {
                        "tcp" => SyslogProtocolChoice.Tcp,
                        "udp" => SyslogProtocolChoice.Udp,
                        var other => throw new ArgumentException($"--syslog must be tcp or udp, not '{other}'"),
                    };
                    break;
                default:
                    throw new ArgumentException($"unknown option '{name}' (see --help)");
            }
        }

        if (options.Compare is { } compare)
        {
            CheckComparison(options, compare);
        }

        if (options.Instances.Any(n => n > 1) && options.Postgres is null)
        {
            throw new ArgumentException("more than one instance needs --postgres: instances share keys, vault and audit chain there");
        }

        return options;
    }

    private static void CheckComparison(LoadTestOptions options, VariantSet compare)
    {
        if (options.Instances is not [1] || options.Postgres is not null || options.PlotFile is not null)
        {
            throw new ArgumentException("--compare runs one SQLite instance per variant: leave out --instances, --postgres and --plot");
        }

        if (compare.NeedsReceivers && !options.Mix.Weights.Any(w => w.Weight > 0 && LoadScenarios.Create(w.Name).GatewayEvent))
        {
            throw new ArgumentException("--compare exporters needs a mix that raises security events (--prompt phi or --mix with phi or injection): the benign prompt raises none");
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"option '{args[i]}' needs a value");
        }

        return args[++i];
    }

    private static void AddVariable(Dictionary<string, string> environment, string name, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"option '{name}' needs KEY=VALUE; got '{assignment}'");
        }

        environment[assignment[..equals]] = assignment[(equals + 1)..];
    }

    private static TimeSpan Seconds(string name, string value, bool allowZero = false)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || (seconds == 0 && !allowZero) || seconds > 3600)
        {
            throw new ArgumentException($"option '{name}' needs a number of seconds{(allowZero ? "" : " above zero")}, at most 3600; got '{value}'");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int[] NumberList(string name, string value, int maximum)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1 || numbers[i] > maximum)
            {
                throw new ArgumentException($"option '{name}' needs a comma-separated list of numbers from 1 to {maximum.ToString(CultureInfo.InvariantCulture)}; got '{value}'");
            }
        }

        return numbers.Length > 0 ? numbers : throw new ArgumentException($"option '{name}' needs at least one number");
    }
}
