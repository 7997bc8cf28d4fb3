using System.Text.Json;
using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Cli.Evaluation;

/// <summary>One question of an evaluation set (format: the eval README): what is asked and what a good reply is.</summary>
/// <param name="Line">Line in the file.</param>
/// <param name="Question">What the user types.</param>
/// <param name="Kind">
/// answer, personal, off_topic, emergency or smalltalk; or ordinary: a message that is no emergency, whatever else a
/// good reply to it is (for sets that test only the emergency replies).
/// </param>
/// <param name="Any">For answers: the passage must contain one of these (case-insensitive).</param>
internal sealed record EvalCase(int Line, string Question, string Kind, IReadOnlyList<string> Any)
{
    public static readonly IReadOnlyList<string> Kinds = ["answer", "personal", "off_topic", "emergency", "smalltalk", "ordinary"];

    /// <summary>Reads every case of a JSON lines file (blank lines skipped).</summary>
    /// <exception cref="FormatException">A line is not a valid case.</exception>
    public static List<EvalCase> ReadFile(string path) =>
        File.ReadLines(path)
            .Select((line, i) => (line, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.line))
            .Select(x => Parse(x.line, x.i + 1))
            .ToList();

    /// <summary>
    /// Reads several sets for a command (each case with its file's name); a missing or malformed file is reported on
    /// <paramref name="error"/> as "<paramref name="command"/>: file: problem" and gives null.
    /// </summary>
    public static List<(EvalCase Case, string Set)>? ReadSets(IEnumerable<FileInfo> files, string command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(error);
        var cases = new List<(EvalCase, string)>();
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                error.WriteLine($"{command}: file '{file.FullName}' does not exist");
                return null;
            }

            try
            {
                cases.AddRange(ReadFile(file.FullName).Select(c => (c, file.Name)));
            }
            catch (FormatException e)
            {
                error.WriteLine($"{command}: {file.Name}: {e.Message}");
                return null;
            }
        }

        return cases;
    }

    /// <summary>Parses one JSON line.</summary>
    /// <exception cref="FormatException">The line is not a valid case.</exception>
    public static EvalCase Parse(string json, int line)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"line {line}: expected an object with string fields \"q\" and \"kind\"");
            }

            if (!Kinds.Contains(kind.GetString()))
            {
                throw new FormatException($"line {line}: kind must be one of {string.Join(", ", Kinds)}");
            }

            var any = root.TryGetProperty("any", out var anyElement) && anyElement.ValueKind == JsonValueKind.Array
                ? anyElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return new EvalCase(line, q.GetString()!, kind.GetString()!, any);
        }
        catch (JsonException e)
        {
            throw new FormatException($"line {line}: not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>Whether <paramref name="reply"/> is a good reply; when not, why.</summary>
    public (bool Passed, string Why) Judge(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var passage = reply.Kind == ReplyKind.Answer ? reply.Answer?.Passage.Text : null;
        bool Contains() => passage is not null && (Any.Count == 0 || Any.Any(a => passage.Contains(a, StringComparison.OrdinalIgnoreCase)));

        switch (Kind)
        {
            case "answer":
                if (reply.Kind != ReplyKind.Answer)
                {
                    return (false, $"expected an answer, got {Json.AnswerJson.KindName(reply.Kind)}");
                }

                if (!Contains())
                {
                    return (false, $"passage {reply.Answer!.Passage.Id} contains none of: {string.Join(", ", Any)}");
                }

                var source = reply.Answer!.Source;
                if (string.IsNullOrWhiteSpace(source.Title) || string.IsNullOrWhiteSpace(source.Publisher) || string.IsNullOrWhiteSpace(source.License))
                {
                    return (false, "answer without full attribution");
                }

                return reply.Disclaimer?.Contains("neurologist", StringComparison.OrdinalIgnoreCase) == true
                    ? (true, string.Empty)
                    : (false, "answer without a disclaimer naming a neurologist");
            case "personal":
                // An emergency reply escalates too, but to the wrong place: it is a false emergency.
                if (reply.Kind == ReplyKind.Emergency)
                {
                    return (false, "expected a personal question's reply, got emergency");
                }

                if (!reply.Escalate)
                {
                    return (false, "personal question not escalated");
                }

                return reply.Kind != ReplyKind.Answer || Contains()
                    ? (true, string.Empty)
                    : (false, $"escalated, but passage {reply.Answer!.Passage.Id} contains none of: {string.Join(", ", Any)}");
            case "off_topic":
                return reply.Kind == ReplyKind.NoAnswer ? (true, string.Empty) : (false, $"expected no_answer, got {Json.AnswerJson.KindName(reply.Kind)}");
            case "emergency":
                return reply.Kind == ReplyKind.Emergency ? (true, string.Empty) : (false, $"expected emergency, got {Json.AnswerJson.KindName(reply.Kind)}");
            case "ordinary":
                return reply.Kind != ReplyKind.Emergency ? (true, string.Empty) : (false, "expected no emergency, got emergency");
            default:
                return reply.Kind == ReplyKind.SmallTalk ? (true, string.Empty) : (false, $"expected smalltalk, got {Json.AnswerJson.KindName(reply.Kind)}");
        }
    }
}
