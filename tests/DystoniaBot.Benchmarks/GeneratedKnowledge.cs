using System.Globalization;
using System.Text;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// A synthetic knowledge base of any size: passages of three sentences drawn from a medical-flavoured vocabulary
/// with a Zipf-like word distribution, so that term statistics resemble real articles. Deterministic for a seed.
/// </summary>
internal static class GeneratedKnowledge
{
    private static readonly string[] Words =
    [
        "dystonia", "muscle", "contraction", "spasm", "cramp", "neck", "hand", "eyelid", "treatment", "botulinum",
        "toxin", "injection", "drug", "therapy", "diagnosis", "examination", "interview", "blood", "test", "scan",
        "brain", "stroke", "injury", "genetic", "hereditary", "cause", "symptom", "movement", "posture", "rest",
        "stress", "pain", "tremor", "focal", "segmental", "generalized", "cervical", "blepharospasm", "writer",
        "neurologist", "clinic", "patient", "relief", "dose", "effect", "side", "weakness", "fatigue", "sleep",
        "speech", "voice", "swallowing", "jaw", "tongue", "shoulder", "arm", "leg", "foot", "trunk", "spine",
    ];

    private static readonly string[] Fillers = ["the", "a", "of", "and", "with", "in", "is", "may", "can", "often", "some"];

    public static KnowledgeBase Create(int passages, int seed = 42)
    {
        var random = new Random(seed);
        const int PassagesPerDocument = 1000;
        var documents = new List<KnowledgeDocument>();
        for (var start = 0; start < passages; start += PassagesPerDocument)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"generated-{start / PassagesPerDocument}");
            var body = new StringBuilder();
            for (var p = 0; p < Math.Min(PassagesPerDocument, passages - start); p++)
            {
                for (var s = 0; s < 3; s++)
                {
                    body.Append(Sentence(random)).Append(' ');
                }

                body.Append("\n\n");
            }

            var markdown = $"---\nid: {id}\ntitle: Generated {id}\npublisher: Benchmark\nurl: https://example.org/{id}\nlicense: CC0\n---\n\n{body}";
            documents.Add(KnowledgeDocumentParser.Parse(markdown, id + ".md"));
        }

        return KnowledgeBase.FromDocuments(documents);
    }

    private static string Sentence(Random random)
    {
        var length = random.Next(8, 18);
        var sentence = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            // Zipf-like: low indexes are much more frequent, like real vocabulary; a few unique tokens make the
            // vocabulary grow with the corpus as real text does.
            var word = random.Next(5) == 0
                ? Fillers[random.Next(Fillers.Length)]
                : random.Next(40) == 0
                    ? "term" + random.Next(100_000).ToString(CultureInfo.InvariantCulture)
                    : Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 2))];
            sentence.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == length - 1 ? "." : " ");
        }

        return sentence.ToString();
    }
}
