namespace DystoniaBot.Testing;

/// <summary>Paths inside the repository, found from the test binaries' folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DystoniaBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DystoniaBot.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The committed knowledge folder.</summary>
    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>A file under <c>tests/</c>.</summary>
    public static string Test(params string[] parts) => Path.Combine([Root, "tests", .. parts]);
}
