using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus console-users ...</c> against the real executable, on the database <c>serve</c> uses.</summary>
public sealed class ConsoleUsersCommandTests
{
    private const string Password = "a long console passphrase";

    [Fact]
    public async Task Add_reads_the_password_from_stdin_prints_the_otpauth_uri_once_and_stores_only_a_hash()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-console-users-").FullName;

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, Password + "\n", "console-users", "add", "--name", "Alice", "--role", "security_admin", "--password-stdin");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Created console account 'alice'", stdout, StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/", stdout, StringComparison.Ordinal);
        var (listExit, list, _) = await CliProcess.RunAsync(workDir, null, "console-users", "list");
        Assert.Equal(0, listExit);
        Assert.Contains("alice", list, StringComparison.Ordinal);
        Assert.Contains("security_admin", list, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth", list, StringComparison.Ordinal);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", "caduceus.db")};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM console_accounts WHERE name = 'alice'";
        var stored = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        Assert.StartsWith("pbkdf2-sha256$600000$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "security_admin", "no password")]
    [InlineData("short", "security_admin", "at least 12 characters")]
    [InlineData(Password, "root", "unknown console role 'root'")]
    public async Task Add_refuses_bad_input_with_exit_2_and_one_line(string? stdin, string role, string expected)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-console-users-").FullName;
        string[] args = stdin is null
            ? ["console-users", "add", "--name", "bob", "--role", role]
            : ["console-users", "add", "--name", "bob", "--role", role, "--password-stdin"];

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, stdin is null ? null : stdin + "\n", args);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
