using System.Web;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary>
/// A console account made through the same enrollment the CLI verb uses, with its password and the TOTP seed read
/// back from the otpauth URI, so codes are computed as an authenticator app would.
/// </summary>
internal sealed class ConsolePerson
{
    private ConsolePerson(string name, string password, byte[] seed)
    {
        Name = name;
        Password = password;
        Seed = seed;
    }

    public string Name { get; }

    public string Password { get; }

    public byte[] Seed { get; }

    public static async Task<ConsolePerson> CreateAsync(GatewayHarness harness, string role)
    {
        var name = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..8];
        var password = "correct horse battery " + Guid.NewGuid().ToString("N")[..6];
        var (account, uri, error) = await ConsoleAccountEnrollment.AddAsync(
            harness.Services.GetRequiredService<IConsoleAccountStore>(),
            harness.Services.GetRequiredService<DataKeyring>(),
            name,
            [role],
            password,
            DateTimeOffset.UtcNow,
            TestContext.Current.CancellationToken);
        Assert.True(account is not null, error);
        var seed = Base32Encoding.ToBytes(HttpUtility.ParseQueryString(new Uri(uri!).Query)["secret"]!);
        return new ConsolePerson(account.Name, password, seed);
    }

    /// <summary>The code of the step <paramref name="stepsAhead"/> steps from now (a code works once: the next proof uses the next step).</summary>
    public string Code(int stepsAhead = 0) => new Totp(Seed).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
}
