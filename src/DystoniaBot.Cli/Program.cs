using System.CommandLine;
using DystoniaBot.Cli;
using DystoniaBot.Cli.Commands;
using DystoniaBot.Knowledge.Documents;

var root = new RootCommand("dystoniabot: answers questions about dystonia from trusted articles, with their source.")
{
    AskCommand.Create(),
    CalibrateCommand.Create(),
    CalibrateReaderCommand.Create(),
    ChatCommand.Create(),
    EvalCommand.Create(),
    ExemplarVectorsCommand.Create(),
    ExplainCommand.Create(),
    IndexCommand.Create(),
    ImportCommand.Create(),
    StaffCommand.Create(),
};

try
{
    // Our handler below words knowledge errors for people; the default one prints a stack trace.
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (KnowledgeFormatException e)
{
    Console.Error.WriteLine($"dystoniabot: {e.Message}");
    return ExitCodes.Failure;
}
catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException or FormatException or DystoniaBot.Knowledge.Embeddings.EmbeddingModelException)
{
    Console.Error.WriteLine($"dystoniabot: {e.Message}");
    return ExitCodes.Failure;
}
