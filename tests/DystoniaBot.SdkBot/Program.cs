using DystoniaBot.SdkBot;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

// A bot composed as the SDK's samples compose one: ConfigurationBotFrameworkAuthentication over the SDK's flat settings
// (MicrosoftAppId, ToBotFromChannelOpenIdMetadataUrl…), the SDK's CloudAdapter on /api/messages, and an ActivityHandler
// that answers each message once. With --CacheClients=true the clients the SDK builds on every turn are built once
// (CachedClientsBotFrameworkAuthentication), to tell that cost from the rest of the SDK's. It prints the address it
// listens on, so a test or script that starts it on port 0 can find it.
var builder = WebApplication.CreateBuilder(args);

// Warnings and errors only: the SDK logs every turn at Information, and a console write per request would be measured
// instead of the SDK. Refused tokens are logged as errors, which the conformance tests read.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<BotFrameworkAuthentication>(provider =>
{
    var configuration = provider.GetRequiredService<IConfiguration>();
    var sdk = new ConfigurationBotFrameworkAuthentication(configuration, logger: provider.GetRequiredService<ILogger<Program>>());
    return configuration.GetValue<bool>("CacheClients") ? new CachedClientsBotFrameworkAuthentication(sdk) : sdk;
});
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(provider =>
    new CloudAdapter(provider.GetRequiredService<BotFrameworkAuthentication>(), provider.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddTransient<IBot, ReplyOnceBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(request, response, bot, request.HttpContext.RequestAborted));

await app.StartAsync();
foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
{
    Console.WriteLine($"listening on {address}");
}

await app.WaitForShutdownAsync();

/// <summary>The entry point (named for the logger's category).</summary>
public partial class Program;
