using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DystoniaBot.Cli.Json;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot ask</c>: answers one question, or a JSON-lines file of them.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string[]>("question") { Arity = ArgumentArity.ZeroOrMore, Description = "The question" };
        var json = new Option<bool>("--json") { Description = "Write the answer as one JSON object (the contract in docs/cli.md)" };
        var file = new Option<string?>("--file", "-f")
        {
            Description = "Answer every line of this JSON-lines file (field \"q\"; '-' reads standard input), one JSON line each",
        };
        var locale = new Option<string>("--locale") { Description = "The asker's locale (emergency numbers)", DefaultValueFactory = _ => "en-US" };
        var command = new Command("ask", "Answer a question as the bot would") { question, json, file, locale, Engine.KnowledgeOption, Engine.IndexOption };
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(question) ?? []);
            var path = parse.GetValue(file);
            if (path is null && string.IsNullOrWhiteSpace(text))
            {
                Console.Error.WriteLine("ask: give a question, e.g. dystoniabot ask \"is there a cure?\", or --file questions.jsonl");
                return ExitCodes.Usage;
            }

            using var engine = Engine.Create(parse);
            var localeValue = parse.GetValue(locale) ?? "en-US";
            if (path is not null)
            {
                return AnswerFile(engine, path, localeValue);
            }

            var reply = engine.Policy.Respond(text, localeValue, ConversationState.Empty).Reply;
            if (parse.GetValue(json))
            {
                using var output = new AnswerWriter(Console.OpenStandardOutput());
                output.Write(AnswerJson.From(text, reply));
            }
            else
            {
                Console.Out.WriteLine(ReadableReply.Format(reply));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int AnswerFile(Engine engine, string path, string locale)
    {
        var fromStdin = path == "-";
        if (!fromStdin && !File.Exists(path))
        {
            Console.Error.WriteLine($"ask: file '{path}' does not exist");
            return ExitCodes.Failure;
        }

        using var input = fromStdin
            ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8)
            : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        using var output = new AnswerWriter(Console.OpenStandardOutput());
        var lineNumber = 0;
        var errors = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryReadQuestion(line, out var q, out var problem))
            {
                errors++;
                Console.Error.WriteLine($"{path}:{lineNumber}: {problem}");
                continue;
            }

            output.Write(AnswerJson.From(q, engine.Policy.Respond(q, locale, ConversationState.Empty).Reply));
            if (fromStdin)
            {
                // Someone may be waiting on each answer (a pipe from another program).
                output.Flush();
            }
        }

        return errors == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    internal static bool TryReadQuestion(string line, out string question, out string problem)
    {
        question = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String)
            {
                problem = "expected a JSON object with a string field \"q\"";
                return false;
            }

            question = q.GetString()!;
            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON ({e.Message})";
            return false;
        }
    }
}

/// <summary>Writes answers as JSON lines to a buffered stream.</summary>
internal sealed class AnswerWriter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly BufferedStream _stream;
    private readonly Utf8JsonWriter _writer;

    public AnswerWriter(Stream output)
    {
        _stream = new BufferedStream(output, 1 << 16);
        _writer = new Utf8JsonWriter(_stream, WriterOptions);
    }

    public void Write(AnswerJson answer)
    {
        JsonSerializer.Serialize(_writer, answer, CliJsonContext.Default.AnswerJson);
        _writer.Flush();
        _writer.Reset();
        _stream.WriteByte((byte)'\n');
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}

/// <summary>A reply as a person reads it in a terminal.</summary>
internal static class ReadableReply
{
    public static string Format(BotReply reply)
    {
        var text = new StringBuilder(MarkdownRenderer.Render(reply));
        if (reply.FollowUps.Count > 0)
        {
            text.Append(reply.Kind == ReplyKind.SmallTalk ? "\n" : "\n\nYou could also ask:");
            foreach (var followUp in reply.FollowUps)
            {
                text.Append("\n- ").Append(followUp);
            }
        }

        return text.ToString();
    }
}
