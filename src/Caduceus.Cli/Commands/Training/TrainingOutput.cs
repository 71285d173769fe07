using Caduceus.Gateway.Training;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Training;

/// <summary>How the <c>training</c> verbs print people and reports for a person at a terminal.</summary>
internal static class TrainingOutput
{
    public static void Table(IEnumerable<PersonStanding> standings)
    {
        var table = new Table().AddColumns("Person", "Name", "Roles", "Courses");
        foreach (var standing in standings)
        {
            table.AddRow(
                Markup.Escape(standing.PersonId),
                Markup.Escape(standing.DisplayName ?? string.Empty),
                Markup.Escape(string.Join(", ", standing.Roles)),
                string.Join("\n", standing.Courses.Select(Course)));
        }

        Write(table);
    }

    public static void Report(TrainingReport report)
    {
        Console.WriteLine($"Training report as of {report.AsOf:yyyy-MM-dd}: {report.OverdueCount} overdue, {report.ExpiringCount} expiring before {report.ExpiringBefore:yyyy-MM-dd}.");
        if (report.People.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("Person", "Name", "Status", "Courses needing attention");
        foreach (var person in report.People)
        {
            table.AddRow(
                Markup.Escape(person.PersonId),
                Markup.Escape(person.DisplayName ?? string.Empty),
                person.IsOverdue ? "[red]OVERDUE[/]" : "[yellow]EXPIRING[/]",
                string.Join("\n", person.Courses.Where(c => c.State != CourseState.Current).Select(Course)));
        }

        Write(table);
    }

    private static string Course(CourseStanding course) => course.State switch
    {
        CourseState.Current => Markup.Escape(course.Describe()),
        CourseState.Expiring => $"[yellow]{Markup.Escape(course.Describe())}[/]",
        _ => $"[red]{Markup.Escape(course.Describe())}[/]",
    };

    private static void Write(Table table)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
    }
}
