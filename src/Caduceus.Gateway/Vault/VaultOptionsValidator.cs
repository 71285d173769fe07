using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>Checks the <c>Vault</c> section at start-up. Messages name settings, never their secret values.</summary>
internal sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    /// <summary>Longer lives keep PHI mappings around beyond any conversation's need.</summary>
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(90);

    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Key) && !string.IsNullOrEmpty(options.KeyFile))
        {
            failures.Add("Vault: set Key or KeyFile, not both.");
        }
        else if (!string.IsNullOrEmpty(options.Key) && !VaultKey.TryParse(options.Key, out _))
        {
            failures.Add($"Vault:Key must be the base64 encoding of {VaultKey.Length} bytes.");
        }
        else if (!string.IsNullOrEmpty(options.KeyFile) && !File.Exists(options.KeyFile))
        {
            failures.Add($"Vault:KeyFile '{options.KeyFile}' does not exist.");
        }

        if (!Enum.IsDefined(options.Store))
        {
            failures.Add("Vault:Store must be Sqlite or Memory.");
        }

        if (options.TimeToLive <= TimeSpan.Zero || options.TimeToLive > MaxTimeToLive)
        {
            failures.Add($"Vault:TimeToLive must be positive and at most {MaxTimeToLive.TotalDays:0} days.");
        }

        if (options.PurgeInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Vault:PurgeInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
