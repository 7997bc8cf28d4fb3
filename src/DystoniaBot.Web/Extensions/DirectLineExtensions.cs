using System.Globalization;
using System.Threading.RateLimiting;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DystoniaBot.Web.Extensions;

/// <summary>Our Direct Line channel and the bot's web page.</summary>
public static class DirectLineExtensions
{
    /// <summary>Largest request body the host reads (Kestrel refuses a larger one with 413).</summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    // Web Chat injects its own styles, so styles may be inline; scripts may only be files from this site.
    private const string PageSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// Registers Direct Line: options, tokens, the channel, its limits and, with PostgreSQL, the listener for what other
    /// instances store (its store comes with the others', <see cref="StorageExtensions"/>).
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new DirectLineTokens(
            provider.GetRequiredService<IDirectLineStore>().GetSigningKeyAsync(CancellationToken.None).GetAwaiter().GetResult(),
            provider.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenLifetime,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxSessionAge));
        services.AddSingleton<DirectLineHub>();
        services.AddSingleton<StreamLimits>();

        // Kestrel's own bound on upgraded connections, just above ours: StreamLimits refuses with a 429 first, and
        // nothing can hold more sockets than the process has descriptors for.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DirectLineOptions>>((kestrel, directLine) =>
        {
            kestrel.Limits.MaxConcurrentUpgradedConnections = directLine.Value.MaxStreams + 16;

            // No request here needs more than a few hundred kilobytes (an activity is 256 KB at most, a staff form a few
            // KB): Kestrel's 30 MB default let anonymous forms (the sign-in page) hold hundreds of megabytes at once.
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            form.ValueLengthLimit = 64 * 1024;
        });
        services.AddSingleton<DirectLineChannel>();

        // With PostgreSQL, what another instance stores reaches the sockets open here at once.
        services.AddHostedService<PostgresDirectLineListener>();

        // Only static scripts and styles are compressed: responses that carry secrets (tokens, antiforgery fields) next
        // to text an attacker chooses must not be, over TLS (BREACH).
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/javascript", "application/javascript", "text/css", "image/svg+xml"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = System.IO.Compression.CompressionLevel.Fastest);

        // Tokens are bearer tokens, never cookies, so any site may embed Web Chat against this bot.
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with")));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(DirectLineEndpoints.RateLimitPolicy, context =>
            {
                var services = context.RequestServices;
                var options = services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
                var key = DirectLineEndpoints.GrantedConversation(context, services.GetRequiredService<DirectLineTokens>())
                    ?? "address:" + ClientAddress.Key(context.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            limiter.AddPolicy(DirectLineEndpoints.VisitorRateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress.Key(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ConversationsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
        });
        return services;
    }

    /// <summary>Serves the page at / (with a strict Content-Security-Policy) and maps Direct Line.</summary>
    public static WebApplication MapDirectLineAndPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        app.UseDefaultFiles();

        // Scripts and styles only (see AddDirectLine): Web Chat's 3.9 MB bundle goes out as about a quarter of that.
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    headers[HeaderNames.ContentSecurityPolicy] = PageSecurityPolicy;
                }

                // The Web Chat bundle changes only with an upgrade: a day without asking, then revalidated by its ETag.
                // The page's own files are revalidated on every load (a 304 when unchanged), so a fix reaches everyone.
                headers[HeaderNames.CacheControl] = file.Context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
                    ? "public, max-age=86400"
                    : "no-cache";
            },
        });
        app.MapDirectLine();
        app.MapGet("/api/sources", (IKnowledgeSearch search) => Results.Ok(search.Documents
            .Select(d => new SourceJson(d.Source.Title, d.Source.Publisher, d.Source.Url.AbsoluteUri, d.Source.License, d.Source.Attribution))
            .DistinctBy(s => s.Url)));
        return app;
    }
}

/// <summary>A knowledge source as /api/sources lists it, for the page's credits.</summary>
internal sealed record SourceJson(string Title, string Publisher, string Url, string Licence, string Attribution);
