using System.Globalization;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;

namespace DystoniaBot.Web.Staff;

/// <summary>How the console words times and states.</summary>
public static class StaffFormat
{
    /// <summary>How long ago, in the largest sensible unit ("5 min", "3 h 20 min", "2 days").</summary>
    public static string Age(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1) ? "just now"
        : age < TimeSpan.FromHours(1) ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min")
        : age < TimeSpan.FromDays(2) ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} days");

    /// <summary>A wait in words, rounded up: "1 second", "40 seconds", "3 minutes".</summary>
    public static string Duration(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        if (seconds < 90)
        {
            return seconds == 1 ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(seconds / 60.0)} minutes");
    }

    /// <summary>"just now" or "5 min ago".</summary>
    public static string Ago(TimeSpan age) => age < TimeSpan.FromMinutes(1) ? "just now" : Age(age) + " ago";

    /// <summary>A time as staff read it (UTC, to the minute).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A close reason as staff choose it.</summary>
    public static string CloseReason(TicketCloseReason reason) => reason switch
    {
        TicketCloseReason.CareTeam => "Covered by their neurologist or care team",
        TicketCloseReason.NotAboutDystonia => "Not a question about dystonia",
        TicketCloseReason.Duplicate => "A duplicate of another question",
        TicketCloseReason.Spam => "Spam or abuse (no message is sent)",
        _ => reason.ToString(),
    };

    /// <summary>The start of a long text, on one line.</summary>
    public static string Excerpt(string text, int max = 160)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    /// <summary>
    /// Where the delivery of a ticket's answer (or closing message) stands, in a sentence for the ticket page:
    /// "Sent to the user's chat ✓", the failure and the next try, or that it is on its way.
    /// </summary>
    public static string DeliveryState(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Delivery switch
        {
            DeliveryStatus.Delivered => "Sent to the user's chat ✓",
            DeliveryStatus.Pending when ticket.DeliveryAttempts == 0 => "Sending to the user's chat…",
            DeliveryStatus.Pending => string.Create(CultureInfo.InvariantCulture,
                $"Not delivered yet ({ticket.DeliveryAttempts} failed tr{(ticket.DeliveryAttempts == 1 ? "y" : "ies")}{(ticket.DeliveryError is null ? "" : "; last error: " + ticket.DeliveryError)}).")
                + (ticket.NextDeliveryAt is { } next ? $" Next try at {next.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}." : ""),
            _ => ticket.Status == TicketStatus.Closed ? "No message sent (spam)." : "—",
        };
    }

    /// <summary>Where a ticket's answer stands.</summary>
    public static string Delivery(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Delivery switch
        {
            DeliveryStatus.Delivered => "delivered",
            DeliveryStatus.Pending => "not delivered yet",
            _ => "—",
        };
    }
}
