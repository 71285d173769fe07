using System.Security.Cryptography;

namespace Caduceus.LoadTest;

/// <summary>The key files every instance of a fleet must share: master key (data keyring), audit signing and finding keys.</summary>
internal static class FleetKeys
{
    /// <summary>Writes the three files and returns the gateway settings that name them.</summary>
    public static Dictionary<string, string> Write(string directory)
    {
        var master = Path.Combine(directory, "master.key");
        var signing = Path.Combine(directory, "audit-signing.pem");
        var finding = Path.Combine(directory, "audit-finding.key");
        File.WriteAllText(master, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        File.WriteAllText(finding, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(signing, key.ExportPkcs8PrivateKeyPem());
        }


        return new(StringComparer.Ordinal)
        {
            ["CADUCEUS_Encryption__MasterKeyFile"] = master,
            ["CADUCEUS_Audit__SigningKeyFile"] = signing,
            ["CADUCEUS_Audit__FindingKeyFile"] = finding,
        };
    }
}
