using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

public sealed class TrainingOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_the_three_standard_courses()
    {
        var options = new TrainingOptions();

        Assert.True(new TrainingOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(["hipaa-security-awareness", "ai-safe-use", "phishing"], options.EffectiveCourses.Select(c => c.Id));
    }

    [Theory]
    [InlineData("Bad Id", "Title", 365, "admin", "Id must be 1 to 64 lower-case")]
    [InlineData("ok", "", 365, "admin", "Title must be 1 to 200")]
    [InlineData("ok", "Title", 0, "admin", "ValidFor must be whole days")]
    [InlineData("ok", "Title", 365, "nurse", "unknown role 'nurse'")]
    public void A_bad_course_stops_the_start_with_a_message_naming_the_field(string id, string title, int days, string role, string message)
    {
        var options = new TrainingOptions { Courses = [new() { Id = id, Title = title, ValidFor = TimeSpan.FromDays(days), RequiredForRoles = [role] }] };

        var result = new TrainingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Training:Courses:0:", StringComparison.Ordinal) && f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_course_listed_twice_is_refused()
    {
        var course = new TrainingCourseOptions { Id = "a", Title = "A", RequiredForRoles = [TrainingRoles.Admin] };
        var result = new TrainingOptionsValidator().Validate(null, new TrainingOptions { Courses = [course, course] });

        Assert.Contains(result.Failures!, f => f.Contains("'a' is listed twice", StringComparison.Ordinal));
    }
}
