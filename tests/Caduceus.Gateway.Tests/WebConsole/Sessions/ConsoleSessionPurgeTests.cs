using System.Security.Cryptography;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.WebConsole.Sessions;

public sealed class ConsoleSessionPurgeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_deletes_sessions_past_their_idle_timeout_or_lifetime_and_keeps_live_ones()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var person = await ConsolePerson.CreateAsync(harness, ConsoleRoles.SecurityViewer);
        var account = await harness.Services.GetRequiredService<IConsoleAccountStore>().FindByNameAsync(person.Name, Cancel);
        var sessions = harness.Services.GetRequiredService<IConsoleSessionStore>();
        var now = DateTimeOffset.UtcNow;
        var idle = await AddSessionAsync(sessions, account!.Id, createdAt: now.AddHours(-1), lastSeenAt: now.AddMinutes(-16));
        var tooOld = await AddSessionAsync(sessions, account.Id, createdAt: now.AddHours(-9), lastSeenAt: now.AddMinutes(-1));
        var live = await AddSessionAsync(sessions, account.Id, createdAt: now.AddHours(-1), lastSeenAt: now.AddMinutes(-1));

        var (proof, token) = await harness.Services.GetRequiredService<ConsoleSignIn>().SignInAsync(person.Name, person.Password, person.Code(), "127.0.0.1", Cancel);

        Assert.True(proof.Accepted, proof.Message);
        Assert.Null(await sessions.FindAsync(idle, Cancel));
        Assert.Null(await sessions.FindAsync(tooOld, Cancel));
        Assert.NotNull(await sessions.FindAsync(live, Cancel));
        Assert.NotNull(await sessions.FindAsync(ConsoleSessionTokens.Hash(token!), Cancel));
    }

    private static async Task<byte[]> AddSessionAsync(IConsoleSessionStore sessions, string accountId, DateTimeOffset createdAt, DateTimeOffset lastSeenAt)
    {
        var hash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        await sessions.AddAsync(new ConsoleSession(hash, accountId, createdAt, lastSeenAt, null), Cancel);
        return hash;
    }
}
