using System.Security.Claims;
using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace DystoniaBot.Web.Extensions;

/// <summary>The health-line staff's side: sign-in, the /staff console, the /api/staff JSON API and its OpenAPI document.</summary>
public static class StaffExtensions
{
    // Nothing but this site's own files; no inline script or style, no framing, forms post only here.
    private const string ConsoleSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The staff API's OpenAPI document, for tools with an API key.</summary>
    public const string ApiDocumentPath = "/api/staff/openapi/{documentName}.json";

    /// <summary>The same document for a signed-in staff member's browser.</summary>
    public const string ConsoleDocumentPath = "/staff/openapi/{documentName}.json";

    /// <summary>Registers staff sign-in (cookies; OpenID Connect when configured; API keys), the console pages and the API.</summary>
    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        AddStaffFile(builder, StaffFile.Resolve(builder.Configuration[$"{StaffOptions.SectionName}:{nameof(StaffOptions.File)}"]));

        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffSearch>();
        services.AddSingleton<StaffQuestions>();
        services.AddSingleton<CuratedAnswerDesk>();
        services.AddSingleton<StaffErasure>();
        services.AddHostedService<StaffStartupReport>();
        services.AddProblemDetails();

        var openIdConnect = builder.Configuration.GetSection($"{StaffOptions.SectionName}:{nameof(StaffOptions.OpenIdConnect)}").Get<StaffOpenIdConnectOptions>() ?? new();
        var authentication = services.AddAuthentication()
            .AddCookie(StaffRoles.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "DystoniaBot.Staff";
                cookie.Cookie.Path = "/staff";
                cookie.Cookie.HttpOnly = true;
                // Entra ID's sign-in comes back cross-site (a form post from login.microsoftonline.com): a Strict cookie
                // would not be sent with it. Forms stay protected by antiforgery either way.
                cookie.Cookie.SameSite = openIdConnect.IsEnabled ? Microsoft.AspNetCore.Http.SameSiteMode.Lax : Microsoft.AspNetCore.Http.SameSiteMode.Strict;

                // Over https only, outside development (behind a proxy, X-Forwarded-Proto from a known proxy says so).
                cookie.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.LoginPath = "/staff/login";
                cookie.LogoutPath = "/staff/logout";
                cookie.AccessDeniedPath = "/staff/denied";
                cookie.SlidingExpiration = true;

                // Each request: a session signed out (on any instance) or whose account changed (removed, demoted, new
                // password) is over, whatever its cookie says.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var services = context.HttpContext.RequestServices;
                    var session = context.Principal?.FindFirst(StaffSignIn.SessionClaim)?.Value;
                    if (session is null || !services.GetRequiredService<StaffSignIn>().StillValid(context.Principal!)
                        || await services.GetRequiredService<IRevokedSessions>().IsRevokedAsync(session, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(StaffRoles.CookieScheme);
                    }
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(StaffRoles.ApiKeyScheme, null);
        services.AddOptions<CookieAuthenticationOptions>(StaffRoles.CookieScheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) => cookie.ExpireTimeSpan = staff.Value.SessionLifetime);
        if (openIdConnect.IsEnabled)
        {
            authentication.AddOpenIdConnect(StaffRoles.OpenIdConnectScheme, "Microsoft", oidc =>
            {
                oidc.SignInScheme = StaffRoles.CookieScheme;
                oidc.Authority = openIdConnect.Authority;
                oidc.ClientId = openIdConnect.ClientId;
                oidc.ClientSecret = openIdConnect.ClientSecret;
                oidc.ResponseType = "code";
                oidc.CallbackPath = "/staff/signin-oidc";
                oidc.SignedOutCallbackPath = "/staff/signout-oidc";
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
                oidc.Events.OnTokenValidated = async context =>
                {
                    context.Principal = MapRoles(context.Principal!, openIdConnect);
                    ((ClaimsIdentity)context.Principal.Identity!).AddClaim(new Claim(StaffSignIn.SessionClaim, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
                    await context.HttpContext.RequestServices.GetRequiredService<StaffAudit>().RecordAsync(context.Principal.Identity!.Name ?? "an unnamed Microsoft account",
                        "sign-in", "Microsoft from " + DystoniaBot.DirectLine.ClientAddress.Key(context.HttpContext.Connection.RemoteIpAddress), context.HttpContext.RequestAborted);
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.ConsolePolicy, policy => policy.AddAuthenticationSchemes(StaffRoles.CookieScheme).RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(StaffRoles.AdminConsolePolicy, policy => policy.AddAuthenticationSchemes(StaffRoles.CookieScheme).RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffRoles.ApiPolicy, policy => policy.AddAuthenticationSchemes(StaffRoles.ApiKeyScheme).RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(StaffRoles.ApiAdminPolicy, policy => policy.AddAuthenticationSchemes(StaffRoles.ApiKeyScheme).RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffRoles.ApiDocumentPolicy, policy => policy.AddAuthenticationSchemes(StaffRoles.CookieScheme, StaffRoles.ApiKeyScheme)
                .RequireRole(StaffRoles.Staff, StaffRoles.Admin));

        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Staff", StaffRoles.ConsolePolicy);
            pages.Conventions.AuthorizeFolder("/Staff/Admin", StaffRoles.AdminConsolePolicy);
            pages.Conventions.AllowAnonymousToPage("/Staff/Login");
            pages.Conventions.AllowAnonymousToPage("/Staff/Denied");
            pages.Conventions.AllowAnonymousToPage("/Staff/Logout");
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "DystoniaBot.Staff.Antiforgery";
            antiforgery.Cookie.Path = "/staff";
            antiforgery.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });

        services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/staff", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "DystoniaBot staff API", Version = "v1", Description = "Questions forwarded by users, their answers, knowledge search and feedback, for health-line staff tools." };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[StaffRoles.ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key from 'dystoniabot staff key add <name>'.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(StaffRoles.ApiKeyScheme, document)] = [] });
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Adds the console's security headers and sign-in, and maps the pages, the API and its OpenAPI document.</summary>
    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only the console and its API sign anyone in: the bot's own endpoints (/api/messages, Direct Line) authenticate
        // by their protocols and don't pay for these middlewares on every turn.
        app.UseWhen(IsStaffPath, staff =>
        {
            staff.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ConsoleSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.XFrameOptions] = "DENY";
                // What antiforgery sets on pages with a form anyway; the same everywhere here keeps it from overriding (and warning).
                headers[HeaderNames.CacheControl] = "no-cache, no-store";
                headers[HeaderNames.Pragma] = "no-cache";
                return next(context);
            });
            // The API's refusals that carry no body of their own (401, 403, 405, an unknown path) get a ProblemDetails
            // body like its other errors, so a tool always has something to read.
            staff.UseWhen(context => context.Request.Path.StartsWithSegments("/api/staff", StringComparison.OrdinalIgnoreCase), api => api.UseStatusCodePages());
            staff.UseAuthentication();
            staff.UseAuthorization();
        });

        // WebApplication adds both middlewares at the front of the whole pipeline unless they were added to it; the
        // branch above has its own copy of these markers, so they are set here (the keys UseAuthentication and
        // UseAuthorization set). Were the keys to change, the middlewares would run everywhere again: slower, not wrong.
        var pipeline = ((IApplicationBuilder)app).Properties;
        pipeline["__AuthenticationMiddlewareSet"] = true;
        pipeline["__AuthorizationMiddlewareSet"] = true;
        app.MapRazorPages();
        app.MapStaffApi();

        // The document describes what staff can do, so only staff see it: with an API key beside the API, and in a
        // signed-in browser under /staff, where the console's cookie is sent (it is scoped to /staff). Nothing is
        // mapped at the framework's default /openapi/v1.json, which the staff middlewares don't cover.
        app.MapOpenApi(ApiDocumentPath).RequireAuthorization(StaffRoles.ApiDocumentPolicy);
        app.MapOpenApi(ConsoleDocumentPath).RequireAuthorization(StaffRoles.ApiDocumentPolicy);
        return app;
    }

    private static bool IsStaffPath(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Path.StartsWithSegments("/api/staff", StringComparison.OrdinalIgnoreCase);

    // The file `dystoniabot staff add` writes, read again when it changes so that a new account works without a restart.
    private static void AddStaffFile(WebApplicationBuilder builder, string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            // The file is watched from the nearest folder that exists: its own, once created, rather than a parent
            // (the home folder, say) with everything below it.
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            builder.Configuration.AddJsonFile(path, optional: true, reloadOnChange: false);
            return;
        }

        // The folder's watcher is ours to close when the host stops: a configuration source never closes the one it
        // makes itself, and each holds an inotify instance (a user gets 128).
        var folder = new PhysicalFileProvider(Path.GetDirectoryName(full)!);
        builder.Configuration.AddJsonFile(folder, Path.GetFileName(full), optional: true, reloadOnChange: true);
        builder.Services.AddSingleton<IHostedService>(new ClosesOnStop(folder));
    }

    /// <summary>Disposes what it holds when the host stops.</summary>
    private sealed class ClosesOnStop(IDisposable resource) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            resource.Dispose();
            return Task.CompletedTask;
        }
    }

    private static ClaimsPrincipal MapRoles(ClaimsPrincipal principal, StaffOpenIdConnectOptions options)
    {
        // The identity provider's app roles become ours; anyone else signs in with no role and is refused by the policies.
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var claim in principal.FindAll(options.RoleClaim).ToList())
        {
            var role = claim.Value == options.AdminRole ? StaffRoles.Admin : claim.Value == options.StaffRole ? StaffRoles.Staff : null;
            if (role is not null && !principal.IsInRole(role))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }

        return principal;
    }
}
