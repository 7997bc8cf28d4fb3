namespace DystoniaBot.Testing;

/// <summary>
/// A writable copy of the committed knowledge folder in a temporary folder, deleted on dispose: for tests that add
/// curated answers, which the host writes into its knowledge folder.
/// </summary>
public sealed class KnowledgeCopy : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("knowledge-");

    public KnowledgeCopy()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(_folder.FullName, System.IO.Path.GetRelativePath(RepositoryPaths.Knowledge, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The folder (for <c>Knowledge:Path</c>).</summary>
    public string Path => _folder.FullName;

    public void Dispose() => _folder.Delete(recursive: true);
}
