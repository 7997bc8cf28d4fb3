using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot index</c>: validates the knowledge folder, reports the index, optionally saves it.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Save the index to this folder (for --index and the bot's Knowledge:IndexPath)" };
        var command = new Command("index", "Check the knowledge folder and build its index") { Engine.KnowledgeOption, output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(Engine.KnowledgeOption)!.FullName;
            var target = parse.GetValue(output);

            // Rebuilding into a folder that holds an index embeds only the passages that changed since.
            var watch = Stopwatch.StartNew();
            KnowledgeIndex built;
            using (var previous = target is not null && File.Exists(Path.Combine(target.FullName, "segments.gen")) ? TryOpen(target.FullName) : null)
            {
                // Closed before the new index is written over it.
                built = KnowledgeIndex.Load(folder, reuseVectorsOf: previous);
            }

            using var index = built;
            watch.Stop();
            var stats = index.Statistics;
            var invariant = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(invariant,
                $"{folder}: {stats.Documents} document(s), {stats.Passages} passage(s), {stats.Terms} distinct terms, {index.EmbeddedPassages} passage(s) embedded, built in {watch.Elapsed.TotalMilliseconds:0.0} ms"));
            foreach (var document in index.Documents)
            {
                Console.Out.WriteLine($"  {document.Id}: «{document.Source.Title}», {document.Source.Publisher}, {document.Source.License} — {document.Passages.Count} passage(s)");
            }

            if (target is not null)
            {
                index.Save(target.FullName);
                Console.Out.WriteLine($"index saved to {target.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static KnowledgeIndex? TryOpen(string folder)
    {
        try
        {
            return KnowledgeIndex.Open(folder);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or FormatException)
        {
            // An unreadable old index only means everything is embedded again.
            return null;
        }
    }
}
