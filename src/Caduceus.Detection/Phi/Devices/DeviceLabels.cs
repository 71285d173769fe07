using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Devices;

/// <summary>
/// Labels of device identifiers and serial numbers: serials ("S/N", "SN:", "serial #"), UDIs, device and implant ids,
/// phone IMEIs. Written for this project.
/// </summary>
internal static class DeviceLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        .. new[] { "s/n", "udi", "imei", "meid" }.Select(p => new IdentifierLabel(p, EntityTypes.DeviceId, Score)),
        new("SN", EntityTypes.DeviceId, Score, MatchCase: true),
        new("ESN", EntityTypes.DeviceId, Score, MatchCase: true),
        .. new[] { "serial", "device", "implant", "pacemaker", "defibrillator", "pump", "monitor" }
            .Select(p => new IdentifierLabel(p, EntityTypes.DeviceId, Score, IsWeak: true)),
    ];
}
