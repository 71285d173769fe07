using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Training;

namespace Caduceus.Cli.Commands.Training;

/// <summary><c>caduceus training people add --id ID --name NAME --role R [--json]</c>: adds a person, or replaces their name and roles.</summary>
internal static class TrainingPeopleAddCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id")
        {
            Description = "The identity the gateway knows the person by: their admin key's id (key_...), oidc:SUBJECT or console:NAME.",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "Their display name (staff only; no patient information).", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = $"Their training roles ({string.Join(", ", TrainingRoles.All)}); repeats or takes a,b.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the person and their standing as one JSON line." };
        var command = new Command("add", "Add a person to the training register, or replace their name and roles.") { id, name, role, json };
        command.SetAction((parse, cancellationToken) => TrainingSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!TrainingInput.TryPerson(parse.GetValue(id), parse.GetValue(name), parse.GetValue(role) ?? [], out var person, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var register = session.Register;
            var added = await register.Store.PutPersonAsync(person, cancellationToken);
            await register.ChangeLog.PersonSavedAsync(person, added, TrainingSession.Actor, null, cancellationToken);
            var standing = (await register.Records.StandingsAsync(TrainingSession.Today, cancellationToken)).First(s => s.PersonId == person.Id);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(TrainingPersonView.From(standing), TrainingJsonContext.Default.TrainingPersonView));
            }
            else
            {
                var overdue = standing.Overdue;
                Console.WriteLine($"{(added ? "Added" : "Updated")} {person.Id} ({string.Join(", ", person.Roles)}); "
                    + (overdue.Count == 0 ? "all required training is current." : $"overdue: {string.Join(", ", overdue.Select(c => c.Describe()))}."));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
