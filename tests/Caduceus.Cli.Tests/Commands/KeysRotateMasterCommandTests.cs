namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus keys rotate-master</c> against the real executable.</summary>
public sealed class KeysRotateMasterCommandTests
{
    private const string Ssn = "536-22-1843";

    private static readonly string OldKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private static readonly string NewKey = Convert.ToBase64String([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rewraps_the_keyring_so_keyed_operators_keep_their_output_under_the_new_key_only()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-rotate-").FullName;
        await File.WriteAllTextAsync(Path.Combine(workDir, "old.key"), OldKey, Cancel);
        await File.WriteAllTextAsync(Path.Combine(workDir, "new.key"), NewKey, Cancel);
        await UseMasterKeyFileAsync(workDir, "old.key");
        var before = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", $"SSN {Ssn}");

        var rotation = await CliProcess.RunAsync(workDir, null, "keys", "rotate-master", "--new-key-file", "new.key");
        var withOldKey = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", $"SSN {Ssn}");
        await UseMasterKeyFileAsync(workDir, "new.key");
        var withNewKey = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", $"SSN {Ssn}");

        Assert.Equal((0, 0, 2, 0), (before.ExitCode, rotation.ExitCode, withOldKey.ExitCode, withNewKey.ExitCode));
        Assert.StartsWith("Re-wrapped 5 data keys in '", rotation.Stdout, StringComparison.Ordinal);
        Assert.Contains($"set Encryption:MasterKeyFile to '{Path.Combine(workDir, "new.key")}'", rotation.Stdout, StringComparison.Ordinal);
        Assert.Contains("Encryption:MasterKeyFile", withOldKey.Stderr, StringComparison.Ordinal);
        Assert.Single(withOldKey.Stderr.Trim().Split('\n'));
        Assert.Equal(before.Stdout, withNewKey.Stdout);
        foreach (var output in new[] { before.Stdout, rotation.Stdout, rotation.Stderr, withOldKey.Stderr })
        {
            Assert.DoesNotContain(OldKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain(NewKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain(Ssn, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--new-key-file", "garbled.key")]
    [InlineData("--new-key-file", "missing.key")]
    [InlineData("--new-key-env", "CADUCEUS_TEST_UNSET_MASTER_KEY")]
    [InlineData(null, null)]
    public async Task A_wrong_or_missing_new_key_exits_2_with_one_line_naming_the_option(string? option, string? value)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-rotate-").FullName;
        await File.WriteAllTextAsync(Path.Combine(workDir, "garbled.key"), $"SSN {Ssn}", Cancel);

        var rotation = await CliProcess.RunAsync(workDir, null, option is null ? ["keys", "rotate-master"] : ["keys", "rotate-master", option, value!]);

        Assert.Equal(2, rotation.ExitCode);
        Assert.Empty(rotation.Stdout);
        Assert.StartsWith("caduceus: ", rotation.Stderr, StringComparison.Ordinal);
        Assert.Single(rotation.Stderr.Trim().Split('\n'));
        Assert.Contains(option ?? "--new-key-file", rotation.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Ssn, rotation.Stderr, StringComparison.Ordinal);
    }

    private static Task UseMasterKeyFileAsync(string workDir, string keyFile) =>
        File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), $$$"""{"Encryption":{"MasterKeyFile":"{{{keyFile}}}"}}""", Cancel);
}
