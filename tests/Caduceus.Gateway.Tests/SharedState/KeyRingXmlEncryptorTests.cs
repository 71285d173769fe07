using System.Security.Cryptography;
using System.Xml.Linq;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.SharedState;

public sealed class KeyRingXmlEncryptorTests
{
    private static readonly XElement Key = XElement.Parse("""<masterKey><value>c2VjcmV0IGtleSBtYXRlcmlhbA==</value></masterKey>""");

    [Fact]
    public void A_sealed_key_holds_none_of_its_xml_and_opens_under_the_same_keyring()
    {
        var keyring = DataKeyring.DerivedFrom(VaultTestData.KeyA);

        var sealedKey = new KeyRingXmlEncryptor(keyring).Encrypt(Key);

        Assert.Equal(typeof(KeyRingXmlDecryptor), sealedKey.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0", sealedKey.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", sealedKey.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(Key.ToString(), Decryptor(keyring).Decrypt(sealedKey.EncryptedElement).ToString());
    }

    [Fact]
    public void A_key_sealed_under_another_keyring_is_refused_naming_why()
    {
        var sealedKey = new KeyRingXmlEncryptor(DataKeyring.DerivedFrom(VaultTestData.KeyA)).Encrypt(Key);

        var exception = Assert.Throws<CryptographicException>(() => Decryptor(DataKeyring.DerivedFrom(VaultTestData.KeyB)).Decrypt(sealedKey.EncryptedElement));

        Assert.Contains("master key", exception.Message, StringComparison.Ordinal);
    }

    private static KeyRingXmlDecryptor Decryptor(DataKeyring keyring) =>
        new(new ServiceCollection().AddSingleton(keyring).BuildServiceProvider());
}
