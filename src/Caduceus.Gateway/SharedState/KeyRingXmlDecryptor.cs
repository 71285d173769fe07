using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.SharedState;

/// <summary>Opens what <see cref="KeyRingXmlEncryptor"/> sealed. Data Protection creates it by type, with the service provider.</summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <exception cref="CryptographicException">The key was sealed under another keyring (another master key) or altered.</exception>
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var sealedKey = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[Math.Max(0, AesGcmSeal.PlaintextLength(sealedKey))];
        try
        {
            if (!AesGcmSeal.TryOpen(KeyRingXmlEncryptor.SealingKey(services.GetRequiredService<DataKeyring>()), sealedKey, KeyRingXmlEncryptor.AssociatedData, plaintext))
            {
                throw new CryptographicException("A Data Protection key in the shared database cannot be opened with this gateway's data keys (another master key?).");
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
