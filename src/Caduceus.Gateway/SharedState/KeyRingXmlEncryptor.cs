using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Seals each Data Protection key with AES-256-GCM before it goes to the shared database, so the table never holds a
/// usable key: the sealing key comes from the data keyring (and so from the master key every instance must share).
/// </summary>
internal sealed class KeyRingXmlEncryptor(DataKeyring keyring) : IXmlEncryptor
{
    internal const string ElementName = "sealedByCaduceusKeyring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var sealedKey = AesGcmSeal.Seal(SealingKey(keyring), plaintext, AssociatedData);
            return new EncryptedXmlInfo(new XElement(ElementName, Convert.ToBase64String(sealedKey)), typeof(KeyRingXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    internal static ReadOnlySpan<byte> AssociatedData => "caduceus data protection key v1"u8;

    /// <summary>
    /// Derived (HKDF) from the second-factor data key rather than a new keyring purpose: both protect sign-in secrets,
    /// and the label keeps the two uses apart.
    /// </summary>
    internal static byte[] SealingKey(DataKeyring keyring) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyring.KeyFor(DataKeyPurposes.AdminTotpSeed), DataKeyring.KeyLength, info: "caduceus data protection key ring"u8.ToArray());
}
