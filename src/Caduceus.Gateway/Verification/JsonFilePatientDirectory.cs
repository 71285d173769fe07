using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// A patient directory read once from a JSON file (see <see cref="PatientDirectoryOptions.File"/>). For small practices
/// and tests; a hospital would put its EHR's patient index behind <see cref="IPatientDirectory"/> instead.
/// </summary>
internal sealed class JsonFilePatientDirectory : IPatientDirectory
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, PatientRecord> _byId;

    private JsonFilePatientDirectory(Dictionary<string, PatientRecord> byId)
    {
        _byId = byId;
    }

    public int Count => _byId.Count;

    /// <summary>Reads the directory; throws <see cref="InvalidDataException"/> with a one-line reason (never a value from the file) when it is unusable.</summary>
    public static JsonFilePatientDirectory Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DirectoryFile? file;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            file = JsonSerializer.Deserialize<DirectoryFile>(stream, SerializerOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The patient directory '{path}' cannot be read: {e.GetType().Name}.", e);
        }
        catch (JsonException e)
        {
            // The exception's message may quote the file's content; only its position is passed on.
            throw new InvalidDataException($"The patient directory '{path}' is not valid JSON of the expected shape (line {e.LineNumber + 1}).");
        }

        var byId = new Dictionary<string, PatientRecord>(StringComparer.Ordinal);
        foreach (var (entry, index) in (file?.Patients ?? []).Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Name) || entry.DateOfBirth is null)
            {
                throw new InvalidDataException($"Patient {index + 1} in '{path}' needs an id, a name and a date_of_birth.");
            }

            if (!byId.TryAdd(entry.Id, new PatientRecord(entry.Id, entry.Name, entry.DateOfBirth.Value, entry.Phone, entry.Email, entry.Address, entry.Identifiers ?? [])))
            {
                throw new InvalidDataException($"Patient {index + 1} in '{path}' repeats an id.");
            }
        }

        return new JsonFilePatientDirectory(byId);
    }

    public Task<IReadOnlyList<PatientRecord>> FindAsync(string name, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyList<PatientRecord> found = [.. _byId.Values.Where(p => p.DateOfBirth == dateOfBirth && PersonName.Same(p.Name, name))];
        return Task.FromResult(found);
    }

    public Task<PatientRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_byId.GetValueOrDefault(id));

    private sealed record DirectoryFile(List<DirectoryEntry>? Patients);

    private sealed record DirectoryEntry(
        string? Id,
        string? Name,
        DateOnly? DateOfBirth,
        string? Phone,
        string? Email,
        string? Address,
        List<string>? Identifiers);
}
