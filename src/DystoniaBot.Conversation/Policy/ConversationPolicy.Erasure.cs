using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Policy;

/// <summary>"Delete my data": asked for in the chat, confirmed, then carried out by the channel (the policy does no I/O).</summary>
public sealed partial class ConversationPolicy
{
    /// <summary>The button that confirms erasure.</summary>
    public const string EraseButton = "Yes, delete my data";

    /// <summary>The button that keeps everything.</summary>
    public const string KeepButton = "No, keep it";

    [GeneratedRegex(@"\b((delete|erase|remove|wipe|clear|forget)( all( of)?)? (my|our) (data|information|info|details|messages|questions|history|conversation|chat|records?)|(delete|erase|remove|wipe|clear) (this|the|our) (conversation|chat|history)|(delete|erase|remove|wipe) everything (i|we) (wrote|sent|said|typed|asked)|forget (me|everything i said|what i said)|right to (be forgotten|erasure))\b", RegexOptions.CultureInvariant)]
    private static partial Regex EraseRequest();

    [GeneratedRegex(@"^\W*(yes|yeah|yep|ok|okay|sure|confirm(ed)?|please do|do it|go ahead)?\W*(,\s*)?((please )?(delete|erase|wipe|remove)( it| them| my data| everything| all( of it)?)?( please)?|yes|yeah|yep|confirm(ed)?|do it|go ahead)\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex EraseConfirmation();

    /// <summary>The reply once everything kept of the conversation is deleted.</summary>
    public static BotReply Erased() => new(ReplyKind.SmallTalk, ReplyTexts.Erased, null, [], null, false, [], null);

    /// <summary>The reply when the deletion could not be done (the database is unreachable): nothing is half-deleted.</summary>
    public static BotReply EraseUnavailable() => new(ReplyKind.SmallTalk, ReplyTexts.EraseUnavailable, null, [], null, false, [], null);

    /// <summary>
    /// A request to delete what the chat keeps (<paramref name="asksToErase"/>, read once with the rest of the message),
    /// or the answer to the question confirming it; null otherwise.
    /// </summary>
    private static PolicyTurn? ErasureStep(string text, bool asksToErase, ConversationState state)
    {
        if (!state.PendingErase)
        {
            return asksToErase ? AskToErase(state) : null;
        }

        var done = state with { PendingErase = false };
        var answer = TextNormalizer.Normalize(text).TrimEnd('.', '!');
        if (EraseConfirmation().IsMatch(answer))
        {
            return new PolicyTurn(Erased(), ConversationState.Empty, new HandoffAction(HandoffActionKind.EraseConversation));
        }

        if (answer is "no" or "nope" or "no thanks" or "no, keep it" or "keep it" or "cancel" or "don't" or "do not")
        {
            return new PolicyTurn(new BotReply(ReplyKind.SmallTalk, ReplyTexts.EraseCancelled, null, [], null, false, [], null), done);
        }

        // Anything else is a new message: nothing is deleted, and it is read as usual.
        return asksToErase ? AskToErase(done) : null;
    }

    private static PolicyTurn AskToErase(ConversationState state) =>
        new(new BotReply(ReplyKind.SmallTalk, ReplyTexts.EraseConfirm, null, [], null, false, [EraseButton, KeepButton], null), state with { PendingErase = true });
}
