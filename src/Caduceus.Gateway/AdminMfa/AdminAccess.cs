using Microsoft.AspNetCore.Builder;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>What an admin endpoint needs beyond the admin key. An endpoint that says nothing needs an MFA session.</summary>
internal enum AdminAccessKind
{
    /// <summary>An open MFA session of the same key (the default).</summary>
    Session,

    /// <summary>The key alone: opening a session.</summary>
    KeyOnly,

    /// <summary>Enrolling a factor: the key alone while it has no confirmed factor (bootstrap), else a session with a fresh proof.</summary>
    Enrollment,
}

/// <summary>Endpoint metadata read by <see cref="AdminMfaGate"/>; <see cref="StepUpAction"/> names a dangerous action.</summary>
internal sealed record AdminAccess(AdminAccessKind Kind, string? StepUpAction = null)
{
    public static AdminAccess Default { get; } = new(AdminAccessKind.Session);
}

/// <summary>Marks admin endpoints with what they need; see <see cref="AdminAccess"/>.</summary>
internal static class AdminAccessExtensions
{
    public static TBuilder AllowWithKeyOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AdminAccess(AdminAccessKind.KeyOnly));

    public static TBuilder AllowForEnrollment<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AdminAccess(AdminAccessKind.Enrollment, DangerousAdminActions.MfaEnrollment));

    /// <summary>The action is dangerous (<see cref="DangerousAdminActions"/>): it needs a recent second-factor proof.</summary>
    public static TBuilder RequireStepUp<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AdminAccess(AdminAccessKind.Session, action));
}
