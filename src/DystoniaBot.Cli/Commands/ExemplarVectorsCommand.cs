using System.CommandLine;
using System.Globalization;
using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Cli.Commands;

/// <summary>
/// <c>dystoniabot exemplar-vectors</c>: embeds every shipped exemplar (red flags, small talk) and writes the vectors
/// the bot reads at start instead of embedding them (<see cref="ExemplarVectors"/>).
/// </summary>
internal static class ExemplarVectorsCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Write the vectors here (normally src/DystoniaBot.Conversation/Semantics/exemplar-vectors.bin)",
            Required = true,
        };
        var command = new Command("exemplar-vectors", "Embed the shipped exemplars and write their vectors for the bot's start") { output };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            var embedder = TextEmbedder.Default;

            // Every exemplar made again, none taken from the vectors being replaced.
            ExemplarSet[] sets =
            [
                ExemplarSet.LoadResource(SemanticRedFlagDetector.ExemplarResource, embedder, ExemplarVectors.None),
                ExemplarSet.LoadResource(SemanticSmallTalkDetector.ExemplarResource, embedder, ExemplarVectors.None),
            ];
            // Written beside and moved over, so a failed run leaves the vectors it was to replace.
            var written = target.FullName + ".new";
            using (var stream = File.Create(written))
            {
                ExemplarVectors.Write(stream, sets);
            }

            File.Move(written, target.FullName, overwrite: true);

            var count = sets.Sum(s => s.Groups.Sum(g => g.Texts.Count));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} exemplars embedded, vectors written to {target.FullName}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
