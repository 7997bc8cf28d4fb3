namespace DystoniaBot.Knowledge.Documents;

/// <summary>
/// The flat <c>key: value</c> subset of YAML that knowledge front matter uses. Values may be bare, or quoted with
/// double quotes (backslash escapes) or single quotes (doubled to escape).
/// </summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, (string Value, int Line)> _values = new(StringComparer.OrdinalIgnoreCase);

    private FrontMatter(int startLine, int endLine)
    {
        StartLine = startLine;
        EndLine = endLine;
    }

    /// <summary>1-based line of the opening <c>---</c>.</summary>
    public int StartLine { get; }

    /// <summary>1-based line of the closing <c>---</c>.</summary>
    public int EndLine { get; }

    public static FrontMatter Parse(IReadOnlyList<string> lines, string path)
    {
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            throw new KnowledgeFormatException(path, 1, "missing front matter: the file must start with a line '---'");
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim() == "---")
            {
                var matter = new FrontMatter(1, i + 1);
                for (var j = 1; j < i; j++)
                {
                    matter.ReadLine(lines[j], j + 1, path);
                }

                return matter;
            }
        }

        throw new KnowledgeFormatException(path, 1, "front matter is not closed: add a line '---' after it");
    }

    public string? Get(string key) => _values.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Every key and value, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        [.. _values.OrderBy(e => e.Value.Line).Select(e => KeyValuePair.Create(e.Key, e.Value.Value))];

    public int LineOf(string key) => _values.TryGetValue(key, out var entry) ? entry.Line : StartLine;

    public string Require(string key, string path)
    {
        var value = Get(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            var line = _values.ContainsKey(key) ? LineOf(key) : StartLine;
            throw new KnowledgeFormatException(path, line, $"front matter has no '{key}'");
        }

        return value;
    }

    private void ReadLine(string line, int number, string path)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new KnowledgeFormatException(path, number, $"expected 'key: value' in front matter, found '{Shorten(trimmed)}'");
        }

        var key = trimmed[..colon].Trim();
        var value = Unquote(trimmed[(colon + 1)..].Trim(), path, number);
        if (!_values.TryAdd(key, (value, number)))
        {
            throw new KnowledgeFormatException(path, number, $"front matter key '{key}' appears twice");
        }
    }

    private static string Unquote(string value, string path, int line)
    {
        if (value.Length == 0 || (value[0] != '"' && value[0] != '\''))
        {
            return value;
        }

        var quote = value[0];
        if (value.Length < 2 || value[^1] != quote)
        {
            throw new KnowledgeFormatException(path, line, "quoted value is not closed");
        }

        var inner = value[1..^1];
        return quote == '\''
            ? inner.Replace("''", "'", StringComparison.Ordinal)
            : inner.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Quotes a value for writing when it needs it.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needsQuotes = value.Length == 0 || value != value.Trim() || value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal) || "\"'[]{}>|*&!%@`#".Contains(value[0], StringComparison.Ordinal);
        return needsQuotes
            ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
