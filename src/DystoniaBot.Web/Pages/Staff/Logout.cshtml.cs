using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/logout: ends the console session (POST only, with the antiforgery token).</summary>
/// <param name="revoked">Where ended sessions are recorded, for every instance.</param>
/// <param name="staff">The staff settings (how long a session lives).</param>
/// <param name="audit">The audit log.</param>
public sealed class LogoutModel(IRevokedSessions revoked, IOptions<StaffOptions> staff, StaffAudit audit) : PageModel
{
    /// <summary>Signs out: the session is revoked (a copy of its cookie no longer works anywhere), then its cookie removed.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.FindFirst(StaffSignIn.SessionClaim)?.Value is { } session)
        {
            await revoked.RevokeAsync(session, DateTimeOffset.UtcNow + staff.Value.SessionLifetime, HttpContext.RequestAborted);
            if (User.Identity?.Name is { } name)
            {
                await audit.RecordAsync(name, "sign-out", "console", HttpContext.RequestAborted);
            }
        }

        await HttpContext.SignOutAsync(StaffRoles.CookieScheme);
        return RedirectToPage("/Staff/Login");
    }
}
