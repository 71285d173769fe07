namespace Caduceus.Gateway.Verification;

/// <summary>Where the gateway looks patients up: a practice's patient index (a file here; an EHR's FHIR API in production).</summary>
public interface IPatientDirectory
{
    /// <summary>The patients with this name and date of birth (usually none or one).</summary>
    Task<IReadOnlyList<PatientRecord>> FindAsync(string name, DateOnly dateOfBirth, CancellationToken cancellationToken);

    /// <summary>The patient with this id, or null.</summary>
    Task<PatientRecord?> GetAsync(string id, CancellationToken cancellationToken);
}
