using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace DystoniaBot.SdkBot;

/// <summary>
/// The SDK's authentication with the per-turn clients kept: its CloudAdapter asks for a new ConnectorClient (with a new
/// HttpClient and credentials) and a new user-token client on every turn and disposes them after it. Here each is
/// built once per app id, service URL and audience, and the adapter's dispose leaves it open.
/// </summary>
internal sealed class CachedClientsBotFrameworkAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Task<IConnectorClient>> _connectors = new();
    private readonly ConcurrentDictionary<string, Task<UserTokenClient>> _userTokenClients = new(StringComparer.Ordinal);

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = new CachedConnectorFactory(this, AppId(result.ClaimsIdentity), result.ConnectorFactory);
        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachedConnectorFactory(this, AppId(claimsIdentity), inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        _userTokenClients.GetOrAdd(AppId(claimsIdentity) ?? string.Empty, async _ =>
            (UserTokenClient)new KeptUserTokenClient(await inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    private static string? AppId(ClaimsIdentity? identity) =>
        identity?.Claims.FirstOrDefault(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim)?.Value;

    private sealed class CachedConnectorFactory(CachedClientsBotFrameworkAuthentication owner, string? appId, ConnectorFactory factory) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            owner._connectors.GetOrAdd((appId, serviceUrl, audience), async _ =>
                (IConnectorClient)new KeptConnectorClient(await factory.CreateAsync(serviceUrl, audience, CancellationToken.None)));
    }

    /// <summary>A connector client whose Dispose (the adapter's, at the end of each turn) leaves it usable.</summary>
    private sealed class KeptConnectorClient(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }

        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

        public ServiceClientCredentials Credentials => client.Credentials;

        public IAttachments Attachments => client.Attachments;

        public IConversations Conversations => client.Conversations;

        public void Dispose()
        {
        }
    }

    /// <summary>A user-token client whose Dispose leaves it usable.</summary>
    private sealed class KeptUserTokenClient(UserTokenClient client) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            client.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            client.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            client.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            client.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            client.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            client.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);
    }
}
