using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Encryption;

/// <summary>Rotating the master key under a running gateway, then restarting it with the new key and with the old one.</summary>
public sealed class MasterKeyRotationGatewayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-rotation-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_running_gateway_keeps_reidentifying_through_a_rotation_and_restarts_only_with_the_new_master_key()
    {
        var dataDirectory = Path.Combine(_directory, "data");
        var oldKeyFile = EncryptionTestData.WriteKeyFile(_directory, VaultTestData.KeyA, "old.key");
        var newKeyFile = EncryptionTestData.WriteKeyFile(_directory, VaultTestData.KeyB, "new.key");
        string apiKey;
        await using (var running = await GatewayHarness.StartAsync(settings: Settings(dataDirectory, oldKeyFile)))
        {
            apiKey = running.ApiKey;
            Assert.Equal($"Echo: My SSN is {VaultTestData.Ssn}", await ChatAsync(running.Http, $"My SSN is {VaultTestData.Ssn}"));

            var rewrapped = MasterKeyRotation.Rotate(
                Database(dataDirectory),
                new MasterKeySet(MasterKeyLoader.FromFile(oldKeyFile, "Encryption:MasterKeyFile")),
                MasterKeyLoader.FromFile(newKeyFile, "--new-key-file"),
                () => null,
                TimeProvider.System);

            Assert.Equal(DataKeyPurposes.All.Count, rewrapped);

            // The vault opens a conversation only for a request with PHI in it: the name brings it in, <SSN_1> comes from storage.
            Assert.Equal($"Echo: again {VaultTestData.Ssn} for {VaultTestData.Name}", await ChatAsync(running.Http, $"again <SSN_1> for {VaultTestData.Name}"));
        }

        await using (var restarted = await GatewayHarness.StartAsync(settings: Settings(dataDirectory, newKeyFile)))
        {
            using var sameCaller = restarted.HttpWithKey(apiKey);
            Assert.Equal(
                $"Echo: still {VaultTestData.Ssn} and {VaultTestData.Name} for {VaultTestData.Name}",
                await ChatAsync(sameCaller, $"still <SSN_1> and <NAME_1> for {VaultTestData.Name}"));
        }

        var refused = await Assert.ThrowsAsync<EncryptionKeyException>(() => GatewayHarness.StartAsync(settings: Settings(dataDirectory, oldKeyFile)));
        Assert.Contains("Encryption:MasterKeyFile", refused.Message, StringComparison.Ordinal);
        Assert.Contains(EncryptionTestData.MasterB.KeyId, refused.Message, StringComparison.Ordinal);

        var bytes = EncryptionTestData.RawDatabaseBytes(Database(dataDirectory));
        Assert.False(EncryptionTestData.Contains(bytes, Encoding.UTF8.GetBytes(VaultTestData.Ssn)), "the SSN was found in the database");
        Assert.False(EncryptionTestData.Contains(bytes, Encoding.UTF8.GetBytes(VaultTestData.Name)), "the name was found in the database");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Dictionary<string, string?> Settings(string dataDirectory, string masterKeyFile) => new()
    {
        ["DataDirectory"] = dataDirectory,
        ["Encryption:MasterKeyFile"] = masterKeyFile,
        ["Applications:default:Policy:Request:Phi"] = "Pseudonymize",
        ["Applications:default:Policy:RestorePseudonyms"] = "true",
    };

    private static GatewayDatabase Database(string dataDirectory) => new(Options.Create(new GatewayOptions { DataDirectory = dataDirectory }));

    private static async Task<string?> ChatAsync(HttpClient http, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } }),
                Encoding.UTF8,
                new MediaTypeHeaderValue("application/json").MediaType!),
        };
        request.Headers.Add("X-Caduceus-Conversation-Id", "rotation");
        using var response = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
    }
}
