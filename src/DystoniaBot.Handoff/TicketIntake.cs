using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Handoff;

/// <summary>Which limit kept a question from becoming a ticket.</summary>
public enum TicketLimit
{
    /// <summary>The chat already has as many open questions as it may (<see cref="HandoffOptions.MaxOpenTicketsPerConversation"/>).</summary>
    OpenInConversation,

    /// <summary>The asker sent as many questions in the last 24 hours as they may (<see cref="HandoffOptions.MaxTicketsPerAskerPerDay"/>).</summary>
    PerAskerPerDay,
}

/// <summary>What became of a question sent to staff: the ticket, or the limit that refused it and its size.</summary>
/// <param name="Ticket">The stored ticket, unless a limit was reached.</param>
/// <param name="Limit">The limit reached, if one was.</param>
/// <param name="Max">That limit's size.</param>
public sealed record TicketIntakeResult(Ticket? Ticket, TicketLimit? Limit, int Max);

/// <summary>
/// Turns questions into tickets within limits, so a flood from one chat or one visitor can't bury the queue: at most
/// <see cref="HandoffOptions.MaxOpenTicketsPerConversation"/> open questions per chat, and at most
/// <see cref="HandoffOptions.MaxTicketsPerAskerPerDay"/> questions from one asker in 24 hours. An asker is the visitor's
/// client address on our own Direct Line (where a visitor gets a new user id on every visit), and the channel's user
/// id elsewhere; only a digest of either is stored.
/// </summary>
/// <remarks>
/// The counts are read before the ticket is written, so two questions sent at the same instant from one chat may both
/// pass: the limits bound a flood, not an exact count.
/// </remarks>
public sealed class TicketIntake
{
    private readonly ITicketStore _tickets;
    private readonly TimeProvider _time;
    private readonly HandoffOptions _options;

    /// <summary>Creates the intake.</summary>
    public TicketIntake(ITicketStore tickets, IOptions<HandoffOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
    }

    /// <summary>
    /// The key the daily limit counts an asker under: a digest of <paramref name="clientAddress"/> when the channel
    /// knows it, else of the channel and user id; null when neither is known.
    /// </summary>
    public static string? AskerKey(string? clientAddress, string channelId, string? userId)
    {
        var who = !string.IsNullOrEmpty(clientAddress) ? "address:" + clientAddress
            : !string.IsNullOrEmpty(userId) ? $"user:{channelId}/{userId}"
            : null;
        return who is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(who)))[..32];
    }

    /// <summary>Stores the ticket unless a limit is reached.</summary>
    public async Task<TicketIntakeResult> CreateAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await _tickets.CountOpenForConversationAsync(ticket.ConversationKey, cancellationToken) >= _options.MaxOpenTicketsPerConversation)
        {
            return new TicketIntakeResult(null, TicketLimit.OpenInConversation, _options.MaxOpenTicketsPerConversation);
        }

        if (ticket.AskerKey is { } asker
            && await _tickets.CountForAskerSinceAsync(asker, _time.GetUtcNow().AddDays(-1), cancellationToken) >= _options.MaxTicketsPerAskerPerDay)
        {
            return new TicketIntakeResult(null, TicketLimit.PerAskerPerDay, _options.MaxTicketsPerAskerPerDay);
        }

        return new TicketIntakeResult(await _tickets.CreateAsync(ticket, cancellationToken), null, 0);
    }
}
