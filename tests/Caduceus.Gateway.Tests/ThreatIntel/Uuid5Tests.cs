using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

public sealed class Uuid5Tests
{
    [Fact]
    public void Matches_the_rfc_9562_example_for_www_example_com_in_the_dns_namespace()
    {
        var id = Uuid5.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }
}
