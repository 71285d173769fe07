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
}
