using System.CommandLine;
using System.Globalization;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot explain</c>: what the search weighed for a question, passage by passage.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var question = new Argument<string[]>("question") { Description = "The question", Arity = ArgumentArity.OneOrMore };
        var command = new Command("explain", "Show the passages a question's search considered, their signals and the answer model's probabilities")
        {
            question, Engine.KnowledgeOption, Engine.IndexOption,
        };
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(question)!);
            using var engine = Engine.Create(parse);
            var invariant = CultureInfo.InvariantCulture;
            var net = engine.Readers.RedFlags;
            Console.Out.WriteLine(string.Create(invariant, $"red-flag exemplars (flag at {net.Threshold:0.00} or nearer, {net.Margin:0.00} nearer than any ordinary message) and model (whole message flags from {net.ModelThreshold:0.000}, a sentence or clause from {net.ModelPartThreshold:0.000}):"));
            // Triage reads a message in another language (or mixed) in English: show what it read.
            var reading = engine.Policy.EnglishReading(text);
            if (!string.Equals(reading, text, StringComparison.Ordinal))
            {
                Console.Out.WriteLine($"read in English as: {reading}");
            }

            foreach (var (part, nearest, probability, flag) in net.Explain(reading))
            {
                Console.Out.WriteLine(string.Create(invariant,
                    $"    {(flag is null ? "-" : "FLAG")} {nearest?.Similarity ?? 0:0.000} {nearest?.Group.Label ?? "none"} (ordinary {nearest?.OrdinarySimilarity ?? 0:0.000}){(probability is { } p ? $", model {p:0.000}" : string.Empty)}: {part}{(nearest is null ? string.Empty : $"  ~ \"{nearest.Exemplar}\"")}"));
            }

            var searched = engine.Policy.SearchText(text);
            if (searched is null)
            {
                Console.Out.WriteLine("No search: the message is a red flag, small talk or \"tell me more\" (see 'ask').");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"searched as: {searched}");
            var analyzed = engine.Index.Analyze(searched);
            Console.Out.WriteLine("ideas: " + string.Join(", ", analyzed.Concepts.Select(c => c.Key + (c.IsOtherCondition ? " (other condition)" : c.IsUncoveredTopic ? " (topic not covered)" : c.IsCommon ? " (common)" : string.Empty)))
                + (analyzed.Corrections.Count > 0 ? "; read " + string.Join(", ", analyzed.Corrections.Select(f => $"{f.Word} as {f.Correction}")) : string.Empty)
                + (analyzed.AsksForDefinition ? "; asks for a definition" : string.Empty));
            Console.Out.WriteLine($"model: {engine.Index.AnswerModel.Description}");
            foreach (var candidate in engine.Index.Explain(searched))
            {
                Console.Out.WriteLine(string.Create(invariant, $"{candidate.Passage.Id,-16} rank {candidate.Rank:0.000}  answer {candidate.Probability:0.000}"));
                Console.Out.WriteLine("    " + string.Join("  ", AnswerFeatures.Names.Select((n, i) => string.Create(invariant, $"{n} {candidate.Features[i]:0.000}"))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
