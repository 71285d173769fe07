using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Cli.Commands.Training;

/// <summary>
/// The training register as a <c>training</c> verb sees it: the configuration sources, data directory and
/// <c>Training</c> courses <c>serve</c> uses (validated the same way), and the gateway's audit trail. Configuration
/// and storage failures end in the one-line error every verb ends with.
/// </summary>
internal sealed class TrainingSession(GatewayOptions options, TrainingOptions training, OfflineTrainingRegister register)
{
    public GatewayOptions Options { get; } = options;

    public TrainingOptions Training { get; } = training;

    public OfflineTrainingRegister Register { get; } = register;

    public static TimeProvider Clock => TimeProvider.System;

    public static DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Who changed something from the command line, as the audit trail records it.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    public static async Task<int> RunAsync(FileInfo? configFile, Func<TrainingSession, Task<int>> action)
    {
        GatewayOptions options;
        TrainingOptions training;
        try
        {
            var configuration = GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName });
            options = GatewayConfiguration.BindOptions(configuration);
            training = configuration.GetSection(TrainingOptions.SectionName).Get<TrainingOptions>() ?? new TrainingOptions();
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return CommandErrors.Fail("invalid configuration: " + exception.Message);
        }

        var validation = new TrainingOptionsValidator().Validate(null, training);
        if (validation.Failed)
        {
            return CommandErrors.Fail("invalid configuration: " + validation.Failures!.First());
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return CommandErrors.Fail("invalid configuration: DataDirectory must name a directory.");
        }

        var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(options));
        try
        {
            await using var register = new OfflineTrainingRegister(options, training, database, Clock);
            return await action(new TrainingSession(options, training, register));
        }
        catch (System.Data.Common.DbException exception)
        {
            return CommandErrors.Fail($"the training register in '{Path.GetFullPath(options.DataDirectory)}' could not be used: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return CommandErrors.Fail($"the training register in '{Path.GetFullPath(options.DataDirectory)}' could not be used: {exception.Message}");
        }
        finally
        {
            // Pooled connections would otherwise keep the database files open until the process ends.
            SqliteConnection.ClearAllPools();
        }
    }
}
