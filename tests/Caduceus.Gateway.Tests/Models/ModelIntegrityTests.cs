using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Models;

/// <summary>The signed manifest of model files, checked before the gateway starts.</summary>
public sealed class ModelIntegrityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-integrity-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string LocalModel => Path.Combine(_directory, "local-model.bin");

    private string PublicKeyFile => Path.Combine(_directory, "public.pem");

    private string ManifestFile => Path.Combine(_directory, "manifest.json");

    private Dictionary<string, string?> Settings => new()
    {
        ["Models:Files:0"] = LocalModel,
        ["Models:Integrity:PublicKeyFile"] = PublicKeyFile,
        ["Models:Integrity:ManifestFile"] = ManifestFile,
    };

    /// <summary>Writes a local model, the deployment's public key, and a manifest signed with <paramref name="signer"/> (default: that key).</summary>
    private void Deploy(ECDsa deploymentKey, ECDsa? signer = null, Func<ModelFileDigest, ModelFileDigest>? alter = null)
    {
        File.WriteAllBytes(LocalModel, [1, 2, 3, 4, 5, 6, 7, 8]);
        File.WriteAllText(PublicKeyFile, deploymentKey.ExportSubjectPublicKeyInfoPem());
        var options = new ModelInventoryOptions { Files = [LocalModel] };
        var digests = ModelIntegrityCheck.CurrentDigests(options).Select(alter ?? (d => d)).ToArray();
        var manifest = ModelManifestSigner.Sign(digests, signer ?? deploymentKey);
        File.WriteAllText(ManifestFile, JsonSerializer.Serialize(manifest, ModelManifestJsonContext.Default.ModelManifest));
    }

    [Fact]
    public async Task A_gateway_with_a_good_signed_manifest_starts_and_answers()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Deploy(key);

        await using var harness = await GatewayHarness.StartAsync(settings: Settings);
        using var response = await Requests.ChatAsync(harness.Http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_byte_in_a_local_model_stops_the_start()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Deploy(key);
        var bytes = File.ReadAllBytes(LocalModel);
        bytes[3] ^= 0x01;
        File.WriteAllBytes(LocalModel, bytes);

        var refused = await Assert.ThrowsAsync<ModelIntegrityException>(() => GatewayHarness.StartAsync(settings: Settings));

        Assert.Equal($"model integrity check failed: {LocalModel} CHANGED.", refused.Message);
    }

    [Fact]
    public async Task A_manifest_signed_with_another_key_stops_the_start()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Deploy(key, signer: attacker);

        var refused = await Assert.ThrowsAsync<ModelIntegrityException>(() => GatewayHarness.StartAsync(settings: Settings));

        Assert.Contains("signature does not verify", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_local_model_and_a_built_in_model_unlike_the_manifest_stop_the_start()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Deploy(key, alter: d => d.Name.EndsWith("injection-direct.bin", StringComparison.Ordinal) ? d with { Sha256 = new string('0', 64) } : d);
        File.Delete(LocalModel);

        var refused = await Assert.ThrowsAsync<ModelIntegrityException>(() => GatewayHarness.StartAsync(settings: Settings));

        Assert.Contains("embedded:Caduceus.Detection.Injection.Learned.injection-direct.bin CHANGED", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{LocalModel} MISSING", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_model_files_without_a_signed_manifest_stop_the_start()
    {
        File.WriteAllBytes(LocalModel, [1, 2, 3]);

        var refused = await Assert.ThrowsAsync<ModelIntegrityException>(() => GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Models:Files:0"] = LocalModel }));

        Assert.Contains("only a signed manifest can vouch for them", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_manifest_the_built_in_models_match_the_hashes_compiled_into_the_build()
    {
        var report = ModelIntegrityCheck.Run(new ModelInventoryOptions());

        Assert.True(report.IsOk, report.Summary());
        Assert.Equal(ModelIntegrityReport.BuiltInHashesMode, report.Mode);
        Assert.Contains(report.Files, f => f.Name.EndsWith("Injection.Learned.injection-direct.bin", StringComparison.Ordinal));
        Assert.Contains(report.Files, f => f.Name.EndsWith("Injection.Learned.model-card.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_model_the_detection_assembly_embeds_has_a_compiled_hash()
    {
        var embedded = typeof(Caduceus.Detection.Injection.Learned.InjectionClassifier).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".bin", StringComparison.Ordinal) || n.EndsWith("model-card.md", StringComparison.Ordinal));

        Assert.Equal(embedded.Order(StringComparer.Ordinal), BuiltInModelFiles.Names.Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
