using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Anomaly;

/// <summary>Stops the gateway at start-up, in one line, when the anomaly settings cannot work.</summary>
internal sealed class AnomalyOptionsValidator(AnomalyOptions options) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!ClinicHours.TryCreate(options.ClinicHours, out _, out var problem))
        {
            return ValidateOptionsResult.Fail(problem!);
        }

        if (options.Window < TimeSpan.FromSeconds(10) || options.Window > TimeSpan.FromDays(1))
        {
            return ValidateOptionsResult.Fail("Anomaly:Window must be between 10 seconds and 1 day.");
        }

        if (options.WindowAlpha is <= 0 or >= 1 || options.RequestAlpha is <= 0 or >= 1)
        {
            return ValidateOptionsResult.Fail("Anomaly:WindowAlpha and Anomaly:RequestAlpha must lie between 0 and 1.");
        }

        return options.Threshold > 0 && options.Cooldown >= TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Anomaly:Threshold must be positive and Anomaly:Cooldown not negative.");
    }
}
