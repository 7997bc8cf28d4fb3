using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/login: password sign-in for local accounts, a link to OpenID Connect when configured.</summary>
public sealed class LoginModel : PageModel
{
    private readonly StaffSignIn _signIn;

    /// <summary>Creates the page.</summary>
    public LoginModel(StaffSignIn signIn) => _signIn = signIn;

    /// <summary>Where to go after signing in (a console page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The account name typed (kept after a failure).</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The password typed (never shown again).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Why the sign-in failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>True when local accounts exist.</summary>
    public bool HasAccounts => _signIn.HasAccounts;

    /// <summary>True when OpenID Connect sign-in is configured.</summary>
    public bool HasOpenIdConnect => _signIn.HasOpenIdConnect;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and signs in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrEmpty(Password))
        {
            Problem = "Enter your name and password.";
            return Page();
        }

        var result = _signIn.Verify(Name, Password, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (result.LockedUntil is { } until)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalMinutes));
            Problem = $"Too many failed sign-ins. Try again in {minutes} minute(s).";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (result.Principal is null)
        {
            Problem = "That name and password don't match an account.";
            return Page();
        }

        await HttpContext.SignInAsync(StaffRoles.CookieScheme, result.Principal);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Starts OpenID Connect sign-in.</summary>
    public IActionResult OnGetExternal() => HasOpenIdConnect
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(ReturnUrl) }, StaffRoles.OpenIdConnectScheme)
        : NotFound();

    // Only back into the console: anything else (another site, //host, /\host) goes to the queue.
    private string SafeReturnUrl(string? url) =>
        url is not null && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
}
