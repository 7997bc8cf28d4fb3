using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/login: password sign-in for local accounts, a link to OpenID Connect when configured.</summary>
public sealed class LoginModel : PageModel
{
    private readonly StaffSignIn _signIn;
    private readonly TimeProvider _time;

    /// <summary>Creates the page.</summary>
    public LoginModel(StaffSignIn signIn, TimeProvider time)
    {
        _signIn = signIn;
        _time = time;
    }

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

        StaffSignInResult result;
        try
        {
            result = await _signIn.VerifyAsync(Name, Password, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            // The delays are counted in the database: without it, no password is checked.
            Problem = "Signing in isn't possible right now. Please try again in a minute.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (result.Paused)
        {
            var wait = Wait(result.NextTryAt!.Value);
            Problem = $"For everyone's safety, signing in pauses for a moment after unsuccessful tries. Please try again in {StaffFormat.Duration(wait)}.";
            Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (result.Principal is null)
        {
            // The same words whether or not the name is an account.
            Problem = "That name and password don't match an account." +
                (result.NextTryAt is { } next ? $" You can try again in {StaffFormat.Duration(Wait(next))}." : "");
            return Page();
        }

        await HttpContext.SignInAsync(StaffRoles.CookieScheme, result.Principal);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    private TimeSpan Wait(DateTimeOffset until)
    {
        var wait = until - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Starts OpenID Connect sign-in.</summary>
    public IActionResult OnGetExternal() => HasOpenIdConnect
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(ReturnUrl) }, StaffRoles.OpenIdConnectScheme)
        : NotFound();

    // Only back into the console: anything else (another site, //host, /\host) goes to the queue.
    private string SafeReturnUrl(string? url) =>
        url is not null && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
}
