using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Training;

namespace Caduceus.Cli.Commands.Training;

/// <summary><c>caduceus training complete --person P --course C [--on DATE] [--evidence TEXT] [--json]</c>: records a completion.</summary>
internal static class TrainingCompleteCommand
{
    public static Command Create()
    {
        var person = new Option<string>("--person") { Description = "The person's id in the training register.", Required = true };
        var course = new Option<string>("--course") { Description = "The course id (Training:Courses).", Required = true };
        var on = new Option<string?>("--on") { Description = "The completion date, yyyy-MM-dd (default today; never in the future)." };
        var evidence = new Option<string?>("--evidence")
        {
            Description = $"A reference to the proof, e.g. a certificate number (at most {TrainingInput.MaxEvidenceLength} characters; no patient information).",
        };
        var json = new Option<bool>("--json") { Description = "Print the recorded completion as one JSON line." };
        var command = new Command("complete", "Record that a person completed a course; its expiry follows from the course's ValidFor.") { person, course, on, evidence, json };
        command.SetAction((parse, cancellationToken) => TrainingSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!TrainingInput.TryCompletion(
                session.Training.EffectiveCourses, parse.GetValue(person), parse.GetValue(course), parse.GetValue(on), parse.GetValue(evidence),
                TrainingSession.Today, TrainingSession.Actor, out var completion, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var register = session.Register;
            if (!await register.Store.AddCompletionAsync(completion, cancellationToken))
            {
                return CommandErrors.Fail($"there is no person '{completion.PersonId}' in the training register; add them with 'caduceus training people add' first.");
            }

            await register.ChangeLog.CompletionRecordedAsync(completion, TrainingSession.Actor, null, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(TrainingCompletionView.From(completion), TrainingJsonContext.Default.TrainingCompletionView));
            }
            else
            {
                Console.WriteLine($"Recorded {completion.CourseId} for {completion.PersonId}, completed {completion.CompletedOn:yyyy-MM-dd}, valid until {completion.ExpiresOn.AddDays(-1):yyyy-MM-dd}.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
