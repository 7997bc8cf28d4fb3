using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DystoniaBot.Storage;

// The ASP.NET Core Data Protection key ring (what signs and encrypts the staff's sign-in cookies and antiforgery
// tokens), shared by every replica: a cookie one replica issued is read by the others, and a restart or a new pod
// signs nobody out. Data Protection calls these synchronously.
public sealed partial class PostgresStore : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = Command("SELECT xml FROM data_protection_key ORDER BY created_at");
        using var reader = command.ExecuteReader();
        return KeyRingRows.Read(reader);
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = Command("""
            INSERT INTO data_protection_key VALUES ($1, $2, $3) ON CONFLICT (friendly_name) DO UPDATE SET xml = EXCLUDED.xml
            """, friendlyName, element.ToString(SaveOptions.DisableFormatting), DateTimeOffset.UtcNow);
        command.ExecuteNonQuery();
    }
}
