using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// The yardstick for <c>dystoniabot ask --json --file</c>: the simplest Lucene program that answers the same
/// questions — paragraphs in one StandardAnalyzer field, OR of the question's terms, the top paragraph printed as
/// a JSON line. No triage, synonyms, spelling, re-ranking or confidence.
/// </summary>
internal static class NaiveBaseline
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static int Run(string knowledgeDirectory, string questionsPath)
    {
        using var analyzer = new StandardAnalyzer(Version);
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(knowledgeDirectory, "*.md"))
            {
                var text = File.ReadAllText(file);
                var body = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
                foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    writer.AddDocument([new TextField("text", paragraph, Field.Store.YES)]);
                }
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        using var input = new StreamReader(questionsPath, Encoding.UTF8);
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var question = document.RootElement.GetProperty("q").GetString() ?? string.Empty;
            var query = new BooleanQuery();
            using (var stream = analyzer.GetTokenStream("text", question))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
                }

                stream.End();
            }

            var top = searcher.Search(query, 1).ScoreDocs;
            json.WriteStartObject();
            json.WriteString("q", question);
            json.WriteString("passage", top.Length == 0 ? null : searcher.Doc(top[0].Doc).Get("text"));
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
        }

        return 0;
    }
}
