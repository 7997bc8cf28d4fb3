using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;

namespace DystoniaBot.Storage.Tests;

public sealed class ConversationCacheTests
{
    [Fact]
    public void Set_ShouldForgetTheLeastRecentlyUsedHalf_WhenTheCapacityIsPassed()
    {
        var cache = new ConversationCache<int>(capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            cache.Set($"conversation-{i}", i);
        }

        // The oldest two are talked in again: they are now among the most recently used.
        Assert.True(cache.TryGetValue("conversation-0", out _));
        Assert.True(cache.TryGetValue("conversation-1", out _));
        cache.Set("conversation-10", 10);

        Assert.Equal(5, cache.Count);
        var kept = Enumerable.Range(0, 11).Where(i => cache.TryGetValue($"conversation-{i}", out _)).ToList();
        Assert.Equal([0, 1, 8, 9, 10], kept);
        Assert.True(cache.TryGetValue("conversation-9", out var value));
        Assert.Equal(9, value);
    }

    [Fact]
    public void Set_ShouldReplaceTheValue_WithoutCountingTheConversationTwice()
    {
        var cache = new ConversationCache<string>(capacity: 4);

        cache.Set("conversation-1", "first");
        cache.Set("conversation-1", "second");

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGetValue("conversation-1", out var value));
        Assert.Equal("second", value);
    }

    [Fact]
    public async Task Set_ShouldStayNearItsCapacity_WhenManyTurnsAddConversationsAtOnce()
    {
        var cache = new ConversationCache<int>(capacity: 1_000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                cache.Set($"conversation-{worker}-{i}", i);
            }
        })));

        // A turn that adds one while the last trim ends may leave one over the bound until the next.
        Assert.InRange(cache.Count, 500, 1_000 + 4);
        cache.Set("conversation-new", 1);
        Assert.True(cache.TryGetValue("conversation-new", out _));
    }

    [Fact]
    public void Clear_ShouldForgetEverything()
    {
        var cache = new ConversationCache<int>(capacity: 4);
        cache.Set("conversation-1", 1);

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGetValue("conversation-1", out _));
    }
}
