namespace DystoniaBot.DirectLine;

/// <summary>
/// What our Direct Line knows of the visitor whose message the bot is handling, beyond the activity: their client
/// address. It is set by the channel for the turn it runs in this process, never read from what a client sent, so
/// nobody can claim another address (a channel's <c>channelData</c> can be written by the client).
/// </summary>
// DYSTONIABOT: the SDK has no such seam; the Direct Line service it talks to never tells the bot the visitor's address.
public static class DirectLineVisitor
{
    private static readonly AsyncLocal<string?> Address = new();

    /// <summary>
    /// The client address key (<see cref="ClientAddress.Key"/>: an IPv4 address or an IPv6 /64) of the visitor whose
    /// message is being handled, within a turn our Direct Line runs; null anywhere else.
    /// </summary>
    public static string? CurrentAddress => Address.Value;

    /// <summary>Sets <see cref="CurrentAddress"/> for what runs until the returned scope is disposed.</summary>
    internal static Scope Enter(string? address)
    {
        var previous = Address.Value;
        Address.Value = address;
        return new Scope(previous);
    }

    /// <summary>Restores the address that was current before.</summary>
    internal readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => Address.Value = previous;
    }
}
