using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>Labels of vehicle identifiers: licence plates, tags and VINs. Written for this project.</summary>
internal static class VehicleLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        new("vin", EntityTypes.Vehicle, Score),
        .. new[] { "license plate", "licence plate", "plate", "tag", "vehicle", "registration plate" }
            .Select(p => new IdentifierLabel(p, EntityTypes.Vehicle, Score, IsWeak: true)),
    ];
}
