using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Documents;

/// <summary>What the importer may be told about an article that its page does not say.</summary>
public sealed record ImportOverrides(string? Id = null, string? Title = null, string? Publisher = null, Uri? Url = null, string? License = null);

/// <summary>
/// Turns a raw article page (as copied from the publisher's site) into a knowledge document in Markdown: page
/// furniture removed, bullets made into a Markdown list, and the licence footer turned into front matter.
/// </summary>
public static partial class ArticleImporter
{
    // The publisher's pages end the article with a licence footer; everything from the site's "Ask a question"
    // box on is site furniture, and a few fixed lines repeat on every page.
    [GeneratedRegex(@"^This document, titled\s*[«""“]\s*(?<title>.+?)\s*[»""”]\s*, is available under the (?<license>.+?) license\..*?credited to (?<publisher>[^(]+?)\s*\((?<site>[^)\s]+)\)", RegexOptions.Singleline)]
    private static partial Regex LicenceFooter();

    [GeneratedRegex(@"^(A few words of thanks would be greatly appreciated\.?|Ask a question|Add a comment|Share|Print)$", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"^Ask a question$", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfArticle();

    // The site's own description under the article starts with its short name ("CCM is a leading international tech
    // website…"): the first word of the publisher the footer credits ("CCM Health").
    private static string? PublisherAbout(IEnumerable<string> lines, string publisher)
    {
        var shortName = publisher.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        // The page writes "IT experts" with a no-break space; front matter keeps plain ones.
        return lines.FirstOrDefault(line => line.StartsWith(shortName + " is ", StringComparison.Ordinal))?.Replace('\u00A0', ' ').Trim();
    }

    [GeneratedRegex(@"^[•·▪●◦‣∙*-]\s+")]
    private static partial Regex Bullet();

    /// <summary>Converts <paramref name="raw"/> into Markdown with front matter.</summary>
    /// <exception cref="KnowledgeFormatException">Title, publisher, url or licence can be neither found nor were given.</exception>
    public static string Import(string raw, string path, ImportOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(path);
        overrides ??= new ImportOverrides();

        var paragraphs = SplitParagraphs(raw);
        Match? footer = null;
        string? attribution = null;
        var body = new List<List<string>>();
        var afterTheArticle = new List<string>();
        var ended = false;
        foreach (var paragraph in paragraphs)
        {
            var joined = string.Join(' ', paragraph);
            var match = LicenceFooter().Match(joined);
            if (match.Success)
            {
                footer = match;
                attribution = joined;
                continue;
            }

            if (paragraph.Any(line => EndOfArticle().IsMatch(line)))
            {
                ended = true;
            }

            if (ended)
            {
                afterTheArticle.AddRange(paragraph.Where(line => !FurnitureLine().IsMatch(line)));
                continue;
            }

            var kept = paragraph.Where(line => !FurnitureLine().IsMatch(line)).ToList();
            if (kept.Count > 0)
            {
                body.Add(kept);
            }
        }

        var title = overrides.Title ?? footer?.Groups["title"].Value;
        var publisher = overrides.Publisher ?? footer?.Groups["publisher"].Value.Trim();
        var url = overrides.Url ?? (footer is null ? null : new Uri("https://" + footer.Groups["site"].Value.TrimEnd('/', '.')));
        var license = overrides.License ?? footer?.Groups["license"].Value;
        Require(title, "title", path);
        Require(publisher, "publisher", path);
        Require(url?.ToString(), "url", path);
        Require(license, "license", path);
        if (body.Count == 0)
        {
            throw new KnowledgeFormatException(path, 0, "no article text was found in the page");
        }

        var id = overrides.Id ?? Slug(title!);
        var about = PublisherAbout(afterTheArticle, publisher!);
        var output = new StringBuilder();
        output.Append("---\n");
        output.Append("id: ").Append(FrontMatter.Quote(id)).Append('\n');
        output.Append("title: ").Append(FrontMatter.Quote(title!)).Append('\n');
        output.Append("publisher: ").Append(FrontMatter.Quote(publisher!)).Append('\n');
        output.Append("url: ").Append(FrontMatter.Quote(url!.ToString())).Append('\n');
        output.Append("license: ").Append(FrontMatter.Quote(license!)).Append('\n');
        output.Append("language: en\n");
        output.Append("attribution: ").Append(FrontMatter.Quote(attribution ?? $"«{title}», {publisher}, {license}.")).Append('\n');
        if (about is not null)
        {
            output.Append("publisher-about: ").Append(FrontMatter.Quote(about)).Append('\n');
        }

        output.Append("---\n");
        foreach (var paragraph in body)
        {
            output.Append('\n');
            foreach (var line in paragraph)
            {
                var bullet = Bullet().Match(line);
                output.Append(bullet.Success ? "- " + line[bullet.Length..].Trim() : line.Trim()).Append('\n');
            }
        }

        return output.ToString();
    }

    private static List<List<string>> SplitParagraphs(string raw)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var rawLine in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    private static void Require(string? value, string what, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new KnowledgeFormatException(path, 0,
                $"could not find the article's {what} in the page; give it with --{what}");
        }
    }

    /// <summary>A lower-case id made of the words of <paramref name="title"/>, joined by '-'.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
