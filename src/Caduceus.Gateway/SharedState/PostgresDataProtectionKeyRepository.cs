using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The ASP.NET Core Data Protection key ring in the shared PostgreSQL database, table <c>data_protection_keys</c>, so
/// a console form (its antiforgery token) issued by one instance is accepted by another. Each key arrives here already
/// sealed by <see cref="KeyRingXmlEncryptor"/>; the repository only keeps the XML.
/// </summary>
internal sealed class PostgresDataProtectionKeyRepository(PostgresStateDatabase database, TimeProvider timeProvider) : IXmlRepository
{
    // Data Protection calls these synchronously, when it first needs the key ring and when it adds a key.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY seq", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }
}
