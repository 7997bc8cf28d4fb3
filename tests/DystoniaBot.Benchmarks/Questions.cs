namespace DystoniaBot.Benchmarks;

/// <summary>Varied questions of every kind, as users type them, for the answering benchmarks.</summary>
internal static class Questions
{
    public static readonly string[] Mixed =
    [
        "Is there a cure for dystonia?", "what causes it", "How is dystonia diagnosed?", "muscle spasms",
        "can botox help", "is ther a cure for distonia", "does it run in families", "What is cervical dystonia?",
        "What are the symptoms of the flu?", "treatment for migraine", "hello", "thank you",
        "My neck muscles are tight and painful, do I have dystonia?", "I can't breathe", "what is an EMG",
        "does stress make it worse",
    ];
}
