using DystoniaBot.Handoff;

namespace DystoniaBot.Web.Staff;

/// <summary>What admins do with curated answers: the reviewed texts are checked here; the store records each change in the audit log.</summary>
public sealed class CuratedAnswerDesk
{
    /// <summary>Longest curated question, in characters.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longest curated answer, in characters.</summary>
    public const int MaxAnswerLength = 8000;

    private readonly ICuratedAnswers _curated;

    /// <summary>Creates the desk.</summary>
    public CuratedAnswerDesk(ICuratedAnswers curated) => _curated = curated ?? throw new ArgumentNullException(nameof(curated));

    /// <summary>The curated answers.</summary>
    public Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken) => _curated.ListAsync(cancellationToken);

    /// <summary>Why <paramref name="question"/> and <paramref name="answer"/> can't be curated, or null when they can.</summary>
    public static string? Problem(string? question, string? answer) =>
        string.IsNullOrWhiteSpace(question) || question.Trim().Length > MaxQuestionLength ? $"The question must have between 1 and {MaxQuestionLength} characters."
        : string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > MaxAnswerLength ? $"The answer must have between 1 and {MaxAnswerLength} characters."
        : null;

    /// <summary>Promotes a reviewed question and answer (checked with <see cref="Problem"/> first).</summary>
    public Task<CuratedAnswer> PromoteAsync(string question, string answer, string author, string reviewedBy, string? ticketReference, CancellationToken cancellationToken)
    {
        if (Problem(question, answer) is { } problem)
        {
            throw new ArgumentException(problem, nameof(answer));
        }

        return _curated.PromoteAsync(question.Trim(), answer.Trim(), author, reviewedBy, ticketReference, cancellationToken);
    }

    /// <summary>Removes a curated answer; false when there was none.</summary>
    public Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken) => _curated.RemoveAsync(id, removedBy, cancellationToken);
}
