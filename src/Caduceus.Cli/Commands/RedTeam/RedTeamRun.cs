using Caduceus.RedTeam.Running;
using Caduceus.RedTeam.Scorecards;
using Spectre.Console;

namespace Caduceus.Cli.Commands.RedTeam;

/// <summary>One <c>redteam</c> invocation: the same drill plan against one or two targets, with a progress bar on stderr.</summary>
internal sealed class RedTeamRun(DrillTarget primary, DrillTarget? second, IReadOnlySet<string> categories, int concurrency)
{
    public async Task<(Scorecard Primary, Scorecard? Second)> ExecuteAsync(CancellationToken cancellationToken)
    {
        var plan = DrillPlan.Create(categories, DrillSecrets.Create());
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var runner = new DrillRunner(http, new DrillBudget(), concurrency);
        var targets = second is null ? new[] { primary } : [primary, second];
        var scorecards = new List<Scorecard>();
        var progress = ProgressConsole();
        if (progress is null)
        {
            foreach (var target in targets)
            {
                scorecards.Add(await runner.RunAsync(target, plan, null, cancellationToken));
            }
        }
        else
        {
            await progress.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    foreach (var target in targets)
                    {
                        var task = context.AddTask(Markup.Escape(target.BaseAddress.ToString()), maxValue: plan.Cases.Count);
                        scorecards.Add(await runner.RunAsync(target, plan, () => task.Increment(1), cancellationToken));
                    }
                });
        }

        return (scorecards[0], scorecards.Count > 1 ? scorecards[1] : null);
    }

    /// <summary>A console on stderr for the progress bar, or null when stderr is not an interactive terminal (pipes, tests).</summary>
    private static IAnsiConsole? ProgressConsole()
    {
        if (Console.IsErrorRedirected)
        {
            return null;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Profile.Capabilities.Interactive ? console : null;
    }
}
