using System.CommandLine;

namespace Caduceus.Cli.Commands.Training;

/// <summary>
/// <c>caduceus training</c>: the staff training register, acting directly on the gateway's database (found the way
/// <c>serve</c> finds it); each change is audited like one made through the admin API.
/// </summary>
internal static class TrainingCommand
{
    public static Command Create()
    {
        var command = new Command("training", "Keep staff training records: people and their roles, course completions, and who is overdue.");
        var people = new Command("people", "Add or list the people in the training register.");
        people.Subcommands.Add(TrainingPeopleAddCommand.Create());
        people.Subcommands.Add(TrainingPeopleListCommand.Create());
        command.Subcommands.Add(people);
        command.Subcommands.Add(TrainingCompleteCommand.Create());
        command.Subcommands.Add(TrainingReportCommand.Create());
        return command;
    }
}
