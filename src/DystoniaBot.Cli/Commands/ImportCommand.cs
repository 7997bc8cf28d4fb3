using System.CommandLine;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot import</c>: turns a raw article page into a knowledge document.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var raw = new Argument<FileInfo>("raw") { Description = "The article page as text" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the Markdown here instead of standard output" };
        var id = new Option<string?>("--id") { Description = "Document id (default: from the title)" };
        var title = new Option<string?>("--title") { Description = "Title, when the page does not say it" };
        var publisher = new Option<string?>("--publisher") { Description = "Publisher, when the page does not say it" };
        var url = new Option<Uri?>("--url") { Description = "Link to the article or publisher" };
        var license = new Option<string?>("--license") { Description = "Licence, when the page does not say it" };
        var command = new Command("import", "Convert a raw article page into a knowledge document (Markdown with front matter)")
        {
            raw, output, id, title, publisher, url, license,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(raw)!;
            if (!input.Exists)
            {
                Console.Error.WriteLine($"import: file '{input.FullName}' does not exist");
                return ExitCodes.Failure;
            }

            var overrides = new ImportOverrides(parse.GetValue(id), parse.GetValue(title), parse.GetValue(publisher), parse.GetValue(url), parse.GetValue(license));
            var markdown = ArticleImporter.Import(File.ReadAllText(input.FullName), input.FullName, overrides);
            var target = parse.GetValue(output);

            // The result must read back as a valid document before anyone relies on it.
            var document = KnowledgeDocumentParser.Parse(markdown, target?.FullName ?? "(output)");
            if (target is null)
            {
                Console.Out.Write(markdown);
            }
            else
            {
                File.WriteAllText(target.FullName, markdown);
                Console.Error.WriteLine($"import: wrote {target.FullName}: «{document.Source.Title}», {document.Passages.Count} passage(s)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
