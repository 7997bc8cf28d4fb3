using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>/staff/admin/audit: who answered, closed, delivered, promoted or removed what, and when (admins only).</summary>
public sealed class AuditModel : PageModel
{
    private readonly ITicketStore _tickets;

    /// <summary>Creates the page.</summary>
    public AuditModel(ITicketStore tickets) => _tickets = tickets;

    /// <summary>The entries shown, newest first.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Lists the latest entries.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await _tickets.ListAuditAsync(500, cancellationToken);
}
