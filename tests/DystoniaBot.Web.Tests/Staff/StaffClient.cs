using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>
/// Staff accounts and API keys for tests, and a client that uses the console as a browser does: real cookies, and the
/// antiforgery token read from each page's form.
/// </summary>
public sealed partial class StaffClient
{
    public const string NurseName = "nurse";
    public const string NursePassword = "nurse-password-1";
    public const string AdminName = "admin";
    public const string AdminPassword = "admin-password-1";
    public const string StaffKey = "dbk_test-staff-key";
    public const string AdminKey = "dbk_test-admin-key";

    // PBKDF2 is slow on purpose: hash once per test run, as the host hashes (so no sign-in asks for a rehash).
    private static readonly Lazy<Dictionary<string, string?>> LazySettings = new(() =>
    {
        var hasher = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = StaffPasswords.Iterations }));
        return new Dictionary<string, string?>
        {
            ["Staff:File"] = NoStaffFile,
            [$"Staff:Accounts:{NurseName}:Role"] = StaffRoles.Staff,
            [$"Staff:Accounts:{NurseName}:PasswordHash"] = hasher.HashPassword(new object(), NursePassword),
            [$"Staff:Accounts:{AdminName}:Role"] = StaffRoles.Admin,
            [$"Staff:Accounts:{AdminName}:PasswordHash"] = hasher.HashPassword(new object(), AdminPassword),
            ["Staff:ApiKeys:tool:Role"] = StaffRoles.Staff,
            ["Staff:ApiKeys:tool:Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StaffKey))),
            ["Staff:ApiKeys:tool:ExpiresAt"] = DateTimeOffset.UtcNow.AddDays(90).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Staff:ApiKeys:admintool:Role"] = StaffRoles.Admin,
            ["Staff:ApiKeys:admintool:Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminKey))),
            ["Staff:ApiKeys:admintool:ExpiresAt"] = DateTimeOffset.UtcNow.AddDays(90).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
    });

    private StaffClient(HttpClient http) => Http = http;

    /// <summary>A second admin, for what one admin may not do alone (approving their own curated answer).</summary>
    public const string ReviewerName = "lee";
    public const string ReviewerPassword = "lee-password-1";

    /// <summary>The settings of the second admin, to pass as extra settings to a host.</summary>
    public static Dictionary<string, string?> ReviewerSettings()
    {
        var hasher = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = StaffPasswords.Iterations }));
        return new Dictionary<string, string?>
        {
            [$"Staff:Accounts:{ReviewerName}:Role"] = StaffRoles.Admin,
            [$"Staff:Accounts:{ReviewerName}:PasswordHash"] = hasher.HashPassword(new object(), ReviewerPassword),
        };
    }

    /// <summary>A staff file that doesn't exist (in a folder of its own, which the host watches), so that no staff file on the machine running the tests adds accounts.</summary>
    public static string NoStaffFile { get; } = Path.Combine(Path.GetTempPath(), "dystoniabot-staff-tests", "none.json");

    /// <summary>The test accounts (nurse: staff, admin: admin) and API keys (tool: staff, admintool: admin) as configuration.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(LazySettings.Value);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A host with the test accounts that will listen on 127.0.0.1 once started (<see cref="BotFactory.StartLive"/>).</summary>
    public static BotFactory LiveHost(Dictionary<string, string?>? extra = null, string? databasePath = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        BotFactory.CreateLive(Settings(extra), databasePath, services);

    /// <summary>A host with the test accounts.</summary>
    public static BotFactory Host(Dictionary<string, string?>? extra = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        BotFactory.Create(Settings(extra), services: services);

    /// <summary>The underlying client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Http { get; }

    /// <summary>A client that is not signed in.</summary>
    public static StaffClient Anonymous(BotFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>
    /// A browser that is not signed in, talking to a live host over TCP (its own cookies, no redirects followed); with
    /// <paramref name="forwardedFor"/>, as a visitor at that address behind the host's (loopback) proxy.
    /// </summary>
    public static StaffClient Live(Uri host, string? forwardedFor = null)
    {
#pragma warning disable CA2000 // The client owns the handler and disposes it with itself.
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true) { BaseAddress = host };
#pragma warning restore CA2000
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return new StaffClient(http);
    }

    /// <summary>Signs in through the login form of a live host; fails the test unless it worked.</summary>
    public static async Task<StaffClient> SignInLiveAsync(Uri host, string name, string password, string? forwardedFor = null)
    {
        var client = Live(host, forwardedFor);
        using var response = await client.SignInResponseAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A client for /api/staff of a live host with a bearer key (or none).</summary>
    public static HttpClient LiveApi(Uri host, string? key)
    {
        var http = new HttpClient { BaseAddress = host };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>Signs in through the login form; fails the test unless it worked.</summary>
    public static async Task<StaffClient> SignInAsync(BotFactory factory, string name, string password)
    {
        var client = Anonymous(factory);
        using var response = await client.SignInResponseAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the login form as typed.</summary>
    public async Task<HttpResponseMessage> SignInResponseAsync(string name, string password, string? returnUrl = null)
    {
        var page = await GetPageAsync("/staff/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await PostFormAsync("/staff/login", page, fields);
    }

    /// <summary>GETs a page that must answer 200; returns its HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return html;
    }

    /// <summary>POSTs a form with the antiforgery token of <paramref name="page"/> (its form number <paramref name="form"/>).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string page, Dictionary<string, string> fields, int form = 0)
    {
        var withToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryTokens(page)[form] };
        return PostFormWithoutTokenAsync(path, withToken);
    }

    /// <summary>POSTs a form as given (no antiforgery token added).</summary>
    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, Dictionary<string, string> fields) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>The antiforgery tokens of a page's forms, in order.</summary>
    public static List<string> AntiforgeryTokens(string page) =>
        [.. TokenPattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>A client for /api/staff with a bearer key (or none).</summary>
    public static HttpClient Api(BotFactory factory, string? key)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
