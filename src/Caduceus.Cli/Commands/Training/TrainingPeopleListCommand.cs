using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Training;

namespace Caduceus.Cli.Commands.Training;

/// <summary><c>caduceus training people list [--json]</c>: everyone in the register with their standing on each required course.</summary>
internal static class TrainingPeopleListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {\"people\": [...]} as one JSON line." };
        var command = new Command("list", "List the people in the training register and where each stands on their required courses.") { json };
        command.SetAction((parse, cancellationToken) => TrainingSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var standings = await session.Register.Records.StandingsAsync(TrainingSession.Today, cancellationToken);
            if (parse.GetValue(json))
            {
                var view = new TrainingPeopleView(standings.Select(s => TrainingPersonView.From(s)).ToArray());
                Console.WriteLine(JsonSerializer.Serialize(view, TrainingJsonContext.Default.TrainingPeopleView));
            }
            else if (standings.Count == 0)
            {
                Console.WriteLine("The training register is empty. Add someone with 'caduceus training people add --id ID --name NAME --role ROLE'.");
            }
            else
            {
                TrainingOutput.Table(standings);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
