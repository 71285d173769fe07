using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Encryption;

/// <summary>Checks the <c>Encryption</c> section at start-up. Messages name settings, never their secret values.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.MasterKeyFile) && !string.IsNullOrEmpty(options.MasterKeyEnvironmentVariable))
        {
            failures.Add("Encryption: set MasterKeyFile or MasterKeyEnvironmentVariable, not both.");
        }

        if (!string.IsNullOrEmpty(options.PreviousMasterKeyFile)
            && string.IsNullOrEmpty(options.MasterKeyFile)
            && string.IsNullOrEmpty(options.MasterKeyEnvironmentVariable))
        {
            failures.Add("Encryption:PreviousMasterKeyFile needs a current master key (Encryption:MasterKeyFile or Encryption:MasterKeyEnvironmentVariable).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
