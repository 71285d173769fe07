using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Models;

/// <summary>Checks <c>Models</c> at start-up: the review period, the seed entries and the local model file list.</summary>
internal sealed class ModelInventoryOptionsValidator(TimeProvider timeProvider) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        var models = options.Models;
        if (models.ReviewPeriod < TimeSpan.FromDays(1) || models.ReviewPeriod > TimeSpan.FromDays(3660))
        {
            failures.Add("Models:ReviewPeriod must be between 1.00:00:00 and 3660.00:00:00.");
        }

        if (models.Files.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Models:Files must name files.");
        }

        try
        {
            _ = ModelInventorySeeder.Entries(options, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        }
        catch (InvalidOperationException exception)
        {
            failures.Add(exception.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
