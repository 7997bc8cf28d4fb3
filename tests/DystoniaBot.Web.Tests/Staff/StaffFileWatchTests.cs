namespace DystoniaBot.Web.Tests.Staff;

/// <summary>The staff file's watcher belongs to its host: it is closed when the host stops.</summary>
public sealed class StaffFileWatchTests
{
    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").GetFileSystemInfos().Count(f => f.LinkTarget?.Contains("inotify", StringComparison.Ordinal) == true);

    [Fact]
    public async Task AStoppedHost_ShouldLeaveNoFileWatcherBehind()
    {
        var before = InotifyInstances();
        for (var i = 0; i < 3; i++)
        {
            using var factory = BotFactory.Create([]);
            using var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.True(InotifyInstances() > before, "the running host should watch its staff file");
        }

        // Other test classes run beside this one and start hosts of their own: what counts is that these three left nothing.
        Assert.InRange(InotifyInstances(), 0, before + 2);
    }
}
