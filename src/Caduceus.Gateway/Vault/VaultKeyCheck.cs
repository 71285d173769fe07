namespace Caduceus.Gateway.Vault;

/// <summary>
/// Checks a vault's key once per process against its sealed marker row, so a wrong key fails at once with a clear
/// message instead of silently starting an empty vault beside the old one. The vault supplies how the marker is
/// stored (when absent) and read back.
/// </summary>
internal sealed class VaultKeyCheck(PseudonymCipher cipher, string mismatchMessage) : IDisposable
{
    private const string Token = "#key-check";
    private const string EntityType = "#";
    private const string Value = "caduceus vault key check";

    /// <summary>The marker row's scope: no HMAC output is all zeros in practice, so it cannot meet a real scope.</summary>
    private static readonly byte[] Scope = new byte[32];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _checked;

    /// <summary>
    /// Proves the key, once: <paramref name="storeIfAbsentThenRead"/> inserts the marker unless one exists and returns
    /// the sealed value stored.
    /// </summary>
    public async ValueTask EnsureAsync(Func<VaultKeyMarker, CancellationToken, Task<byte[]>> storeIfAbsentThenRead, CancellationToken cancellationToken)
    {
        if (_checked)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_checked)
            {
                return;
            }

            var marker = new VaultKeyMarker(Scope, Token, EntityType, cipher.Encrypt(Scope, Token, EntityType, Value));
            var stored = await storeIfAbsentThenRead(marker, cancellationToken).ConfigureAwait(false);
            try
            {
                _ = cipher.Decrypt(Scope, Token, EntityType, stored);
            }
            catch (PseudonymVaultException exception)
            {
                throw new PseudonymVaultException(mismatchMessage, exception);
            }

            _checked = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
