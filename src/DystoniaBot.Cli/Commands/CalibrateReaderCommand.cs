using System.CommandLine;
using System.Globalization;
using DystoniaBot.Cli.Evaluation;
using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;

namespace DystoniaBot.Cli.Commands;

/// <summary>
/// <c>dystoniabot calibrate-reader emergency|smalltalk</c>: fits the model behind a meaning reader (that kind of
/// labelled question against every other), reports how it does on each set held out in turn, and writes it.
/// </summary>
internal static class CalibrateReaderCommand
{
    /// <summary>The readers with a model, and where each model is kept in the source tree.</summary>
    private static readonly Dictionary<string, string> Readers = new(StringComparer.Ordinal)
    {
        ["emergency"] = "src/DystoniaBot.Conversation/Safety/red-flag-model.json",
        ["smalltalk"] = "src/DystoniaBot.Conversation/SmallTalk/small-talk-model.json",
    };

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "The reader: emergency (red flags) or smalltalk" };
        kind.AcceptOnlyFromAmong([.. Readers.Keys]);
        var sets = new Argument<FileInfo[]>("sets") { Description = "Labelled questions, JSON lines {q, kind, any} (eval format); each file is held out in turn", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out", "-o") { Description = $"Write the model here (normally {string.Join(" or ", Readers.Values)}); without it, only report" };
        var falseRate = new Option<double>("--false-per-thousand") { Description = "Other messages allowed to be taken for the kind on held-out sets, per thousand; sets the threshold", DefaultValueFactory = _ => 1.0 };
        var teaching = new Option<FileInfo[]>("--teaching") { Description = "Sets written to teach the reader hard cases: learned from and held out in turn, reported apart; their ordinary messages do not set the threshold", AllowMultipleArgumentsPerToken = true };
        var command = new Command("calibrate-reader", "Fit a meaning reader's model (red flags or small talk) on labelled questions and validate it on held-out sets")
        {
            kind, sets, output, falseRate, teaching, Engine.KnowledgeOption, Engine.IndexOption,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var reader = parse.GetValue(kind)!;
            var rate = parse.GetValue(falseRate);
            if (rate is < 0 or > 100)
            {
                Console.Error.WriteLine("calibrate-reader: --false-per-thousand is between 0 and 100");
                return Task.FromResult(ExitCodes.Failure);
            }

            var teachingFiles = parse.GetValue(teaching) ?? [];
            if (EvalCase.ReadSets(parse.GetValue(sets)!, "calibrate-reader", Console.Error) is not { } read
                || EvalCase.ReadSets(teachingFiles, "calibrate-reader", Console.Error) is not { } taught)
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            using var engine = Engine.Create(parse);

            // Each model is fit on the text its reader compares: words of other languages read in English, and for
            // small talk what that reader reads of it.
            string Given(string question) => reader == "smalltalk"
                ? SemanticSmallTalkDetector.TextRead(engine.Policy.EnglishReading(question))
                : engine.Policy.EnglishReading(question);
            // The reader's own exemplars teach the model too (warning signs and counter-examples written from clinical
            // sources), but are never held out: they are no sample of what people write.
            var exemplars = reader == "smalltalk" ? engine.Readers.SmallTalk.Exemplars : engine.Readers.RedFlags.Exemplars;
            var messages = read.Select(r => new LabelledMessage(Given(r.Case.Question), r.Case.Kind == reader, r.Set))
                .Concat(taught.Select(r => new LabelledMessage(Given(r.Case.Question), r.Case.Kind == reader, r.Set, Teaching: true)))
                .Concat(exemplars.Groups.SelectMany(g => g.Texts.Select(t => new LabelledMessage(t, g.Kind != ExemplarSet.Ordinary, null))))
                .ToList();
            // The red-flag reader also compares a longer message's sentences and clauses; small talk is read whole.
            var (model, validation, teachingValidation, curve) = MessageModel.Calibrate(
                reader, messages, engine.Index.Embedder, rate, reader == "emergency" ? SemanticRedFlagDetector.PartsOf : null, cancellationToken);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read.Count} labelled messages, {validation.OfKind} {reader}, from {read.Select(r => r.Set).Distinct().Count()} sets; {taught.Count} from {teachingFiles.Length} teaching sets; and {messages.Count - read.Count - taught.Count} exemplars of the reader"));
            Console.Out.WriteLine($"each set held out in turn: {validation}");
            if (teachingValidation is not null)
            {
                Console.Out.WriteLine($"the teaching sets, each held out in turn: {teachingValidation}");
            }

            Console.Out.WriteLine("at other budgets (false readings per thousand on the sets people wrote):");
            foreach (var outcome in curve)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {outcome.PerThousand:0.0}: {outcome.People}{(outcome.Teaching is { } taughtThere ? $"; teaching sets: {taughtThere.Caught} of {taughtThere.OfKind}, {taughtThere.FalseFlags} of {taughtThere.Others} false" : string.Empty)}"));
            }
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target.FullName, model.ToJson());
                Console.Out.WriteLine($"model written to {target.FullName}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
