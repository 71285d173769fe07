using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Cli.Commands.Training;

/// <summary>
/// The training register as a <c>training</c> verb sees it: <see cref="KeyStoreSession"/>'s configuration, database
/// (the shared one under <c>State:Store = postgres</c>) and error handling, the <c>Training</c> courses <c>serve</c>
/// uses (validated the same way), and the gateway's audit trail.
/// </summary>
internal sealed class TrainingSession(GatewayOptions options, TrainingOptions training, OfflineTrainingRegister register)
{
    public GatewayOptions Options { get; } = options;

    public TrainingOptions Training { get; } = training;

    public OfflineTrainingRegister Register { get; } = register;

    public static TimeProvider Clock => KeyStoreSession.Clock;

    public static DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Who changed something from the command line, as the audit trail records it.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    public static Task<int> RunAsync(FileInfo? configFile, Func<TrainingSession, Task<int>> action) =>
        KeyStoreSession.RunAsync(configFile, "training register", async session =>
        {
            TrainingOptions training;
            try
            {
                training = session.Configuration.GetSection(TrainingOptions.SectionName).Get<TrainingOptions>() ?? new TrainingOptions();
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException)
            {
                return CommandErrors.Fail("invalid configuration: " + exception.Message);
            }

            var validation = new TrainingOptionsValidator().Validate(null, training);
            if (validation.Failed)
            {
                return CommandErrors.Fail("invalid configuration: " + validation.Failures!.First());
            }

            await using var register = new OfflineTrainingRegister(session.Options, training, session.Database, session.SharedState, Clock);
            return await action(new TrainingSession(session.Options, training, register));
        });
}
