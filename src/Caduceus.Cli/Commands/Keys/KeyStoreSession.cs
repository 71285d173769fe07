using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Cli.Commands.Keys;

/// <summary>
/// The gateway's key store as a <c>keys</c> verb sees it: the same configuration sources and data directory as
/// <c>serve</c>. Turns configuration and storage failures into the one-line error every verb ends with.
/// </summary>
internal sealed class KeyStoreSession
{
    private KeyStoreSession(IConfiguration configuration, GatewayOptions options, GatewayDatabase database, PostgresStateDatabase? sharedState, IApiKeyStore store)
    {
        Configuration = configuration;
        Options = options;
        Database = database;
        SharedState = sharedState;
        Store = store;
    }

    /// <summary>The configuration <c>serve</c> would read, for the sections a verb binds itself (<c>Training</c>).</summary>
    public IConfiguration Configuration { get; }

    public GatewayOptions Options { get; }

    /// <summary>The gateway's database, for the other stores in it (incidents).</summary>
    public GatewayDatabase Database { get; }

    public IApiKeyStore Store { get; }

    /// <summary>The shared PostgreSQL database when <c>State:Store = postgres</c>, else null.</summary>
    public PostgresStateDatabase? SharedState { get; }

    /// <summary>Console accounts where the gateway keeps them: the shared database, or the gateway's SQLite one.</summary>
    public IConsoleAccountStore ConsoleAccounts =>
        SharedState is null ? new SqliteConsoleAccountStore(Database) : new PostgresConsoleAccountStore(SharedState);

    public static TimeProvider Clock => TimeProvider.System;

    public static Task<int> RunAsync(FileInfo? configFile, Func<KeyStoreSession, Task<int>> action) => RunAsync(configFile, "key store", action);

    /// <summary>As <see cref="RunAsync(FileInfo?, Func{KeyStoreSession, Task{int}})"/>, naming <paramref name="what"/> when storage fails.</summary>
    public static async Task<int> RunAsync(FileInfo? configFile, string what, Func<KeyStoreSession, Task<int>> action)
    {
        IConfiguration configuration;
        GatewayOptions options;
        SharedStateOptions sharedState;
        try
        {
            configuration = GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName });
            options = GatewayConfiguration.BindOptions(configuration);
            sharedState = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return CommandErrors.Fail("invalid configuration: " + exception.Message);
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return CommandErrors.Fail("invalid configuration: DataDirectory must name a directory.");
        }

        if (new SharedStateOptionsValidator(sharedState).Validate(null, options) is { Failed: true } invalid)
        {
            return CommandErrors.Fail("invalid configuration: " + invalid.FailureMessage);
        }

        var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(options));
        await using var shared = sharedState.UsesPostgres ? new PostgresStateDatabase(sharedState.ConnectionString!) : null;
        IApiKeyStore keys = shared is null ? new SqliteApiKeyStore(database, Clock) : new PostgresApiKeyStore(shared, Clock);
        var storeName = shared?.Description ?? $"'{Path.GetFullPath(options.DataDirectory)}'";
        try
        {
            return await action(new KeyStoreSession(configuration, options, database, shared, keys));
        }
        catch (System.Data.Common.DbException exception)
        {
            return CommandErrors.Fail($"the {what} in {storeName} could not be used: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return CommandErrors.Fail($"the {what} in {storeName} could not be used: {exception.Message}");
        }
        finally
        {
            // Pooled connections would otherwise keep the database files open until the process ends.
            SqliteConnection.ClearAllPools();
        }
    }
}
