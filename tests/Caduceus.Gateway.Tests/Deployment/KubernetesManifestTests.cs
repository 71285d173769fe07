using YamlDotNet.RepresentationModel;

namespace Caduceus.Gateway.Tests.Deployment;

/// <summary><c>deploy/kubernetes</c>: valid objects, hardened pods, probes, limits, a disruption budget, secrets from the cluster.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string[] Files = DeployFiles.Documents("deploy", "kubernetes", "kustomization.yaml").Single().Seq("resources").Strings().ToArray();

    private static readonly YamlMappingNode[] Objects = Files.SelectMany(f => DeployFiles.Documents("deploy", "kubernetes", f)).ToArray();

    private static YamlMappingNode Gateway => Objects.Single(o => o.Text("kind") == "Deployment" && o.Map("metadata").Text("name") == "caduceus-gateway");

    private static YamlMappingNode GatewayPod => Gateway.Map("spec").Map("template").Map("spec");

    [Fact]
    public void Every_object_has_an_api_version_a_kind_a_name_and_the_namespace()
    {
        Assert.Equal(Directory.GetFiles(DeployFiles.PathOf("deploy", "kubernetes"), "*.yaml").Length - 1, Files.Length);
        Assert.Contains(Objects, o => o.Text("kind") == "PodDisruptionBudget");
        foreach (var item in Objects)
        {
            Assert.Matches("^(v1|apps/v1|policy/v1|networking.k8s.io/v1)$", item.Text("apiVersion"));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", item.Map("metadata").Text("name"));
            if (item.Text("kind") != "Namespace")
            {
                Assert.Equal("caduceus", item.Map("metadata").Text("namespace"));
            }
        }
    }

    [Fact]
    public void Gateway_pods_probe_healthz_and_readyz_and_have_resource_limits()
    {
        var container = (YamlMappingNode)GatewayPod.Seq("containers").Single();

        Assert.Equal("/healthz", container.Map("livenessProbe").Map("httpGet").Text("path"));
        Assert.Equal("/readyz", container.Map("readinessProbe").Map("httpGet").Text("path"));
        Assert.True(container.Map("resources").Map("limits").Has("cpu"));
        Assert.True(container.Map("resources").Map("limits").Has("memory"));
        Assert.True(container.Map("resources").Map("requests").Has("memory"));
        Assert.Equal("2", Gateway.Map("spec").Text("replicas"));
    }

    [Fact]
    public void Gateway_pods_run_as_non_root_with_a_read_only_root_filesystem()
    {
        var container = (YamlMappingNode)GatewayPod.Seq("containers").Single();

        Assert.Equal("true", GatewayPod.Map("securityContext").Text("runAsNonRoot"));
        Assert.NotEqual("0", GatewayPod.Map("securityContext").Text("runAsUser"));
        Assert.Equal("true", container.Map("securityContext").Text("readOnlyRootFilesystem"));
        Assert.Equal("false", container.Map("securityContext").Text("allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], container.Map("securityContext").Map("capabilities").Seq("drop").Strings());
        Assert.Equal("false", GatewayPod.Text("automountServiceAccountToken"));
        var volumes = GatewayPod.Seq("volumes").Select(v => ((YamlMappingNode)v).Text("name")).ToHashSet();
        Assert.All(container.Seq("volumeMounts"), m => Assert.Contains(((YamlMappingNode)m).Text("name"), volumes));
        Assert.Contains(container.Seq("volumeMounts"), m => ((YamlMappingNode)m).Text("mountPath") == "/tmp");
    }

    [Fact]
    public void Passwords_and_keys_come_from_cluster_secrets_never_from_the_config_map()
    {
        var container = (YamlMappingNode)GatewayPod.Seq("containers").Single();
        var fromSecrets = container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Text("name"), e => e.Map("valueFrom").Map("secretKeyRef").Text("name"));
        var configMap = Objects.Single(o => o.Text("kind") == "ConfigMap").Map("data");

        Assert.Equal("caduceus-database", fromSecrets["CADUCEUS_State__ConnectionString"]);
        Assert.Equal("caduceus-database", fromSecrets["CADUCEUS_Audit__ConnectionString"]);
        Assert.Contains(GatewayPod.Seq("volumes"), v => ((YamlMappingNode)v).Has("secret"));
        foreach (var key in configMap.Keys())
        {
            Assert.DoesNotContain("ConnectionString", key, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", configMap.Text(key), StringComparison.OrdinalIgnoreCase);
        }

        var readme = File.ReadAllText(DeployFiles.PathOf("deploy", "README.md"));
        Assert.All(fromSecrets.Values.Distinct(), secret => Assert.Contains("create secret generic " + secret, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_disruption_budget_and_the_service_select_the_gateway_pods()
    {
        var labels = Gateway.Map("spec").Map("template").Map("metadata").Map("labels");
        var budget = Objects.Single(o => o.Text("kind") == "PodDisruptionBudget").Map("spec");
        var service = Objects.Single(o => o.Text("kind") == "Service" && o.Map("metadata").Text("name") == "caduceus-gateway").Map("spec");

        Assert.Equal("1", budget.Text("minAvailable"));
        foreach (var selector in new[] { budget.Map("selector").Map("matchLabels"), service.Map("selector"), Gateway.Map("spec").Map("selector").Map("matchLabels") })
        {
            Assert.All(selector.Keys(), key => Assert.Equal(labels.Text(key), selector.Text(key)));
        }
    }
}
