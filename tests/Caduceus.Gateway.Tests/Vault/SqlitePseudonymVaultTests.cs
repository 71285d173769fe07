using System.Text;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class SqlitePseudonymVaultTests : PseudonymVaultContractTests
{
    private readonly string _directory = VaultTestData.NewDirectory();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected override IPseudonymVault CreateVault(TimeSpan timeToLive) => Vault(VaultTestData.KeyA, timeToLive);

    [Fact]
    public async Task Never_writes_a_value_or_conversation_id_in_plaintext()
    {
        var vault = Vault(VaultTestData.KeyA);
        var scope = await vault.OpenScopeAsync("conversation-about-quarterfield", Cancel);
        VaultTestData.IssueSeeded(scope);
        Assert.True(await vault.TryCommitAsync(scope, Cancel));

        var bytes = RawDatabaseBytes();

        Assert.True(bytes.Length > 0);
        foreach (var secret in new[] { VaultTestData.Ssn, "536221843", VaultTestData.Name, "Quarterfield", "conversation-about-quarterfield" })
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), "a secret was found in UTF-8");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), "a secret was found in UTF-16");
        }

        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("<SSN_1>")), "the check must see the rows it searches");
    }

    [Fact]
    public async Task Restores_after_a_restart_from_the_same_database_and_key()
    {
        var before = Vault(VaultTestData.KeyA);
        var scope = await before.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await before.TryCommitAsync(scope, Cancel);

        var after = new SqlitePseudonymVault(VaultTestData.NewDatabase(_directory), VaultTestData.Cipher(new VaultKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)])), Clock, VaultTestData.Options());
        var reopened = await after.OpenScopeAsync("c", Cancel);

        Assert.Equal($"SSN {VaultTestData.Ssn} for {VaultTestData.Name}", PseudonymRestorer.Restore("SSN <SSN_1> for <NAME_1>", reopened.Pseudonyms));
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_scope_fails_to_decrypt()
    {
        var vault = Vault(VaultTestData.KeyA);
        var a = await vault.OpenScopeAsync("conversation-a", Cancel);
        a.Pseudonyms.GetOrIssue(EntityTypes.Name, VaultTestData.Name);
        await vault.TryCommitAsync(a, Cancel);
        var b = await vault.OpenScopeAsync("conversation-b", Cancel);
        b.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray");
        await vault.TryCommitAsync(b, Cancel);
        var cipher = VaultTestData.Cipher(VaultTestData.KeyA);

        await ExecuteAsync(
            "UPDATE pseudonyms SET value = (SELECT value FROM pseudonyms WHERE scope = $a AND token = '<NAME_1>') WHERE scope = $b AND token = '<NAME_1>'",
            ("$a", cipher.ScopeKey("conversation-a")),
            ("$b", cipher.ScopeKey("conversation-b")));

        var exception = await Assert.ThrowsAsync<PseudonymVaultException>(async () => await vault.OpenScopeAsync("conversation-b", Cancel));
        Assert.Contains("failed authentication", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterfield", exception.ToString(), StringComparison.Ordinal);
        Assert.Equal(VaultTestData.Name, PseudonymRestorer.Restore("<NAME_1>", (await vault.OpenScopeAsync("conversation-a", Cancel)).Pseudonyms));
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_token_fails_to_decrypt()
    {
        var vault = Vault(VaultTestData.KeyA);
        var scope = await vault.OpenScopeAsync("c", Cancel);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Name, VaultTestData.Name);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray");
        await vault.TryCommitAsync(scope, Cancel);

        await ExecuteAsync(
            "UPDATE pseudonyms SET value = (SELECT value FROM pseudonyms WHERE scope = $s AND token = '<NAME_1>') WHERE scope = $s AND token = '<NAME_2>'",
            ("$s", VaultTestData.Cipher(VaultTestData.KeyA).ScopeKey("c")));

        await Assert.ThrowsAsync<PseudonymVaultException>(async () => await vault.OpenScopeAsync("c", Cancel));
    }

    [Fact]
    public async Task A_wrong_key_fails_closed_with_a_clear_message()
    {
        var vault = Vault(VaultTestData.KeyA);
        var scope = await vault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await vault.TryCommitAsync(scope, Cancel);

        var wrong = Vault(VaultTestData.KeyB);
        var onOpen = await Assert.ThrowsAsync<PseudonymVaultException>(async () => await wrong.OpenScopeAsync("c", Cancel));
        var onCommit = await Assert.ThrowsAsync<PseudonymVaultException>(async () => await wrong.TryCommitAsync(new AnonymizationScope("d"), Cancel));

        foreach (var exception in new[] { onOpen, onCommit })
        {
            Assert.Contains("vault key does not match", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Vault:Key", exception.Message, StringComparison.Ordinal);
            var text = exception.ToString();
            Assert.DoesNotContain(VaultTestData.Ssn, text, StringComparison.Ordinal);
            Assert.DoesNotContain(VaultTestData.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(VaultTestData.KeyA.ToBase64(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(VaultTestData.KeyB.ToBase64(), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Purging_keeps_the_key_check()
    {
        var vault = Vault(VaultTestData.KeyA, TimeSpan.FromMinutes(1));
        var scope = await vault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await vault.TryCommitAsync(scope, Cancel);
        Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(2, await vault.PurgeExpiredAsync(Cancel));

        await Assert.ThrowsAsync<PseudonymVaultException>(async () => await Vault(VaultTestData.KeyB).OpenScopeAsync("c", Cancel));
    }

    private SqlitePseudonymVault Vault(VaultKey key, TimeSpan? timeToLive = null) =>
        new(VaultTestData.NewDatabase(_directory), VaultTestData.Cipher(key), Clock, VaultTestData.Options(timeToLive));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await VaultTestData.NewDatabase(_directory).OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }

    /// <summary>The database file and its write-ahead log, as they lie on disk.</summary>
    private byte[] RawDatabaseBytes()
    {
        var bytes = new List<byte>();
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            var path = Path.Combine(_directory, "caduceus.db" + suffix);
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes.AddRange(copy.ToArray());
            }
        }

        Assert.True(File.Exists(Path.Combine(_directory, "caduceus.db-wal")), "the test expects the WAL journal");
        return [.. bytes];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
