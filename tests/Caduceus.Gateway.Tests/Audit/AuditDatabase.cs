using System.Text;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>Direct access to an audit database file, as an attacker with file access (or a test) has it.</summary>
internal static class AuditDatabase
{
    public static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, AuditSchema.FileName), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(string directory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Every record's sequence number and canonical JSON, in order.</summary>
    public static List<(long Sequence, string Json)> Records(string directory)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, record FROM audit_records ORDER BY seq";
        using var reader = command.ExecuteReader();
        var records = new List<(long, string)>();
        while (reader.Read())
        {
            records.Add((reader.GetInt64(0), Encoding.UTF8.GetString((byte[])reader.GetValue(1))));
        }

        return records;
    }

    /// <summary>The bytes of the database and its write-ahead log, where committed records may still sit.</summary>
    public static byte[] FileBytes(string directory)
    {
        var bytes = new List<byte>();
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            var path = Path.Combine(directory, AuditSchema.FileName + suffix);
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes.AddRange(copy.ToArray());
            }
        }

        return bytes.ToArray();
    }
}
