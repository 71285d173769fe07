using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Vault;

internal static class VaultTestData
{
    public const string Ssn = "536-22-1843";
    public const string Name = "Ximena Quarterfield";

    public static VaultKey KeyA { get; } = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public static VaultKey KeyB { get; } = new([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);

    /// <summary>A cipher over the data keys <paramref name="key"/> derives, as the keyring takes them over from a vault key.</summary>
    public static PseudonymCipher Cipher(VaultKey key) => new(DataKeyring.DerivedFrom(key));

    public static IOptions<VaultOptions> Options(TimeSpan? timeToLive = null) =>
        Microsoft.Extensions.Options.Options.Create(new VaultOptions { TimeToLive = timeToLive ?? TimeSpan.FromHours(1) });

    public static GatewayDatabase NewDatabase(string? directory = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { DataDirectory = directory ?? NewDirectory() }));

    public static string NewDirectory() => Path.Combine(Directory.CreateTempSubdirectory("caduceus-vault-").FullName, "data");

    /// <summary>Pseudonymizes the seeded SSN and name in <paramref name="scope"/>.</summary>
    public static void IssueSeeded(AnonymizationScope scope)
    {
        scope.Pseudonyms.GetOrIssue(EntityTypes.Ssn, Ssn);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Name, Name);
    }
}
