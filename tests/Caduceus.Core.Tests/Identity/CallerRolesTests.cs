using Caduceus.Identity;

namespace Caduceus.Core.Tests.Identity;

public sealed class CallerRolesTests
{
    [Fact]
    public void The_roles_are_the_closed_set_of_the_issue()
    {
        Assert.Equal(["patient", "caregiver", "clinician", "front_desk", "billing", "service", "admin"], CallerRoles.All);
        Assert.DoesNotContain(CallerRoles.Admin, CallerRoles.ModelUsers);
        Assert.Equal(CallerRoles.All.Count - 1, CallerRoles.ModelUsers.Count);
    }

    [Fact]
    public void Reads_repeated_and_comma_separated_roles_in_any_case_without_duplicates()
    {
        Assert.True(CallerRoles.TryParse(["Admin, clinician", "CLINICIAN", " front_desk "], out var roles, out _));

        Assert.Equal(["clinician", "front_desk", "admin"], roles);
    }

    [Theory]
    [InlineData("doctor", "unknown role 'doctor'")]
    [InlineData("clinician,nurse", "unknown role 'nurse'")]
    [InlineData("", "at least one role")]
    [InlineData(" , ", "at least one role")]
    public void Refuses_unknown_roles_and_no_role_with_a_message_listing_the_known_ones(string value, string expected)
    {
        Assert.False(CallerRoles.TryParse([value], out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("front_desk", error, StringComparison.Ordinal);
    }
}
