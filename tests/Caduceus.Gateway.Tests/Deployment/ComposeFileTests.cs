using System.Net;
using YamlDotNet.RepresentationModel;

namespace Caduceus.Gateway.Tests.Deployment;

/// <summary><c>deploy/compose.yaml</c>: two hardened gateways on shared state behind a load balancer they trust, and nothing else.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = DeployFiles.Documents("deploy", "compose.yaml").Single();

    private static YamlMappingNode Services => Compose.Map("services");

    [Fact]
    public void Runs_two_gateways_the_test_model_postgres_redis_and_a_load_balancer()
    {
        Assert.Equal(["gateway-1", "gateway-2", "testmodel", "postgres", "redis", "loadbalancer"], Services.Keys());
    }

    [Theory]
    [InlineData("gateway-1")]
    [InlineData("gateway-2")]
    [InlineData("testmodel")]
    public void Caduceus_containers_run_as_non_root_on_a_read_only_root_filesystem_without_capabilities(string name)
    {
        var service = Merged(Services.Map(name));

        Assert.Equal("true", service.Text("read_only"));
        Assert.NotEqual("0", service.Text("user").Split(':')[0]);
        Assert.NotEqual("root", service.Text("user").Split(':')[0]);
        Assert.Contains("/tmp", service.Seq("tmpfs").Strings());
        Assert.Equal(["ALL"], service.Seq("cap_drop").Strings());
        Assert.Contains("no-new-privileges:true", service.Seq("security_opt").Strings());
    }

    [Theory]
    [InlineData("gateway-1")]
    [InlineData("gateway-2")]
    public void Gateways_share_state_in_postgres_and_redis_and_read_secrets_from_files(string name)
    {
        var environment = Merged(Services.Map(name)).Map("environment");

        Assert.Equal("postgres", environment.Text("CADUCEUS_State__Store"));
        Assert.Equal("postgres", environment.Text("CADUCEUS_Audit__Store"));
        Assert.StartsWith("redis:", environment.Text("CADUCEUS_Limits__Redis"), StringComparison.Ordinal);
        Assert.StartsWith("redis:", environment.Text("CADUCEUS_Anomaly__Redis"), StringComparison.Ordinal);
        foreach (var (key, value) in environment.Keys().Select(k => (k, environment.Text(k))))
        {
            Assert.DoesNotContain("Password=", value, StringComparison.OrdinalIgnoreCase);
            if (key.EndsWith("File", StringComparison.Ordinal))
            {
                Assert.StartsWith("/run/secrets/", value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_gateways_trust_forwarded_headers_from_the_load_balancer_only()
    {
        var trusted = Merged(Services.Map("gateway-1")).Map("environment").Text("CADUCEUS_ForwardedHeaders__TrustedProxies__0");
        var balancer = Services.Map("loadbalancer").Map("networks").Map("frontend").Text("ipv4_address");

        Assert.Equal(balancer, trusted);
        Assert.True(IPAddress.TryParse(trusted, out _));
        var nginx = File.ReadAllText(DeployFiles.PathOf("deploy", "nginx.conf"));
        Assert.Contains("server gateway-1:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("server gateway-2:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", nginx, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_secret_network_and_dependency_a_service_names_is_declared()
    {
        var secrets = Compose.Map("secrets").Keys().ToHashSet();
        var networks = Compose.Map("networks").Keys().ToHashSet();
        var services = Services.Keys().ToHashSet();
        foreach (var name in services)
        {
            var service = Merged(Services.Map(name));
            if (service.Has("secrets"))
            {
                Assert.All(service.Seq("secrets").Strings(), s => Assert.Contains(s, secrets));
            }

            var serviceNetworks = service.Children[new YamlScalarNode("networks")] switch
            {
                YamlSequenceNode list => list.Strings(),
                YamlMappingNode map => map.Keys(),
                _ => [],
            };
            Assert.All(serviceNetworks, n => Assert.Contains(n, networks));
            if (service.Has("depends_on"))
            {
                var dependencies = service.Children[new YamlScalarNode("depends_on")] is YamlMappingNode map ? map.Keys() : service.Seq("depends_on").Strings();
                Assert.All(dependencies, d => Assert.Contains(d, services));
            }
        }

        foreach (var secret in secrets)
        {
            Assert.StartsWith("./secrets/", Compose.Map("secrets").Map(secret).Text("file"), StringComparison.Ordinal);
        }

        Assert.Equal("true", Compose.Map("networks").Map("backend").Text("internal"));
    }

    [Fact]
    public void The_secrets_script_writes_every_secret_file_compose_mounts()
    {
        var script = File.ReadAllText(DeployFiles.PathOf("deploy", "make-secrets.sh"));

        foreach (var secret in Compose.Map("secrets").Keys())
        {
            var file = Compose.Map("secrets").Map(secret).Text("file")["./secrets/".Length..];
            Assert.Contains("> secrets/" + file, script, StringComparison.Ordinal);
        }

        Assert.Contains("secrets/", File.ReadAllText(DeployFiles.PathOf("deploy", ".gitignore")), StringComparison.Ordinal);
    }

    /// <summary>A service with its YAML merge key (<c>&lt;&lt;: *gateway</c>) applied, its own keys winning.</summary>
    private static YamlMappingNode Merged(YamlMappingNode service)
    {
        var merged = new YamlMappingNode();
        if (service.Children.TryGetValue(new YamlScalarNode("<<"), out var template))
        {
            foreach (var (key, value) in ((YamlMappingNode)template).Children)
            {
                merged.Children[key] = value;
            }
        }

        foreach (var (key, value) in service.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<"))
        {
            merged.Children[key] = value;
        }

        return merged;
    }
}
