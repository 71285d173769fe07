using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

public sealed class TrainingInputTests
{
    private static readonly DateOnly Today = new(2030, 1, 1);

    [Theory]
    [InlineData("console:bob", "phishing", "2030-01-02", null, "is in the future")]
    [InlineData("console:bob", "phishing", "01/01/2029", null, "must be a date written yyyy-MM-dd")]
    [InlineData("console:bob", "knitting", null, null, "unknown course 'knitting'")]
    [InlineData("bob smith", "phishing", null, null, "must be 1 to 128 letters")]
    [InlineData("", "phishing", null, null, "a person id is required")]
    [InlineData("console:bob", "phishing", null, "line one\nline two", "must be one line")]
    [InlineData("console:bob", "phishing", null, "call 617-432-1898 re patient", "patient identifier (PHONE")]
    public void A_bad_completion_is_refused_with_a_reason(string person, string course, string? on, string? evidence, string reason)
    {
        var ok = TrainingInput.TryCompletion(TrainingOptions.DefaultCourses(), person, course, on, evidence, Today, "tests", out var completion, out var error);

        Assert.False(ok);
        Assert.Null(completion);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completion_expires_when_its_course_says_and_defaults_to_today()
    {
        Assert.True(TrainingInput.TryCompletion(TrainingOptions.DefaultCourses(), "key_1", "phishing", null, " cert 42 ", Today, "tests", out var completion, out _));

        Assert.Equal((Today, Today.AddDays(180), "cert 42"), (completion.CompletedOn, completion.ExpiresOn, completion.Evidence));
    }

    [Theory]
    [InlineData("nurse", "unknown training role 'nurse'")]
    [InlineData("", "at least one training role is required")]
    public void A_person_needs_known_roles(string roles, string reason)
    {
        Assert.False(TrainingInput.TryPerson("key_1", "Alice", [roles], out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_are_read_case_insensitively_in_canonical_order()
    {
        Assert.True(TrainingInput.TryPerson("key_1", "Alice", ["Clinician,ADMIN"], out var person, out _));
        Assert.Equal([TrainingRoles.Admin, TrainingRoles.Clinician], person.Roles);
    }
}
