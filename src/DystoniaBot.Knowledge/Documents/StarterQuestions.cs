namespace DystoniaBot.Knowledge.Documents;

/// <summary>
/// Example questions the knowledge base answers well (file <c>questions.txt</c> in the knowledge folder, one a
/// line): shown in the welcome and the help, and offered as follow-ups.
/// </summary>
/// <param name="Questions">The questions in file order.</param>
public sealed record StarterQuestions(IReadOnlyList<string> Questions)
{
    /// <summary>File name inside the knowledge folder.</summary>
    public const string FileName = "questions.txt";

    /// <summary>Reads the file; none when it is missing.</summary>
    public static StarterQuestions Load(string knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(knowledgeDirectory);
        var path = Path.Combine(knowledgeDirectory, FileName);
        if (!File.Exists(path))
        {
            return new StarterQuestions([]);
        }

        return new StarterQuestions(File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());
    }
}
