using Microsoft.Extensions.Hosting;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Opens the keyring while the gateway starts, whatever else uses it, so a wrong or missing master key stops the
/// start with <see cref="EncryptionKeyException"/> instead of failing the first request that needs a data key.
/// </summary>
internal sealed class DataKeyringStartup(DataKeyring keyring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keyring.Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
