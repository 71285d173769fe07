using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>
/// Labels of vehicle identifiers: licence plates, tags and VINs. Plate labels also read a plate written in two groups
/// (<c>plate QNC 3657</c>, <see cref="LicensePlate"/>). Written for this project.
/// </summary>
internal static class VehicleLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        new("vin", EntityTypes.Vehicle, Score),
        new("vehicle", EntityTypes.Vehicle, Score, IsWeak: true),
        .. new[] { "license plate", "licence plate", "plate", "tag", "registration plate", "registration" }
            .Select(p => new IdentifierLabel(p, EntityTypes.Vehicle, Score, IsWeak: true, ReadValue: LicensePlate.TryRead)),
    ];
}
