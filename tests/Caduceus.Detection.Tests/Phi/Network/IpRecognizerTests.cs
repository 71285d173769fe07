using Caduceus.Detection.Phi.Network;

namespace Caduceus.Detection.Tests.Phi.Network;

[Collection(SequentialScans.Name)]
public sealed class IpRecognizerTests
{
    private readonly IpRecognizer _recognizer = new();

    [Fact]
    public void Finds_ipv4_address()
    {
        const string text = "Portal login came from 203.0.113.7 yesterday.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Ip, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(23, finding.Start);
        Assert.Equal(11, finding.Length);
        Assert.Equal("IpRecognizer", finding.Detector);
        Assert.Equal(0.6, finding.Score);
        Assert.Equal("IPv4 address pattern, parses as an IPv4 address", finding.Explanation);
    }

    [Theory]
    [InlineData("IP: 192.168.1.10", 4, 12)]
    [InlineData("host 10.0.0.1:8080 down", 5, 8)]
    [InlineData("loopback 127.0.0.1.", 9, 9)]
    [InlineData("(8.8.8.8)", 1, 7)]
    [InlineData("0.0.0.0", 0, 7)]
    [InlineData("255.255.255.255", 0, 15)]
    public void Finds_ipv4_addresses_including_private_and_loopback(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
    }

    [Fact]
    public void Context_word_raises_the_score()
    {
        var finding = Assert.Single(_recognizer.FindIn("ip address: 192.168.1.10"));

        Assert.Equal(1.0, finding.Score);
        Assert.EndsWith("context word 'ip address' immediately before", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2001:db8::1", 0, 11)]
    [InlineData("from 2001:0db8:85a3:0000:0000:8a2e:0370:7334 today", 5, 39)]
    [InlineData("link-local fe80::1%eth0 only", 11, 12)]
    [InlineData("mapped ::ffff:192.0.2.1 address", 7, 16)]
    [InlineData("loopback ::1.", 9, 3)]
    [InlineData("Vitals: stable. Plan: 2001:db8:0:0:1:0:0:1 logged", 22, 20)]
    public void Finds_ipv6_addresses(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
        Assert.StartsWith("IPv6 address pattern, parses as an IPv6 address", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.999")]
    [InlineData("1.2.3.4.5")]
    [InlineData("10.1.2.3.4.5.6")]
    [InlineData("v1.2.3.4")]
    [InlineData("version 10.0.0.0")]
    [InlineData("Build 1.2.3.4")]
    [InlineData("see section 3.2.1.4 of the guideline")]
    [InlineData("§ 1.2.3.4")]
    [InlineData("1.2.3")]
    [InlineData("a1.2.3.4")]
    [InlineData("14.03.1962")]
    [InlineData("Take 2.5 mg at 10:30")]
    public void Ignores_numbers_that_are_not_ipv4_addresses(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("Seen at 10:30:45 today")]
    [InlineData("MAC 00:1a:2b:3c:4d:5e")]
    [InlineData("ratio 1:2:3")]
    [InlineData("a::b::c")]
    [InlineData("Note:: nothing")]
    [InlineData("::")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    public void Ignores_colon_runs_that_are_not_ipv6_addresses(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Finds_every_address_in_a_text()
    {
        const string text = "from 10.0.0.1 to 2001:db8::2, then 172.16.0.5";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["10.0.0.1", "2001:db8::2", "172.16.0.5"], findings.OrderBy(f => f.Start).Select(f => f.Covered(text)));
    }

    [Theory]
    [InlineData("ip 192.168.1.10")]
    [InlineData("2001:db8::1")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        string.Concat(Enumerable.Repeat("1.", 50_000)),
        string.Concat(Enumerable.Repeat("1:", 50_000)),
        string.Concat(Enumerable.Repeat("ab:", 34_000)),
        string.Concat(Enumerable.Repeat("255.255.255.", 8_500)),
        string.Concat(Enumerable.Repeat("::1 ", 25_000)),
        new string(':', 100_000),
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_input_without_timing_out(string text)
    {
        Assert.NotNull(_recognizer.FindIn(text));
    }
}
