using System.Globalization;
using System.Text;

namespace DystoniaBot.Knowledge.Documents;

/// <summary>
/// Reads a knowledge article: YAML front matter (title, publisher, url, license, attribution, language, id) and a
/// Markdown body whose paragraphs become passages. A list stays in the passage of the paragraph that introduces it.
/// A curated answer (front matter with <c>reviewed-by</c>) must also name its <c>author</c> and its review
/// <c>date</c>; <c>ticket</c> is optional.
/// </summary>
public static class KnowledgeDocumentParser
{
    /// <summary>Parses <paramref name="content"/> read from <paramref name="path"/>.</summary>
    /// <exception cref="KnowledgeFormatException">The document is malformed; the message names file and line.</exception>
    public static KnowledgeDocument Parse(string content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(path);

        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var matter = FrontMatter.Parse(lines, path);
        var id = matter.Get("id") ?? System.IO.Path.GetFileNameWithoutExtension(path);
        if (!IsValidId(id))
        {
            throw new KnowledgeFormatException(path, matter.LineOf("id"),
                $"document id '{id}' may only contain lower-case letters, digits, '-' and '_'");
        }

        var source = ReadSource(matter, path);
        if (matter.Get(CuratedFields.ReviewedBy) is not null)
        {
            ReadCuratedFields(matter, path);
            source = source with { IsCurated = true };
        }

        var passages = ReadPassages(lines, matter.EndLine, id);
        if (passages.Count == 0)
        {
            throw new KnowledgeFormatException(path, matter.EndLine + 1, "the document has no text after its front matter");
        }

        return new KnowledgeDocument(id, source, passages, path);
    }

    /// <summary>Whether <paramref name="id"/> is usable as a document id.</summary>
    public static bool IsValidId(string id) =>
        !string.IsNullOrEmpty(id) && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>The front matter fields and the body of a knowledge file, without parsing the body into passages.</summary>
    /// <exception cref="KnowledgeFormatException">The front matter is malformed.</exception>
    public static KnowledgeFile ReadFile(string content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(path);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var matter = FrontMatter.Parse(lines, path);
        return new KnowledgeFile(matter.Fields, string.Join('\n', lines[matter.EndLine..]).Trim());
    }

    private static void ReadCuratedFields(FrontMatter matter, string path)
    {
        matter.Require(CuratedFields.ReviewedBy, path);
        matter.Require(CuratedFields.Author, path);
        var date = matter.Require(CuratedFields.Date, path);
        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            throw new KnowledgeFormatException(path, matter.LineOf(CuratedFields.Date), $"date '{date}' is not a date (write it as 2026-11-29 or 2026-11-29T10:00:00Z)");
        }
    }

    private static SourceInfo ReadSource(FrontMatter matter, string path)
    {
        var title = matter.Require("title", path);
        var publisher = matter.Require("publisher", path);
        var urlText = matter.Require("url", path);
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new KnowledgeFormatException(path, matter.LineOf("url"), $"url '{urlText}' is not an absolute http(s) link");
        }

        var license = matter.Require("license", path);
        var attribution = matter.Get("attribution");
        if (string.IsNullOrWhiteSpace(attribution))
        {
            attribution = $"«{title}», {publisher}, {license}.";
        }

        var language = matter.Get("language");
        var about = matter.Get("publisher-about");
        return new SourceInfo(title, publisher, url, license, attribution, string.IsNullOrWhiteSpace(language) ? "en" : language)
        {
            PublisherAbout = string.IsNullOrWhiteSpace(about) ? null : about.Trim(),
        };
    }

    private static List<Passage> ReadPassages(string[] lines, int frontMatterEnd, string documentId)
    {
        var passages = new List<Passage>();
        var paragraph = new StringBuilder();
        var items = new List<string>();

        void Flush(bool listMayContinue)
        {
            if (paragraph.Length == 0 && items.Count == 0)
            {
                return;
            }

            // A list right after a lead-in ending with ':' belongs to that lead-in even across a blank line.
            if (listMayContinue && items.Count == 0 && paragraph.Length > 0 && paragraph[^1] == ':')
            {
                return;
            }

            passages.Add(MakePassage(documentId, passages.Count + 1, paragraph.ToString(), items));
            paragraph.Clear();
            items.Clear();
        }

        for (var i = frontMatterEnd; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                Flush(listMayContinue: true);
                continue;
            }

            if (line.StartsWith('#'))
            {
                // Headings organise the file for people; they are not answer text.
                Flush(listMayContinue: false);
                continue;
            }

            if (IsListItem(line, out var item))
            {
                items.Add(item);
                continue;
            }

            if (items.Count > 0)
            {
                Flush(listMayContinue: false);
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(CollapseSpaces(line));
        }

        Flush(listMayContinue: false);
        return passages;
    }

    private static bool IsListItem(string line, out string item)
    {
        if (line.Length > 1 && line[0] is '-' or '*' or '•' && line[1] == ' ')
        {
            item = CollapseSpaces(line[2..].Trim());
            return item.Length > 0;
        }

        item = string.Empty;
        return false;
    }

    private static Passage MakePassage(string documentId, int ordinal, string paragraph, List<string> items)
    {
        var text = new StringBuilder(paragraph);
        var sentences = new List<SentenceSpan>(SentenceSplitter.Split(paragraph));
        foreach (var item in items)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("- ");
            sentences.Add(new SentenceSpan(text.Length, item.Length));
            text.Append(item);
        }

        return new Passage(Passage.MakeId(documentId, ordinal), documentId, ordinal, text.ToString(), sentences);
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
