using Caduceus.Gateway.Keys;

namespace Caduceus.Gateway.Tests.Keys;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContractTests<SqliteApiKeyStore>, IDisposable
{
    private readonly KeyStoreFixture _fixture;

    public SqliteApiKeyStoreTests()
    {
        _fixture = new KeyStoreFixture(clock: Clock);
    }

    private protected override SqliteApiKeyStore Store => _fixture.Store;

    public void Dispose() => _fixture.Dispose();

    private protected override Task<byte[]> StoredBytesAsync() =>
        Task.FromResult(Directory.GetFiles(_fixture.Directory).SelectMany(ReadShared).ToArray());

    private protected override IApiKeyStore OpenSecondStore() => KeyStoreFixture.OpenStore(_fixture.Directory);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
