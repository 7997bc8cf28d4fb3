using DystoniaBot.Handoff;
using DystoniaBot.Storage;

namespace DystoniaBot.Web.Staff;

/// <summary>A conversation an admin asked to erase, as found: its key, the ticket it was named by, and its tickets' references.</summary>
/// <param name="ConversationKey">The conversation (<c>channel/conversation</c>).</param>
/// <param name="Reference">The ticket reference it was named by, if any.</param>
/// <param name="TicketReferences">Its tickets' references, newest first.</param>
public sealed record ErasureTarget(string ConversationKey, string? Reference, IReadOnlyList<string> TicketReferences);

/// <summary>
/// An admin's erasure of everything kept of one conversation (the chat's "delete my data", done for a user who asked
/// the health line instead): named by a ticket reference or by the conversation itself, audited without any content.
/// </summary>
public sealed class StaffErasure
{
    /// <summary>Longest conversation key accepted (channel ids and Teams conversation ids are far shorter).</summary>
    public const int MaxConversationKeyLength = 512;

    private readonly IRetentionStore _store;
    private readonly ITicketStore _tickets;
    private readonly StaffQuestions _questions;
    private readonly StaffAudit _audit;

    /// <summary>Creates the service.</summary>
    public StaffErasure(IRetentionStore store, ITicketStore tickets, StaffQuestions questions, StaffAudit audit)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _questions = questions ?? throw new ArgumentNullException(nameof(questions));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
    }

    /// <summary>Whether <paramref name="key"/> has the shape of a conversation key: <c>channel/conversation</c>, printable, not too long.</summary>
    public static bool IsConversationKey(string? key) =>
        key is { Length: > 2 and <= MaxConversationKeyLength } && key.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < key.Length - 1
        && !key.Any(char.IsControl) && !key.Any(char.IsWhiteSpace);

    /// <summary>
    /// Finds what <paramref name="which"/> names: a ticket reference (its conversation) or a conversation key. Null with
    /// a reason when it names nothing.
    /// </summary>
    public async Task<(ErasureTarget? Target, string? Problem)> FindAsync(string? which, CancellationToken cancellationToken)
    {
        var text = which?.Trim();
        if (StaffQuestions.IsReference(text?.ToUpperInvariant()))
        {
            var ticket = await _questions.FindAsync(text!, cancellationToken);
            return ticket is null
                ? (null, "No question has that reference (it may have been erased or deleted after its retention period).")
                : (await TargetAsync(ticket.ConversationKey, ticket.Reference, cancellationToken), null);
        }

        return IsConversationKey(text)
            ? (await TargetAsync(text!, null, cancellationToken), null)
            : (null, "Give a question's reference (like Q-7K3M9P) or a conversation as channel/conversation id.");
    }

    /// <summary>
    /// Deletes everything kept of <paramref name="target"/>'s conversation in one transaction and records who did it,
    /// when, and to which reference and conversation (never what was in it). Returns how many rows went.
    /// </summary>
    public async Task<int> EraseAsync(ErasureTarget target, string admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var deleted = await _store.EraseConversationAsync(target.ConversationKey, cancellationToken);
        var named = target.Reference is null ? target.ConversationKey : $"{target.Reference} ({target.ConversationKey})";
        await _audit.RecordAsync(admin, "erase-conversation", $"{named}: {deleted} rows", cancellationToken);
        return deleted;
    }

    private async Task<ErasureTarget> TargetAsync(string key, string? reference, CancellationToken cancellationToken) =>
        new(key, reference, [.. (await _tickets.ListForConversationAsync(key, StaffQuestions.MaxListed, cancellationToken)).Select(t => t.Reference)]);
}
