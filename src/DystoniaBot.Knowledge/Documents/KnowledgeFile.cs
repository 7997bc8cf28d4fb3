using System.Text;

namespace DystoniaBot.Knowledge.Documents;

/// <summary>A knowledge file as fields and text: what tools that write knowledge files read and write.</summary>
/// <param name="Fields">Front matter keys and values, in order.</param>
/// <param name="Body">The Markdown after the front matter.</param>
public sealed record KnowledgeFile(IReadOnlyList<KeyValuePair<string, string>> Fields, string Body)
{
    /// <summary>The value of <paramref name="key"/> (case-insensitive), or null.</summary>
    public string? Get(string key) =>
        Fields.Where(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value).FirstOrDefault();

    /// <summary>The file's text: front matter (values quoted where they need it), a blank line, the body.</summary>
    /// <exception cref="ArgumentException">A key or value spans lines, or a key is not a plain word.</exception>
    public string ToMarkdown()
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in Fields)
        {
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"front matter key '{key}' must be letters, digits, '-' or '_'", nameof(Fields));
            }

            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException($"front matter value of '{key}' must be one line", nameof(Fields));
            }

            text.Append(key).Append(": ").Append(FrontMatter.Quote(value)).Append('\n');
        }

        return text.Append("---\n\n").Append(Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n').ToString();
    }
}

/// <summary>Front matter keys of a curated answer (written by health-line staff and reviewed before use).</summary>
public static class CuratedFields
{
    /// <summary>Who reviewed and approved the answer; its presence marks a curated answer.</summary>
    public const string ReviewedBy = "reviewed-by";

    /// <summary>The staff member who wrote the answer.</summary>
    public const string Author = "author";

    /// <summary>When it was reviewed (ISO 8601).</summary>
    public const string Date = "date";

    /// <summary>The ticket the answer came from, if any.</summary>
    public const string Ticket = "ticket";
}
