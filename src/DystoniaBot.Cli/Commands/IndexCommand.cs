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
            var watch = Stopwatch.StartNew();
            using var index = KnowledgeIndex.Load(folder);
            watch.Stop();
            var stats = index.Statistics;
            var invariant = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(invariant,
                $"{folder}: {stats.Documents} document(s), {stats.Passages} passage(s), {stats.Terms} distinct terms, built in {watch.Elapsed.TotalMilliseconds:0.0} ms"));
            foreach (var document in index.Documents)
            {
                Console.Out.WriteLine($"  {document.Id}: «{document.Source.Title}», {document.Source.Publisher}, {document.Source.License} — {document.Passages.Count} passage(s)");
            }

            var target = parse.GetValue(output);
            if (target is not null)
            {
                index.Save(target.FullName);
                Console.Out.WriteLine($"index saved to {target.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
