using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Caduceus.Gateway.Training;

/// <summary>
/// Checks what the admin API and the CLI are given before anything is stored; each failure is one line naming the
/// field (lower case first, for the CLI's <c>caduceus: </c> prefix). Values are never echoed beyond a short prefix.
/// </summary>
public static partial class TrainingInput
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEvidenceLength = 200;

    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public static bool TryPerson(
        string? id, string? displayName, IEnumerable<string?> roles, [NotNullWhen(true)] out TrainingPerson? person, out string error)
    {
        person = null;
        if (!TryPersonId(id, out error))
        {
            return false;
        }

        if (!TryText(displayName, "display name", MaxDisplayNameLength, required: true, out var name, out error))
        {
            return false;
        }

        if (!TrainingRoles.TryParse(roles, out var parsed, out error))
        {
            return false;
        }

        person = new TrainingPerson { Id = id!, DisplayName = name!, Roles = parsed };
        return true;
    }

    /// <summary>A completion of a configured course on <paramref name="on"/> (default today, never in the future), its expiry computed from the course.</summary>
    public static bool TryCompletion(
        IReadOnlyList<TrainingCourseOptions> courses, string? personId, string? courseId, string? on, string? evidence, DateOnly today, string recordedBy,
        [NotNullWhen(true)] out TrainingCompletion? completion, out string error)
    {
        completion = null;
        if (!TryPersonId(personId, out error))
        {
            return false;
        }

        var course = courses.FirstOrDefault(c => string.Equals(c.Id, courseId, StringComparison.Ordinal));
        if (course is null)
        {
            error = string.IsNullOrWhiteSpace(courseId)
                ? $"a course is required; courses: {string.Join(", ", courses.Select(c => c.Id))}."
                : $"unknown course '{Shorten(courseId)}'; courses: {string.Join(", ", courses.Select(c => c.Id))}.";
            return false;
        }

        var completedOn = today;
        if (on is not null && !TryDate(on, "the completion date", out completedOn, out error))
        {
            return false;
        }

        if (completedOn > today)
        {
            error = $"the completion date {completedOn:yyyy-MM-dd} is in the future.";
            return false;
        }

        if (!TryText(evidence, "evidence", MaxEvidenceLength, required: false, out var note, out error))
        {
            return false;
        }

        completion = new TrainingCompletion
        {
            PersonId = personId!,
            CourseId = course.Id,
            CompletedOn = completedOn,
            ExpiresOn = course.ExpiryOf(completedOn),
            Evidence = note,
            RecordedBy = recordedBy,
        };
        return true;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date from 2000 on.</summary>
    public static bool TryDate(string? text, string what, out DateOnly date, out string error)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date < Earliest)
        {
            error = $"{what} must be a date written yyyy-MM-dd, from 2000-01-01 on.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryPersonId(string? id, out string error)
    {
        error = string.IsNullOrWhiteSpace(id)
            ? "a person id is required (the admin key id, oidc:SUBJECT or console:NAME)."
            : PersonId().IsMatch(id) ? string.Empty
            : $"person id '{Shorten(id)}' must be 1 to 128 letters, digits or . _ : @ - (the admin key id, oidc:SUBJECT or console:NAME).";
        return error.Length == 0;
    }

    private static bool TryText(string? text, string what, int maxLength, bool required, out string? value, out string error)
    {
        value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        error = value is null
            ? required ? $"a {what} is required." : string.Empty
            : value.Length > maxLength ? $"the {what} must be at most {maxLength} characters."
            : value.Any(char.IsControl) ? $"the {what} must be one line of text."
            : TrainingTextGuard.FirstIdentifierIn(value) is { } identifier
                ? $"the {what} looks like it holds a patient identifier ({identifier}); the register keeps staff records only, so nothing was recorded."
            : string.Empty;
        return error.Length == 0;
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PersonId();
}
