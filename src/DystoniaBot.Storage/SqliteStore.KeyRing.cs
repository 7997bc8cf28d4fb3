using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;

namespace DystoniaBot.Storage;

// The ASP.NET Core Data Protection key ring (what signs and encrypts the staff's sign-in cookies and antiforgery
// tokens) lives in the database, so a restart keeps everyone signed in. Data Protection calls these synchronously.
public sealed partial class SqliteStore : IXmlRepository
{
    private static void CreateKeyRingTable(SqliteConnection connection) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS data_protection_key (friendly_name TEXT PRIMARY KEY, xml TEXT NOT NULL, created_at TEXT NOT NULL);
        """);

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT xml FROM data_protection_key ORDER BY created_at");
        using var reader = command.ExecuteReader();
        return KeyRingRows.Read(reader);
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = Open();
        using var command = Command(connection, "INSERT OR REPLACE INTO data_protection_key VALUES ($name, $xml, $at)",
            ("$name", friendlyName), ("$xml", element.ToString(SaveOptions.DisableFormatting)), ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        command.ExecuteNonQuery();
    }
}
