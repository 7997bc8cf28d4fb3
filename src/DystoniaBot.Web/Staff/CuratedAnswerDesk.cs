using DystoniaBot.Web.Handoff;
using DystoniaBot.Web.State;

namespace DystoniaBot.Web.Staff;

/// <summary>What admins do with curated answers, each recorded in the audit log; unavailable when the host has no store for them.</summary>
public sealed class CuratedAnswerDesk
{
    /// <summary>Longest curated question, in characters.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longest curated answer, in characters.</summary>
    public const int MaxAnswerLength = 8000;

    private readonly ICuratedAnswers? _curated;
    private readonly ITicketStore _tickets;

    /// <summary>Creates the desk; the host may have no <see cref="ICuratedAnswers"/>.</summary>
    public CuratedAnswerDesk(ITicketStore tickets, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _curated = services.GetService<ICuratedAnswers>();
    }

    /// <summary>True when curated answers can be kept on this host.</summary>
    public bool IsAvailable => _curated is not null;

    /// <summary>The curated answers (none when unavailable).</summary>
    public Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken) =>
        _curated is null ? Task.FromResult<IReadOnlyList<CuratedAnswer>>([]) : _curated.ListAsync(cancellationToken);

    /// <summary>Why <paramref name="question"/> and <paramref name="answer"/> can't be curated, or null when they can.</summary>
    public static string? Problem(string? question, string? answer) =>
        string.IsNullOrWhiteSpace(question) || question.Trim().Length > MaxQuestionLength ? $"The question must have between 1 and {MaxQuestionLength} characters."
        : string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > MaxAnswerLength ? $"The answer must have between 1 and {MaxAnswerLength} characters."
        : null;

    /// <summary>Promotes a reviewed question and answer (checked with <see cref="Problem"/> first) and audits it.</summary>
    public async Task<CuratedAnswer> PromoteAsync(string question, string answer, string author, string reviewedBy, string? ticketReference, CancellationToken cancellationToken)
    {
        var curated = _curated ?? throw new InvalidOperationException("Curated answers are not available on this host.");
        if (Problem(question, answer) is { } problem)
        {
            throw new ArgumentException(problem, nameof(answer));
        }

        var promoted = await curated.PromoteAsync(question.Trim(), answer.Trim(), author, reviewedBy, ticketReference, cancellationToken);
        await _tickets.AuditAsync(reviewedBy, "promote", ticketReference is null ? "curated:" + promoted.Id : $"{ticketReference} → curated:{promoted.Id}", cancellationToken);
        return promoted;
    }

    /// <summary>Removes a curated answer and audits it; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken)
    {
        if (_curated is null || !await _curated.RemoveAsync(id, removedBy, cancellationToken))
        {
            return false;
        }

        await _tickets.AuditAsync(removedBy, "remove-curated", "curated:" + id, cancellationToken);
        return true;
    }
}
