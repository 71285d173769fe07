using System.CommandLine;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary>The options the <c>models</c> verbs share, so add and update name their fields alike.</summary>
internal sealed class ModelOptions
{
    public Option<string> App { get; } = new("--app") { Description = "The configured application.", Required = true };

    public Option<string> Model { get; } = new("--model") { Description = "The model name exactly as clients send it in \"model\".", Required = true };

    public Option<string?> Version { get; } = new("--version") { Description = "The model's version." };

    public Option<string?> Owner { get; } = new("--owner") { Description = "Who answers for the model (a team or person)." };

    public Option<string?> Use { get; } = new("--use") { Description = "Its intended use." };

    public Option<string?> PhiAllowed { get; } = new("--phi-allowed") { Description = "true or false: may text with PHI reach this model? (false: such requests are refused)" };

    public Option<string?> RiskTier { get; } = new("--risk-tier") { Description = $"One of: {string.Join(", ", ModelRiskTiers.All)}." };

    public Option<string?> LastReviewed { get; } = new("--last-reviewed") { Description = $"Date of the last review, {ModelEntryInput.DateFormat}." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the entry as one JSON line." };

    /// <summary>Reads <c>--phi-allowed</c>: null when absent; false with <paramref name="error"/> set when not a boolean.</summary>
    public static bool TryParseBool(string? text, string option, out bool? value, out string? error)
    {
        value = null;
        error = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return true;
            case "true" or "yes":
                value = true;
                return true;
            case "false" or "no":
                value = false;
                return true;
            default:
                error = $"{option} must be true or false.";
                return false;
        }
    }
}
