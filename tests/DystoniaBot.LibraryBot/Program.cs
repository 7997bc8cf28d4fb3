using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Integration.AspNetCore;
using DystoniaBot.LibraryBot;

// The SDK bot of tests/DystoniaBot.SdkBot, composed on our protocol library instead: anonymous authentication, our
// CloudAdapter and Connector client, a bot that answers each message once. tests/load/run.sh measures both, so the two
// protocol stacks are compared doing the same work (the real bot does far more per turn).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<BotFrameworkAuthentication, AnonymousBotFrameworkAuthentication>();
builder.Services.AddHttpClient<IConnectorClient, ConnectorClient>();
builder.Services.AddSingleton<IConnectorCredentials, AnonymousConnectorCredentials>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(provider => new CloudAdapter(provider.GetRequiredService<BotFrameworkAuthentication>(),
    provider.GetRequiredService<IConnectorClient>(), provider.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddTransient<IBot, ReplyOnceBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
app.Run();
