using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Siem;

public sealed class SiemConfigurationTests
{
    private const string Secret = "do-not-echo-9f3a17c2";

    [Theory]
    [InlineData("Siem:Splunk:Url", "splunk.example.org:8088", "Siem:Splunk:Token", Secret, "Siem:Splunk:Url")]
    [InlineData("Siem:Splunk:Url", "https://splunk.example.org:8088", "Siem:Splunk:Index", "main", "Siem:Splunk:Token")]
    [InlineData("Siem:Elastic:Url", "http://elastic.example.org:9200", "Siem:Elastic:ApiKey", Secret, "Siem:Elastic:Url")]
    [InlineData("Siem:Elastic:Url", "https://user:" + Secret + "@elastic.example.org", "Siem:Elastic:Index", "logs", "Siem:Elastic:Url")]
    [InlineData("Siem:AzureMonitor:Endpoint", "https://dce.ingest.monitor.azure.com", "Siem:AzureMonitor:ClientSecret", Secret, "Siem:AzureMonitor:DcrImmutableId")]
    [InlineData("Siem:Syslog:Host", "127.0.0.1", "Siem:Syslog:CaCertificatePath", "/nonexistent/ca.pem", "Siem:Syslog:CaCertificatePath")]
    [InlineData("Siem:Syslog:Host", "127.0.0.1", "Siem:Delivery:Linger", "00:01:00", "Siem:Delivery:Linger")]
    public async Task Bad_settings_stop_start_up_naming_the_setting_and_never_echoing_a_secret(string key, string value, string otherKey, string otherValue, string named)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(
            upstreamOverride: "http://127.0.0.1:9",
            settings: new Dictionary<string, string?> { [key] = value, [otherKey] = otherValue }));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }
}
