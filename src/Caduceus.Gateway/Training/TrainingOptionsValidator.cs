using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>Checks <c>Training</c> at start-up: course ids, titles, validity periods and roles, each with a message naming the field.</summary>
public sealed partial class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Courses.Count; i++)
        {
            var course = options.Courses[i];
            var where = $"Training:Courses:{i}";
            var id = course.Id ?? string.Empty;
            if (!CourseId().IsMatch(id))
            {
                failures.Add($"{where}:Id must be 1 to 64 lower-case letters, digits or dashes, starting with a letter or digit.");
            }
            else if (!seen.Add(id))
            {
                failures.Add($"{where}:Id '{id}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(course.Title) || course.Title.Length > 200)
            {
                failures.Add($"{where}:Title must be 1 to 200 characters.");
            }

            if (course.ValidFor < TimeSpan.FromDays(1) || course.ValidFor > TimeSpan.FromDays(3660) || course.ValidFor.Ticks % TimeSpan.TicksPerDay != 0)
            {
                failures.Add($"{where}:ValidFor must be whole days between 1.00:00:00 and 3660.00:00:00.");
            }

            if (course.RequiredForRoles is null || course.RequiredForRoles.Count == 0)
            {
                failures.Add($"{where}:RequiredForRoles must name at least one role ({string.Join(", ", TrainingRoles.All)}).");
            }
            else if (course.RequiredForRoles.FirstOrDefault(role => !TrainingRoles.IsKnown(role)) is { } unknown)
            {
                failures.Add($"{where}:RequiredForRoles has an unknown role '{unknown}' (known: {string.Join(", ", TrainingRoles.All)}).");
            }
        }

        if (options.ExpiringWithin < TimeSpan.Zero || options.ExpiringWithin > TimeSpan.FromDays(365))
        {
            failures.Add("Training:ExpiringWithin must be between 00:00:00 and 365.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CourseId();
}
