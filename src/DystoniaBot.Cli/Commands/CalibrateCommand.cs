using System.CommandLine;
using System.Globalization;
using DystoniaBot.Cli.Evaluation;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Cli.Commands;

/// <summary>
/// <c>dystoniabot calibrate</c>: fits the answer model (which passage answers, and whether to answer at all) on
/// labelled questions, reports how it does on questions it was not fit on (k-fold), and writes it.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var sets = new Argument<FileInfo[]>("sets") { Description = "Labelled questions, JSON lines {q, kind, any} (eval format)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out", "-o") { Description = $"Write the model here (normally knowledge/{AnswerModel.FileName}); without it, only report" };
        var folds = new Option<int>("--folds") { Description = "Folds for the validation report", DefaultValueFactory = _ => 5 };
        var dump = new Option<FileInfo?>("--features") { Description = "Also write every question's candidates and their signals here (JSON lines), for analysis" };
        var cost = new Option<double>("--wrong-answer-cost") { Description = "How many missed answers one wrong answer is worth", DefaultValueFactory = _ => 2.0 };
        var command = new Command("calibrate", "Fit the answer model on labelled questions and validate it on held-out folds")
        {
            sets, output, folds, cost, dump, Engine.KnowledgeOption, Engine.IndexOption,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(sets)!;
            if (EvalCase.ReadSets(files, "calibrate", Console.Error) is not { } read)
            {
                return ExitCodes.Failure;
            }

            var k = parse.GetValue(folds);
            var wrongCost = parse.GetValue(cost);
            if (k < 2 || wrongCost <= 0)
            {
                Console.Error.WriteLine("calibrate: --folds must be at least 2 and --wrong-answer-cost positive");
                return ExitCodes.Failure;
            }

            // The features don't depend on the model being fit, which may be one this version can't read.
            using var engine = Engine.Create(parse, withoutAnswerModel: true);
            var (questions, memory) = Label(engine, read);
            var invariant = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(invariant, $"{questions.Count} questions that reach the search ({questions.Count(q => q.Answerable)} answerable), {questions.Sum(q => q.Candidates.Count)} candidate passages"));

            if (parse.GetValue(dump) is { } dumpFile)
            {
                File.WriteAllLines(dumpFile.FullName, questions.Select(q => System.Text.Json.JsonSerializer.Serialize(new
                {
                    q = q.Text,
                    answerable = q.Answerable,
                    candidates = q.Candidates.Select(c => new { right = c.Right, features = c.Features }),
                })));
            }

            var (validated, baseline) = Validate(questions, k, wrongCost);
            Console.Out.WriteLine(string.Create(invariant, $"held-out folds ({k}): {validated}"));
            Console.Out.WriteLine(string.Create(invariant, $"lexical confidence alone:  {baseline}"));

            var model = Fit(questions, wrongCost, memory,
                string.Create(invariant, $"Fit by 'dystoniabot calibrate' on {questions.Count} labelled questions ({string.Join(", ", files.Select(f => f.Name))}); wrong-answer cost {wrongCost}; {k}-fold held-out: {validated}"));
            Console.Out.WriteLine("ranker weights:  " + string.Join(", ", AnswerFeatures.Names.Select((n, i) => string.Create(invariant, $"{n} {model.Ranker.Weights[i]:0.00}"))));
            Console.Out.WriteLine("decider weights: " + string.Join(", ", AnswerFeatures.Names.Select((n, i) => string.Create(invariant, $"{n} {model.Decider.Weights[i]:0.00}"))));
            var target = parse.GetValue(output);
            if (target is not null)
            {
                File.WriteAllText(target.FullName, model.ToJson());
                Console.Out.WriteLine($"model written to {target.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The questions that reach the search, with every candidate's signals, and the memory of them the model keeps.
    /// A question's neighbours come from the other sets only: a new question comes from no set the memory holds, and
    /// a set's own questions (often the same writer's) would make the neighbours look better than they will be.
    /// </summary>
    private static (List<LabelledQuestion> Questions, QuestionMemory Memory) Label(Engine engine, List<(EvalCase Case, string Set)> cases)
    {
        var reaching = new List<(EvalCase Case, string Text, bool Answerable, int Group)>();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (evalCase, set) in cases)
        {
            var answerable = evalCase.Kind == "answer" || (evalCase.Kind == "personal" && evalCase.Any.Count > 0);
            if (!answerable && evalCase.Kind != "off_topic")
            {
                continue;
            }

            // Only what reaches the search: red flags and small talk are answered before it.
            if (engine.Policy.SearchText(evalCase.Question) is not { } text)
            {
                continue;
            }

            reaching.Add((evalCase, text, answerable, groups.TryGetValue(set, out var group) ? group : groups[set] = groups.Count));
        }

        var vectors = reaching.Select(r => engine.Index.EmbedQuestion(r.Text)).ToList();
        var documents = engine.Index.Documents.Where(d => !d.Source.IsCurated).Select(d => d.Id).ToList();
        var memory = new QuestionMemory(
            [.. reaching.Select(r => (r.Case.Question, (IReadOnlyList<string>)(r.Answerable ? r.Case.Any : [])))],
            vectors,
            [.. reaching.Select(r => r.Group)],
            documents);
        var questions = new List<LabelledQuestion>(reaching.Count);
        foreach (var (evalCase, text, answerable, group) in reaching)
        {
            var candidates = engine.Index.Explain(text, memory, group)
                .Select(c => (Features: c.Features.ToArray(), Right: answerable && evalCase.Any.Any(a => c.Passage.Text.Contains(a, StringComparison.OrdinalIgnoreCase))))
                .ToList();
            questions.Add(new LabelledQuestion(evalCase.Question, answerable, candidates));
        }

        // The shipped memory knows no sets: every labelled question is a neighbour of a new one. A passage it cannot
        // speak for gets the signals' means, where the model's weights leave them neutral.
        var considered = questions.SelectMany(q => q.Candidates).ToList();
        double Mean(int feature) => considered.Count == 0 ? 0 : considered.Average(c => c.Features[feature]);
        var neutral = (Mean(AnswerFeatures.NeighbourSupport), Mean(AnswerFeatures.NeighbourUnanswered), Mean(AnswerFeatures.NeighbourNearest));
        return (questions, memory.ForServing(neutral));
    }

    private static AnswerModel Fit(IReadOnlyList<LabelledQuestion> questions, double wrongCost, QuestionMemory memory, string description) =>
        AnswerModel.Fit(questions.Select(q => (IReadOnlyList<(double[], bool)>)q.Candidates).ToList(), questions.Select(q => q.Answerable).ToList(), wrongCost, description, memory);

    private static (Score Validated, Score Baseline) Validate(List<LabelledQuestion> questions, int folds, double wrongCost)
    {
        var validated = new Score();
        var baseline = new Score();
        for (var fold = 0; fold < folds; fold++)
        {
            var model = Fit(questions.Where((_, i) => i % folds != fold).ToList(), wrongCost, QuestionMemory.Empty, string.Empty);
            foreach (var question in questions.Where((_, i) => i % folds == fold))
            {
                validated.Add(question, model);
                baseline.Add(question, AnswerModel.Default);
            }
        }

        return (validated, baseline);
    }

    private sealed record LabelledQuestion(string Text, bool Answerable, List<(double[] Features, bool Right)> Candidates);

    /// <summary>Decisions as the policy makes them: the most probable passage, answered from 0.5.</summary>
    private sealed class Score
    {
        private int _answerable;
        private int _answeredRight;
        private int _answeredWrong;
        private int _unanswerable;
        private int _abstained;

        public void Add(LabelledQuestion question, AnswerModel model)
        {
            var best = question.Candidates.Count == 0
                ? ((double[] Features, bool Right)?)null
                : question.Candidates.MaxBy(c => model.Ranker.Probability(c.Features));
            var answers = best is { } b && model.Decider.Probability(b.Features) >= 0.5;
            if (question.Answerable)
            {
                _answerable++;
                _answeredRight += answers && best!.Value.Right ? 1 : 0;
                _answeredWrong += answers && !best!.Value.Right ? 1 : 0;
            }
            else
            {
                _unanswerable++;
                _abstained += answers ? 0 : 1;
            }
        }

        public override string ToString()
        {
            var total = _answerable + _unanswerable;
            return string.Create(CultureInfo.InvariantCulture,
                $"answerable answered right {_answeredRight}/{_answerable} ({Rate(_answeredRight, _answerable):P1}), wrong passage {_answeredWrong}; unanswerable abstained {_abstained}/{_unanswerable} ({Rate(_abstained, _unanswerable):P1}); overall {Rate(_answeredRight + _abstained, total):P1}");
        }

        private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
    }
}
