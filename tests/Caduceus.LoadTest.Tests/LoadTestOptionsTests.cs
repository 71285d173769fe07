using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class LoadTestOptionsTests
{
    [Fact]
    public void Instances_mix_postgres_and_redis_are_read()
    {
        var options = LoadTestOptions.Parse(["--instances", "1,2", "--mix", "benign=3,injection=1", "--postgres", "Host=127.0.0.1", "--redis", "127.0.0.1:6379", "--concurrency", "1,8"]);

        Assert.Equal([1, 2], options.Instances);
        Assert.Equal("benign=3,injection=1", options.Mix.ToString());
        Assert.Equal(("Host=127.0.0.1", "127.0.0.1:6379"), (options.Postgres, options.Redis));
        Assert.Equal([1, 8], options.Concurrency);
    }

    [Fact]
    public void Without_options_one_instance_sends_the_benign_prompt_only()
    {
        var options = LoadTestOptions.Parse([]);

        Assert.Equal([1], options.Instances);
        Assert.Equal("benign=1", options.Mix.ToString());
        Assert.False(options.BareProxyBaseline);
    }

    [Fact]
    public void Baseline_bare_proxy_is_read()
    {
        var options = LoadTestOptions.Parse(["--baseline", "bare-proxy", "--mix", "stream=1"]);

        Assert.True(options.BareProxyBaseline);
        Assert.Equal("stream=1", options.Mix.ToString());
    }

    [Theory]
    [InlineData("--instances", "2", "needs --postgres")]
    [InlineData("--instances", "0", "from 1 to 16")]
    [InlineData("--instances", "17", "from 1 to 16")]
    [InlineData("--mix", "benign=1,bogus=2", "unknown scenario")]
    [InlineData("--baseline", "nginx", "--baseline must be bare-proxy")]
    public void A_bad_option_is_refused(string name, string value, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse([name, value]));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_rounds_and_syslog_protocol_are_read()
    {
        var options = LoadTestOptions.Parse(["--compare", "exporters", "--prompt", "phi", "--rounds", "7", "--syslog", "udp"]);

        Assert.Same(VariantSet.Exporters, options.Compare);
        Assert.Equal(7, options.Rounds);
        Assert.Equal(SyslogProtocolChoice.Udp, options.Syslog);
    }

    [Fact]
    public void Without_compare_there_is_no_variant_run_and_syslog_defaults_to_lossless_tcp()
    {
        var options = LoadTestOptions.Parse([]);

        Assert.Null(options.Compare);
        Assert.Equal((5, SyslogProtocolChoice.Tcp), (options.Rounds, options.Syslog));
    }

    [Theory]
    [InlineData(new[] { "--compare", "siem" }, "--compare must be audit, audit-sync or exporters")]
    [InlineData(new[] { "--compare" }, "needs a value")]
    [InlineData(new[] { "--rounds", "0" }, "from 1 to 100")]
    [InlineData(new[] { "--rounds", "3,4" }, "one number from 1 to 100")]
    [InlineData(new[] { "--syslog", "tls" }, "--syslog must be tcp or udp")]
    [InlineData(new[] { "--compare", "exporters" }, "raises security events")]
    [InlineData(new[] { "--compare", "exporters", "--mix", "benign=3,stream=1" }, "raises security events")]
    [InlineData(new[] { "--compare", "audit", "--instances", "2", "--postgres", "Host=127.0.0.1" }, "one SQLite instance per variant")]
    [InlineData(new[] { "--plot", "x.png", "--compare", "audit" }, "one SQLite instance per variant")]
    public void A_bad_compare_option_is_refused_in_one_line(string[] args, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(args));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void Compare_audit_sync_sets_the_audit_without_fsync_against_no_audit_under_issue_6s_budget()
    {
        var options = LoadTestOptions.Parse(["--compare", "audit-sync"]);

        Assert.Equal(("off", "sync-normal", 0.5, 64), (options.Compare?.Baseline.Audit, options.Compare?.Variant.Audit, options.Compare?.P50BudgetMs, options.Compare?.BudgetConcurrency));
    }

    [Fact]
    public void Compare_exporters_accepts_a_mix_with_injections()
    {
        var options = LoadTestOptions.Parse(["--mix", "benign=3,injection=1", "--compare", "exporters"]);

        Assert.Equal("exporters", options.Compare?.Name);
    }
}
