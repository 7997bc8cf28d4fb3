using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>
/// English analysis shared by indexing and questions: standard tokenization, possessives removed, lower case,
/// accents folded, stop words dropped, Porter stemming.
/// </summary>
/// <remarks>Thread-safe: Lucene reuses token streams per thread.</remarks>
public sealed class KnowledgeAnalyzer : Analyzer
{
    /// <summary>The one Lucene version constant the project uses.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The indexed field holding passage text.</summary>
    public const string TextField = "text";

    private readonly CharArraySet _stopWords;

    /// <summary>Creates the analyzer with the lexicon's stop words.</summary>
    public KnowledgeAnalyzer(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _stopWords = new CharArraySet(Version, lexicon.StopWords.ToList(), ignoreCase: false).AsReadOnly();
    }

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, _stopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
