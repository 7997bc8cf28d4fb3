namespace DystoniaBot.Deployment.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("dystoniabot:1.0.0", true)]
    [InlineData("registry.example.org:5000/team/dystoniabot:1.0.0", true)]
    [InlineData("postgres@sha256:0123abcd", true)]
    [InlineData("dystoniabot", false)]
    [InlineData("dystoniabot:latest", false)]
    [InlineData("registry.example.org:5000/dystoniabot", false)]
    [InlineData("dystoniabot:", false)]
    public void IsPinned_ShouldAcceptVersionTagsAndDigestsOnly(string image, bool pinned) =>
        Assert.Equal(pinned, DeploymentFiles.IsPinned(image));
}
