using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Streaming;

/// <summary>Stops the gateway at start-up, in one line, when a stream inspection setting is out of range.</summary>
internal sealed class StreamInspectionOptionsValidator(StreamInspectionOptions options) : IValidateOptions<GatewayOptions>
{
    /// <summary>Bounds the text analysed at once.</summary>
    public const int MaxBatchCharacters = 4096;

    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        if (options.BatchCharacters is < 0 or > MaxBatchCharacters)
        {
            return ValidateOptionsResult.Fail($"StreamInspection:BatchCharacters must be between 0 (inspect every delta) and {MaxBatchCharacters}.");
        }

        return options.BatchDelay < TimeSpan.Zero || options.BatchDelay > TimeSpan.FromSeconds(2)
            ? ValidateOptionsResult.Fail("StreamInspection:BatchDelay must be between 00:00:00 and 00:00:02.")
            : ValidateOptionsResult.Success;
    }
}
