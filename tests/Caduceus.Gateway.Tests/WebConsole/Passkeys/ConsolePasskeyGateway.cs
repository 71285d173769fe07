using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary>
/// One gateway for the passkey tests of a class. Its own, so the refusals these tests provoke count against this
/// gateway's per-address limit and never lock out other classes' sign-ins.
/// </summary>
public sealed class ConsolePasskeyGateway : IAsyncLifetime
{
    internal GatewayHarness Harness { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }
    }
}
