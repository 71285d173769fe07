using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Phi.Biometrics;
using Caduceus.Detection.Phi.Devices;
using Caduceus.Detection.Phi.HealthPlans;
using Caduceus.Detection.Phi.Licenses;
using Caduceus.Detection.Phi.Vehicles;

namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>Every family's labels in one table: one pass over a text finds them all.</summary>
internal static class IdentifierLabels
{
    public static LabelTable Default { get; } = new(
    [
        .. HealthPlanLabels.All,
        .. AccountLabels.All,
        .. LicenseLabels.All,
        .. VehicleLabels.All,
        .. DeviceLabels.All,
        .. BiometricLabels.All,
        .. MedicalRecordLabels.All,
        .. OtherIdLabels.All,
    ]);
}
