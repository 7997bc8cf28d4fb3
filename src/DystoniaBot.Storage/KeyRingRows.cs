using System.Data.Common;
using System.Xml.Linq;

namespace DystoniaBot.Storage;

/// <summary>The key ring's rows as Data Protection wants them: one XML element each, oldest first.</summary>
internal static class KeyRingRows
{
    public static IReadOnlyCollection<XElement> Read(DbDataReader reader)
    {
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }
}
