namespace DystoniaBot.Web.Tests.Staff;

/// <summary>The staff file's watcher belongs to its host: it is closed when the host stops.</summary>
/// <remarks>Alone: it counts the process's watchers, which hosts of tests running beside it would open and close.</remarks>
[Collection(Faults.RunsAlone.Name)]
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

        Assert.InRange(InotifyInstances(), 0, before);
    }
}
