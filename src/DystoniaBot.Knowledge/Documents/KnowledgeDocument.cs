namespace DystoniaBot.Knowledge.Documents;

/// <summary>A parsed knowledge article: its source and its passages.</summary>
/// <param name="Id">Document id (the file name without extension unless front matter sets <c>id</c>).</param>
/// <param name="Source">Attribution metadata.</param>
/// <param name="Passages">Passages in document order.</param>
/// <param name="Path">The file it was read from, for error messages.</param>
public sealed record KnowledgeDocument(string Id, SourceInfo Source, IReadOnlyList<Passage> Passages, string Path);
