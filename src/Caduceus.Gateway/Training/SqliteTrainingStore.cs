using System.Globalization;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Training;

/// <summary>
/// The training register in the embedded SQLite database (tables <c>training_people</c>, <c>training_completions</c>).
/// Changes run in IMMEDIATE transactions, so the person check and the insert cannot interleave with another writer.
/// </summary>
public sealed class SqliteTrainingStore(GatewayDatabase database, TimeProvider timeProvider) : ITrainingStore
{
    private const string PersonColumns = "id, display_name, roles, created_at, updated_at";
    private const string CompletionColumns = "person_id, course_id, completed_on, expires_on, evidence, recorded_by, recorded_at";
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<IReadOnlyList<TrainingPerson>> ListPeopleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SelectPeopleAsync(connection, null, $"SELECT {PersonColumns} FROM training_people ORDER BY id", cancellationToken);
    }

    public async Task<TrainingPerson?> GetPersonAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetPersonAsync(connection, null, id, cancellationToken);
    }

    public async Task<bool> AnyPeopleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM training_people)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<bool> PutPersonAsync(TrainingPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var existing = await GetPersonAsync(connection, transaction, person.Id, cancellationToken);
        await using (var command = Command(connection, transaction, existing is null
            ? $"INSERT INTO training_people ({PersonColumns}) VALUES ($id, $name, $roles, $now, $now)"
            : "UPDATE training_people SET display_name = $name, roles = $roles, updated_at = $now WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$id", person.Id);
            command.Parameters.AddWithValue("$name", person.DisplayName);
            command.Parameters.AddWithValue("$roles", string.Join(',', person.Roles));
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return existing is null;
    }

    public async Task<bool> AddCompletionAsync(TrainingCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await GetPersonAsync(connection, transaction, completion.PersonId, cancellationToken) is null)
        {
            return false;
        }

        await using (var command = Command(connection, transaction, $"""
            INSERT INTO training_completions ({CompletionColumns})
            VALUES ($person, $course, $completed, $expires, $evidence, $by, $at)
            """))
        {
            command.Parameters.AddWithValue("$person", completion.PersonId);
            command.Parameters.AddWithValue("$course", completion.CourseId);
            command.Parameters.AddWithValue("$completed", completion.CompletedOn.ToString(DateFormat, CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$expires", completion.ExpiresOn.ToString(DateFormat, CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$evidence", (object?)completion.Evidence ?? DBNull.Value);
            command.Parameters.AddWithValue("$by", completion.RecordedBy);
            command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<TrainingCompletion>> ListCompletionsAsync(string? personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, personId is null
            ? $"SELECT {CompletionColumns} FROM training_completions ORDER BY id"
            : $"SELECT {CompletionColumns} FROM training_completions WHERE person_id = $person ORDER BY id");
        if (personId is not null)
        {
            command.Parameters.AddWithValue("$person", personId);
        }

        var completions = new List<TrainingCompletion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            completions.Add(new TrainingCompletion
            {
                PersonId = reader.GetString(0),
                CourseId = reader.GetString(1),
                CompletedOn = DateOnly.ParseExact(reader.GetString(2), DateFormat, CultureInfo.InvariantCulture),
                ExpiresOn = DateOnly.ParseExact(reader.GetString(3), DateFormat, CultureInfo.InvariantCulture),
                Evidence = reader.IsDBNull(4) ? null : reader.GetString(4),
                RecordedBy = reader.GetString(5),
                RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            });
        }

        return completions;
    }

    private static async Task<TrainingPerson?> GetPersonAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var found = await SelectPeopleAsync(connection, transaction, $"SELECT {PersonColumns} FROM training_people WHERE id = $id", cancellationToken, id);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<TrainingPerson>> SelectPeopleAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, string? id = null)
    {
        await using var command = Command(connection, transaction, sql);
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var people = new List<TrainingPerson>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(new TrainingPerson
            {
                Id = reader.GetString(0),
                DisplayName = reader.GetString(1),
                Roles = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            });
        }

        return people;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
