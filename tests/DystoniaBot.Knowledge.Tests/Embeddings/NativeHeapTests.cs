using System.Runtime.InteropServices;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Knowledge.Tests.Embeddings;

public class NativeHeapTests
{
    [Fact]
    public void ReturnFreedBuffers_ShouldBeTakenByTheCLibrary_OnLinuxWithGlibc()
    {
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

        Assert.Equal(glibc, NativeHeap.ReturnFreedBuffers());
    }
}
