namespace DystoniaBot.Knowledge.Documents;

/// <summary>A knowledge file that cannot be used; the message names the file and line.</summary>
public sealed class KnowledgeFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> at <paramref name="line"/> (1-based).</summary>
    public KnowledgeFormatException(string path, int line, string problem)
        : base($"{path}:{line}: {problem}")
    {
        FilePath = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public KnowledgeFormatException(string message) : base(message)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public KnowledgeFormatException(string message, Exception innerException) : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>Creates an exception with no message.</summary>
    public KnowledgeFormatException() : this("Malformed knowledge document.")
    {
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the problem (0 when it concerns the whole file).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
