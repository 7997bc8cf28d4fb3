using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace DystoniaBot.DirectLine.Tests;

/// <summary>The tokens that grant one visitor one conversation.</summary>
public sealed class DirectLineTokensTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("a signing key of at least 32 bytes, for tests");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_ShouldGrantTheConversationAndUser_OfATokenItIssued()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time);

        var grant = tokens.Validate(tokens.Issue("conv-1", "dl_visitor"));

        Assert.Equal(new DirectLineGrant("conv-1", "dl_visitor", _time.GetUtcNow().AddMinutes(30), _time.GetUtcNow()), grant);
    }

    [Fact]
    public void Validate_ShouldRefuseAToken_OnceItsLifetimeHasPassed()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time);
        var token = tokens.Issue("conv-1", "dl_visitor");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(tokens.Validate(token));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(tokens.Validate(token));
    }

    [Fact]
    public void Validate_ShouldRefuseATokenSignedWithAnotherKey_OrWithItsPayloadChanged()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time);
        var other = new DirectLineTokens(Encoding.ASCII.GetBytes("another signing key, also 32 bytes or more"), TimeSpan.FromMinutes(30), _time);
        var token = tokens.Issue("conv-1", "dl_visitor");
        var parts = token.Split('.');
        var otherPayload = other.Issue("conv-2", "dl_visitor").Split('.')[1];

        Assert.Null(tokens.Validate(other.Issue("conv-1", "dl_visitor")));
        Assert.Null(tokens.Validate(parts[0] + "." + otherPayload + "." + parts[2]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.%%%.%%%")]
    public void Validate_ShouldReturnNull_ForMalformedTokens(string? token)
    {
        Assert.Null(new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time).Validate(token));
    }

    [Fact]
    public void Validate_ShouldRefuseAnOverlongToken_WithoutReadingIt()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time);

        Assert.Null(tokens.Validate(tokens.Issue("conv-1", new string('u', 2048))));
    }

    [Fact]
    public void Constructor_ShouldRefuseAShortKey()
    {
        Assert.Throws<ArgumentException>(() => new DirectLineTokens(new byte[31], TimeSpan.FromMinutes(30), _time));
    }

    [Fact]
    public void Refresh_ShouldCarryTheSessionOn_UntilItsMaximumAge()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time, maxSessionAge: TimeSpan.FromHours(1));
        var started = _time.GetUtcNow();
        var token = tokens.Issue("conv-1", "dl_visitor");

        _time.Advance(TimeSpan.FromMinutes(25));
        var second = tokens.Validate(tokens.Refresh(tokens.Validate(token)!))!;
        Assert.Equal(started, second.SessionStart);
        Assert.Equal(_time.GetUtcNow().AddMinutes(30), second.Expires);

        // The last token of the session ends with it, however fresh; then refreshing stops.
        _time.Advance(TimeSpan.FromMinutes(25));
        var last = tokens.Validate(tokens.Refresh(second))!;
        Assert.Equal(started.AddHours(1), last.Expires);
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(tokens.Validate(tokens.Refresh(second)!));
        Assert.Null(tokens.Refresh(last));
    }

    [Fact]
    public void StreamToken_ShouldOpenTheStreamOnly_AndExpireWithItsToken()
    {
        var tokens = new DirectLineTokens(Key, TimeSpan.FromMinutes(30), _time);
        var grant = tokens.Validate(tokens.Issue("conv-1", "dl_visitor"))!;

        var stream = tokens.IssueForStream(grant);

        Assert.Null(tokens.Validate(stream));
        Assert.Null(tokens.Refresh(tokens.ValidateForStream(stream)!));
        Assert.Equal(grant with { StreamOnly = true }, tokens.ValidateForStream(stream));
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(tokens.ValidateForStream(stream));
    }
}
