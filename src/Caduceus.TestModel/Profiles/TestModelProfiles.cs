namespace Caduceus.TestModel.Profiles;

/// <summary>The built-in behaviours <see cref="TestModelOptions.Profile"/> can name.</summary>
public static class TestModelProfiles
{
    /// <summary>A naive clinic assistant that obeys injections, leaks and calls any tool (see the project README).</summary>
    public const string VulnerableClinic = VulnerableClinicProfile.Name;

    /// <summary>Every profile name, for help text and error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [VulnerableClinic];

    internal static Scripting.IResponsePlanner? Resolve(string name) =>
        string.Equals(name, VulnerableClinic, StringComparison.Ordinal) ? new VulnerableClinicProfile() : null;
}
