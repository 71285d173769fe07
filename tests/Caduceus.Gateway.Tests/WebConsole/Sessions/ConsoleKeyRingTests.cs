using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.WebConsole.Sessions;

/// <summary>Where one instance keeps the Data Protection keys that seal the console's cookies and forms.</summary>
public sealed class ConsoleKeyRingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_key_that_protects_the_login_form_is_kept_sealed_in_the_gateways_own_data_directory()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var anonymous = harness.AnonymousHttp();

        using var login = await anonymous.GetAsync(new Uri("/console/login", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var directory = Path.Combine(harness.DatabaseDirectory, "data-protection-keys");
        var keyFile = Assert.Single(Directory.GetFiles(directory, "*.xml"));
        var xml = await File.ReadAllTextAsync(keyFile, Cancel);
        Assert.Contains("sealedByCaduceusKeyring", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        }
    }
}
