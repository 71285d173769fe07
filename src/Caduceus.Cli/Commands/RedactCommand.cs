using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus redact</c>: runs the PHI detectors over a text and prints it de-identified with one operator.
/// With <c>--json</c> it also lists what was replaced (type, span, operator), never the original values.
/// </summary>
/// <remarks>
/// Keyed operators (hash, surrogate, date_shift) use the operators' data key from the gateway's keyring when a master
/// key is configured (<c>Encryption</c>, <c>Vault:Key</c>, <c>Vault:KeyFile</c>) or exists in the data directory, so
/// their output matches the gateway's; otherwise a random key that lives for this run only. Pseudonym tokens are numbered afresh on every run.
/// </remarks>
internal static class RedactCommand
{
    /// <summary>The scope of a command-line run: one text, one patient as far as the operators know.</summary>
    private const string ScopeId = "caduceus-redact";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The text to de-identify, or '-' to read standard input.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "De-identify the contents of this file." };
        var operatorName = new Option<string>("--operator")
        {
            Description = $"What replaces each value: {string.Join(", ", AnonymizationOperators.Names)}.",
            DefaultValueFactory = _ => RedactOperator.OperatorName,
        };
        var entities = new Option<string?>("--entities") { Description = "Only these entity types (comma separated, e.g. SSN,PHONE); default: every PHI type." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the text and what was replaced (type, span, operator), never the values." };
        var command = new Command("redact", "De-identify a text: find PHI and replace it (redact, mask, hash, surrogate or pseudonymize).")
        {
            text, file, operatorName, entities, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(operatorName)!;
            if (!AnonymizationOperators.Names.Contains(name.ToLowerInvariant()))
            {
                return CommandErrors.Fail($"--operator takes {string.Join(", ", AnonymizationOperators.Names)}, not '{name}'.");
            }

            if (!TryParseEntities(parse.GetValue(entities), out var wanted, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var key = OperatorKey(parse.GetValue(CaduceusCommand.ConfigOption), out error);
            if (key is null)
            {
                return CommandErrors.Fail(error);
            }

            var input = await TextCommandInput.ReadAsync(parse.GetValue(text), parse.GetValue(file), cancellationToken);
            if (input.Error is not null)
            {
                return CommandErrors.Fail(input.Error);
            }

            // The same threshold the gateway applies, so the CLI shows what the gateway would send to the model.
            var application = TextCommandInput.Application(parse.GetValue(CaduceusCommand.ConfigOption), GatewayOptions.DefaultApplicationName, out var policyError);
            if (application is null)
            {
                return CommandErrors.Fail(policyError);
            }

            var policy = application.Policy.Request;
            var findings = TextAnalyzer.CreateDefault()
                .Without(application.Detection.Disabled)
                .Analyze(new DetectionInput(input.Text!, TextSource.User))
                .Where(f => f.Category == FindingCategory.Phi && f.Score >= policy.MinimumScore && (wanted is null || wanted.Contains(f.EntityType)))
                .ToList();
            var engine = new AnonymizerEngine(AnonymizationOperators.Create(name, key));
            var result = engine.Anonymize(input.Text!, findings, new AnonymizationScope(ScopeId));
            if (parse.GetValue(json))
            {
                PrintJson(result);
            }
            else
            {
                Console.Out.Write(result.Text);
                if (!result.Text.EndsWith('\n'))
                {
                    Console.Out.WriteLine();
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseEntities(string? value, out HashSet<string>? entities, out string error)
    {
        entities = null;
        error = string.Empty;
        if (value is null)
        {
            return true;
        }

        entities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var type = name.ToUpperInvariant();
            if (!EntityTypes.Phi.Contains(type))
            {
                error = $"--entities takes PHI entity types ({string.Join(",", EntityTypes.Phi)}), not '{name}'.";
                return false;
            }

            entities.Add(type);
        }

        if (entities.Count == 0)
        {
            error = "--entities needs at least one entity type.";
            return false;
        }

        return true;
    }

    /// <summary>
    /// The operators' key: the keyring's data key when the gateway has a master key (configured or generated), else
    /// random for this run.
    /// </summary>
    private static byte[]? OperatorKey(FileInfo? configFile, out string error)
    {
        error = string.Empty;
        try
        {
            var settings = KeyringConfiguration.Read(configFile);
            var masterKeys = settings.ExistingMasterKeys();
            if (masterKeys is null)
            {
                return RandomNumberGenerator.GetBytes(DataKeyring.KeyLength);
            }

            try
            {
                return DataKeyringLoader.Open(settings.Database(), masterKeys, settings.LegacyVaultKey, TimeProvider.System)
                    .KeyFor(DataKeyPurposes.AnonymizationOperators);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
            }
        }
        catch (Exception exception) when (exception is EncryptionKeyException or PseudonymVaultException)
        {
            error = "encryption at rest: " + exception.Message;
        }
        catch (SqliteException exception)
        {
            error = "the gateway database could not be used: " + exception.Message;
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            error = "invalid configuration: " + exception.Message;
        }

        return null;
    }

    private static void PrintJson(AnonymizedText result)
    {
        var rows = result.Spans.Select(s => new
        {
            Type = s.EntityType,
            s.Start,
            s.End,
            s.Operator,
            s.OutputStart,
            s.OutputEnd,
        });
        Console.WriteLine(JsonSerializer.Serialize(new { result.Text, Findings = rows }, JsonOptions));
    }
}
