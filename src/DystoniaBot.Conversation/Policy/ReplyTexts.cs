using System.Globalization;
using DystoniaBot.Conversation.Markdown;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Conversation.Policy;

/// <summary>The words of the bot's own replies (answers quote the articles).</summary>
internal static class ReplyTexts
{
    public const string Disclaimer =
        "This is general information, not medical advice. For advice about your own situation, please see a neurologist.";

    /// <summary>Why a personal question goes to a doctor, in words that fit whom it is about.</summary>
    public static string Escalation(AskedAbout about)
    {
        if (about.Relation is null && about.SomeoneElse)
        {
            return about.Diagnosed
                ? $"Because this is about someone else's health, {about.Possessive} neurologist is the one to ask: they know {about.Possessive} situation and can say what suits {about.Objective}."
                : $"Because this is about someone else's health, a neurologist should see {about.Objective}: only a doctor who examines {about.Objective} can tell whether it is dystonia and what suits {about.Objective}.";
        }

        if (about.Relation is null)
        {
            return about.Diagnosed
                ? "Because this is about your own health, please talk to your neurologist: they know your situation and can tell you what suits you."
                : "Because this is about your own health, please see a neurologist: only a doctor who examines you can tell whether it is dystonia and which treatment suits you.";
        }

        var whose = $"your {about.Relation}'s";
        var doctor = about.IsChild ? $"{about.Possessive} doctor or a paediatric neurologist" : $"{about.Possessive} neurologist";
        return about.Diagnosed
            ? $"Because this is about {whose} health, please talk to {doctor}: they know {about.Possessive} situation and can say what suits {about.Objective}."
            : $"Because this is about {whose} health, please see {doctor} together: only a doctor who examines {about.Objective} can tell whether it is dystonia and what suits {about.Objective}.";
    }

    public const string AnswerLead = "Here is what I found:";

    /// <summary>What comes before an article's credit line, to someone who asked where it comes from or may reuse it.</summary>
    public static string CreditLead(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The link is in the source line under the quote.
        return $"My answers quote «{source.Title}», published by {source.Publisher}. Its page says:";
    }

    public static string PublisherLead(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"My answers quote «{source.Title}», published by {source.Publisher}. Here is what its page says about {source.Publisher}:";
    }

    public const string NoMore = "That's all the article says on this. You can ask another question, or ask a neurologist for more.";

    public const string HandoffOffer =
        "You can also use \"Ask a question\" to send your question to our health-line staff, who reply in this chat.";

    public static string HandoffConfirm(string question, EmergencyContacts contacts) =>
        "I can send this question to our health-line staff:\n\n> " + MarkdownText.Escape(question.Replace("\n", " ", StringComparison.Ordinal)) + "\n\n" +
        "They are people who read questions during working hours and answer here, in this chat — usually within two working days. " +
        $"They are not an emergency service: in an emergency call {contacts.EmergencyNumber}" +
        (contacts.CrisisLine is null ? "." : $", and if you are thinking of harming yourself call {contacts.CrisisLine}.") +
        " Only the question above is sent, with the time you asked it. Send it?";

    public const string HandoffPrompt = "What would you like to ask our health-line staff? Type your question the way you'd like it sent.";

    public const string HandoffCancelled = "OK, I haven't sent anything. You can ask me another question about dystonia.";

    public static string HandoffSent(string reference) =>
        $"Sent. Your reference is **{reference}**. Health-line staff will answer here in this chat, usually within two working days; " +
        "you don't need to stay online. Type \"my questions\" to see its status.";

    // On the bot's web page the chat lives in the browser: say how to find it again.
    public static string HandoffSentOnTheWebPage(string reference) =>
        $"Sent. Your reference is **{reference}**. Health-line staff will answer here, usually within two working days; you don't need " +
        "to stay online. To read the answer, open this page again in this browser: this conversation will be here, with the answer. " +
        "To read it on another device, keep the link shown under the chat now (it is shown only once). Type \"my questions\" to see its status.";

    public const string HandoffUnavailable =
        "Sorry, I can't save your question right now. Nothing was sent: please try again in a few minutes. In an emergency, call your emergency number.";

    public const string RecordsUnavailable =
        "Sorry, I can't reach our records right now, so I can't show your questions. Please try again later; any answer from our staff will still reach you here.";

    public const string EraseConfirm =
        "I can delete everything this chat has kept: your messages and questions, the answers you were sent, your ratings, and any question you sent to our health-line staff (an answer they haven't sent yet won't reach you). This can't be undone. Delete it all?";

    public const string Erased =
        "Done: everything this chat kept is deleted. If you write again, I'll start afresh.";

    public const string EraseCancelled = "OK, nothing was deleted.";

    public const string EraseUnavailable =
        "Sorry, I can't reach our records right now, so nothing was deleted. Please try again in a little while.";

    public const string NoTickets = "You haven't sent any questions to our health-line staff from this chat yet.";

    /// <summary>Whom the emergency number reaches, where an emergency reply lists the numbers to call.</summary>
    public const string EmergencyServices = "emergency services";

    /// <summary>A crisis line configured without a name.</summary>
    public const string CrisisLineUnnamed = "crisis line";

    public static string Emergency(EmergencyContacts contacts) =>
        $"This may be a medical emergency. Call {contacts.EmergencyNumber} now, or go to the nearest emergency department. " +
        "Don't wait for an answer here: I'm an information bot and can't help in an emergency.";

    public static string Crisis(EmergencyContacts contacts)
    {
        var line = CrisisLine(contacts, "Please reach out now to a local crisis line or someone you trust.", "Please call or text {0} now to talk to someone.");
        return $"I'm really sorry you're going through this. You don't have to face it alone. {line} " +
            $"If you are in danger or have hurt yourself, call {contacts.EmergencyNumber} right away.";
    }

    /// <summary>The crisis reply to someone worried about another person (a parent, a teacher, a friend).</summary>
    public static string CrisisForSomeoneElse(EmergencyContacts contacts)
    {
        var line = CrisisLine(contacts, "A local crisis line can tell you how to help them.", "You can call or text {0} now for advice on how to help them.");
        return $"Thank you for telling me; this is serious. If they may act on it now, or have hurt themselves, call {contacts.EmergencyNumber} " +
            $"and stay with them. {line} You don't have to handle this alone.";
    }

    /// <summary>The sentence giving the locale's crisis line ("988 (988 Suicide &amp; Crisis Lifeline)" in place of {0}), or <paramref name="none"/>.</summary>
    private static string CrisisLine(EmergencyContacts contacts, string none, string withLine) =>
        contacts.CrisisLine is null ? none : string.Format(CultureInfo.InvariantCulture, withLine, $"{contacts.CrisisLine} ({contacts.CrisisLineName ?? CrisisLineUnnamed})");

    public static string Greeting(IReadOnlyList<KnowledgeDocument> documents) =>
        "Hello! I'm DystoniaBot. I answer questions about dystonia from " + Sources(documents) + ". " +
        "I'm not a doctor: for your own health, please see a neurologist. Ask in your own words, or try one of these:";

    public static string Help(IReadOnlyList<KnowledgeDocument> documents) =>
        "I answer questions about dystonia — what it is, its types, symptoms, causes, diagnosis and treatment — " +
        "quoting " + Sources(documents) + " with a link to the source. Type a question in your own words. " +
        "If I can't answer, I can pass your question to our health-line staff. In an emergency, call your emergency number.";

    public const string Thanks = "You're welcome. Is there anything else you'd like to know about dystonia?";

    public const string Goodbye = "Take care. Come back any time you have a question about dystonia.";

    public const string AboutAnswerTime =
        "Questions sent to our health-line staff are read during working hours and usually answered within two working days. " +
        "The answer comes into this chat; you don't need to stay online. In an emergency, don't wait: call your emergency number.";

    public const string AboutComingBack =
        "The staff's answer comes into this chat. In Teams it is waiting in the same chat. On our web page, open the page again " +
        "in the same browser and the conversation is there, with the answer; for another device, use the link the page shows " +
        "when you send a question. Type \"my questions\" to see where your questions are.";

    public static string AboutSources(IReadOnlyList<KnowledgeDocument> documents) =>
        $"My answers are quotes from {Sources(documents)}, named under every answer with a link to it; I don't write medical " +
        "information myself. Answers to questions you send to the health line are written by our health-line staff, and an " +
        "answer they add to what I know is named as theirs.";

    public static string AboutPrivacy(ServiceFacts facts) =>
        $"This chat keeps your messages for {facts.ConversationRetentionDays} days after your last one; a question you send to our " +
        $"health-line staff, with its answer, for {facts.TicketRetentionDays} days after it is sent; a rating for {facts.FeedbackRetentionDays} days. " +
        "Only the health-line staff read the questions you choose to send them. To delete everything this chat has kept, type \"delete my data\".";

    public const string Identity =
        "I'm DystoniaBot, an automated assistant — not a person and not a doctor. I quote trusted health articles about dystonia and show where each answer comes from.";

    /// <summary>The reply to a message written mostly in a script or words the bot does not read: the number to call comes first.</summary>
    public static string NotRead(EmergencyContacts contacts) =>
        $"If you or someone with you is very unwell or in danger, call {contacts.EmergencyNumber} now. " +
        "I'm sorry, I couldn't read your message. Could you put it in other words, in English? " + HandoffOffer;

    /// <summary>
    /// The reply when the articles don't answer; naming <paramref name="subject"/>, what the question asked that they
    /// leave out ("baclofen", "yoga"), tells the asker they were understood.
    /// </summary>
    public static string NoAnswer(IReadOnlyList<KnowledgeDocument> documents, string? subject = null) =>
        "I'm sorry, I don't know: " + Sources(documents) + NotCovered(subject, "doesn't answer that") + ", and I'd rather not guess. " +
        "I can answer questions about what dystonia is, its types, symptoms, causes, diagnosis and treatment. " +
        "For anything else, please ask a neurologist. " + HandoffOffer;

    /// <summary>
    /// What follows a personal question's referral when the articles don't answer it: short, because the referral has
    /// already said who can answer it, and a phone shows little more than one bubble.
    /// </summary>
    public static string NoAnswerAfterReferral(IReadOnlyList<KnowledgeDocument> documents, string? subject = null) =>
        "I'm sorry, " + Sources(documents) + NotCovered(subject, "doesn't answer your question") + ", and I'd rather not guess. " + HandoffOffer;

    private static string NotCovered(string? subject, string otherwise)
    {
        if (subject is null)
        {
            return " " + otherwise;
        }

        // The asker's own words, kept to letters, digits and the marks inside words, so nothing typed renders as markup.
        var words = new string([.. subject.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'')]).Trim();
        return words.Length is 0 or > 40 ? " " + otherwise : $" doesn't say anything about {words}";
    }

    private static string Sources(IReadOnlyList<KnowledgeDocument> all)
    {
        var documents = all.Where(d => !d.Source.IsCurated).ToList();
        var names = documents.Take(3).Select(d => $"«{d.Source.Title}» by {d.Source.Publisher}").ToList();
        return names.Count switch
        {
            0 => "trusted health articles",
            1 => "the article " + names[0],
            _ => "the articles " + string.Join(", ", names) + (documents.Count > 3 ? " and others" : string.Empty),
        };
    }
}
