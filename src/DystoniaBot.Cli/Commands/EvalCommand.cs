using System.CommandLine;
using System.Globalization;
using DystoniaBot.Cli.Evaluation;
using DystoniaBot.Cli.Json;
using DystoniaBot.Conversation.Language;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot eval</c>: scores an evaluation set and lists the misses.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Evaluation set, JSON lines {q, kind, any}" };
        var min = new Option<double?>("--min") { Description = "Exit with 1 when the overall rate is below this (0–1)" };
        var net = new Option<bool>("--net") { Description = "Also report what the red-flag meaning net catches alone, without the rules" };
        var command = new Command("eval", "Score answer quality on an evaluation set") { file, min, net, Engine.KnowledgeOption, Engine.IndexOption };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"eval: file '{path.FullName}' does not exist");
                return ExitCodes.Failure;
            }

            List<EvalCase> cases;
            try
            {
                cases = EvalCase.ReadFile(path.FullName);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"eval: {path.Name}: {e.Message}");
                return ExitCodes.Failure;
            }

            using var engine = Engine.Create(parse);
            var overall = Run(engine.Policy, cases, Console.Out);
            if (parse.GetValue(net))
            {
                ReportNetAlone(engine.Readers.RedFlags, cases, Console.Out);
            }

            var threshold = parse.GetValue(min);
            if (threshold is { } required && overall < required)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"eval: overall {overall:P1} is below --min {required:P1}"));
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Scores every case, prints the table and the misses, returns the overall rate.</summary>
    internal static double Run(ConversationPolicy policy, IReadOnlyList<EvalCase> cases, TextWriter output)
    {
        var results = cases
            .Select(c => (Case: c, Reply: policy.Respond(c.Question, "en-US", ConversationState.Empty).Reply))
            .Select(r => (r.Case, r.Reply, Verdict: r.Case.Judge(r.Reply)))
            .ToList();

        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine("kind         total  passed   rate");
        foreach (var kind in EvalCase.Kinds)
        {
            var ofKind = results.Where(r => r.Case.Kind == kind).ToList();
            if (ofKind.Count > 0)
            {
                var passed = ofKind.Count(r => r.Verdict.Passed);
                output.WriteLine(string.Format(invariant, "{0,-11} {1,6} {2,7} {3,6:P1}", kind, ofKind.Count, passed, (double)passed / ofKind.Count));
            }
        }

        var total = results.Count(r => r.Verdict.Passed);
        var overall = results.Count == 0 ? 0 : (double)total / results.Count;
        output.WriteLine(string.Format(invariant, "{0,-11} {1,6} {2,7} {3,6:P1}", "overall", results.Count, total, overall));

        var answers = results.Where(r => r.Reply.Kind == ReplyKind.Answer).ToList();
        var attributed = answers.Count(r => r.Reply.Answer is { Source: { } s } && !string.IsNullOrWhiteSpace(s.Title) && !string.IsNullOrWhiteSpace(s.License));
        output.WriteLine(string.Format(invariant, "answers attributed: {0}/{1}", attributed, answers.Count));

        var misses = results.Where(r => !r.Verdict.Passed).ToList();
        if (misses.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("misses:");
            foreach (var (evalCase, reply, verdict) in misses)
            {
                var score = reply.Score is { } s ? s.ToString("0.00", invariant) : "-";
                var sign = reply.RedFlag is { } flag ? $" [sign: {flag.Sign}]" : string.Empty;
                output.WriteLine($"  line {evalCase.Line} [{evalCase.Kind}] \"{evalCase.Question}\" → {AnswerJson.KindName(reply.Kind)}{sign} {reply.Answer?.Passage.Id ?? ""} (score {score}): {verdict.Why}");
            }
        }

        return overall;
    }

    /// <summary>
    /// The safety net's share: emergencies it flags with no rule's help, and ordinary messages it flags (other
    /// languages' words read in English as the policy reads them; shorthand is not).
    /// </summary>
    internal static void ReportNetAlone(SemanticRedFlagDetector net, IReadOnlyList<EvalCase> cases, TextWriter output)
    {
        var flagged = cases.Select(c => (Case: c, Flag: net.Detect(ForeignWords.ToEnglish(c.Question)))).ToList();
        var emergencies = flagged.Where(f => f.Case.Kind == "emergency").ToList();
        var ordinary = flagged.Where(f => f.Case.Kind != "emergency").ToList();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"meaning net alone: {emergencies.Count(f => f.Flag is not null)} of {emergencies.Count} emergencies, {ordinary.Count(f => f.Flag is not null)} of {ordinary.Count} other messages flagged"));
        foreach (var (evalCase, flag) in ordinary.Where(f => f.Flag is not null))
        {
            output.WriteLine($"  line {evalCase.Line} [{evalCase.Kind}] \"{evalCase.Question}\" → {flag!.Sign}");
        }
    }
}
