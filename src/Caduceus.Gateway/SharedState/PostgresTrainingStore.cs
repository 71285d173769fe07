using Caduceus.Gateway.Training;
using Npgsql;
using NpgsqlTypes;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The training register in the shared PostgreSQL database, the same contract as <see cref="SqliteTrainingStore"/>:
/// a completion recorded through one instance lets that person act on every instance. Each change is one statement,
/// so the person check and the insert cannot interleave with another writer.
/// </summary>
internal sealed class PostgresTrainingStore(PostgresStateDatabase database, TimeProvider timeProvider) : ITrainingStore
{
    private const string PersonColumns = "id, display_name, roles, created_at, updated_at";
    private const string CompletionColumns = "person_id, course_id, completed_on, expires_on, evidence, recorded_by, recorded_at";

    public async Task<IReadOnlyList<TrainingPerson>> ListPeopleAsync(CancellationToken cancellationToken) =>
        await SelectPeopleAsync(null, cancellationToken).ConfigureAwait(false);

    public async Task<TrainingPerson?> GetPersonAsync(string id, CancellationToken cancellationToken)
    {
        var found = await SelectPeopleAsync(id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> AnyPeopleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM training_people)", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<bool> PutPersonAsync(TrainingPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // xmax is 0 only on a row this statement inserted; an updated row carries this transaction's id.
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO training_people ({PersonColumns}) VALUES (@id, @name, @roles, @now, @now)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, roles = EXCLUDED.roles, updated_at = EXCLUDED.updated_at
            RETURNING (xmax = 0)
            """,
            connection);
        command.Parameters.AddWithValue("id", person.Id);
        command.Parameters.AddWithValue("name", person.DisplayName);
        command.Parameters.AddWithValue("roles", person.Roles.ToArray());
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<bool> AddCompletionAsync(TrainingCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO training_completions ({CompletionColumns})
            SELECT id, @course, @completed, @expires, @evidence, @by, @at FROM training_people WHERE id = @person
            """,
            connection);
        command.Parameters.AddWithValue("person", completion.PersonId);
        command.Parameters.AddWithValue("course", completion.CourseId);
        command.Parameters.AddWithValue("completed", completion.CompletedOn);
        command.Parameters.AddWithValue("expires", completion.ExpiresOn);
        command.Parameters.AddWithValue("evidence", NpgsqlDbType.Text, (object?)completion.Evidence ?? DBNull.Value);
        command.Parameters.AddWithValue("by", completion.RecordedBy);
        command.Parameters.AddWithValue("at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<TrainingCompletion>> ListCompletionsAsync(string? personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {CompletionColumns} FROM training_completions {(personId is null ? "" : "WHERE person_id = @person")} ORDER BY id", connection);
        if (personId is not null)
        {
            command.Parameters.AddWithValue("person", personId);
        }

        var completions = new List<TrainingCompletion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            completions.Add(new TrainingCompletion
            {
                PersonId = reader.GetString(0),
                CourseId = reader.GetString(1),
                CompletedOn = reader.GetFieldValue<DateOnly>(2),
                ExpiresOn = reader.GetFieldValue<DateOnly>(3),
                Evidence = reader.IsDBNull(4) ? null : reader.GetString(4),
                RecordedBy = reader.GetString(5),
                RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            });
        }

        return completions;
    }

    private async Task<IReadOnlyList<TrainingPerson>> SelectPeopleAsync(string? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {PersonColumns} FROM training_people {(id is null ? "" : "WHERE id = @id")} ORDER BY id COLLATE \"C\"", connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        var people = new List<TrainingPerson>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            people.Add(new TrainingPerson
            {
                Id = reader.GetString(0),
                DisplayName = reader.GetString(1),
                Roles = reader.GetFieldValue<string[]>(2),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            });
        }

        return people;
    }
}
