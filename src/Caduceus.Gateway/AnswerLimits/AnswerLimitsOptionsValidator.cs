using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AnswerLimits;

/// <summary>Stops the gateway at start-up, in one line, when an answer limit is out of range.</summary>
internal sealed class AnswerLimitsOptionsValidator(AnswerLimitsOptions options) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        if (options.MaxTokens is < 0 or > 10_000_000)
        {
            return ValidateOptionsResult.Fail("AnswerLimits:MaxTokens must be between 0 (off) and 10000000.");
        }

        if (options.MinStreamCharactersPerSecond is < 0 or > 100_000)
        {
            return ValidateOptionsResult.Fail("AnswerLimits:MinStreamCharactersPerSecond must be between 0 (off) and 100000.");
        }

        return options.StreamRateGrace < TimeSpan.Zero || options.StreamRateGrace > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail("AnswerLimits:StreamRateGrace must be between 00:00:00 and 00:10:00.")
            : ValidateOptionsResult.Success;
    }
}
