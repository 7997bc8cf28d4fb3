using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.Handoff;

public sealed class HandoffPolicyTests
{
    private static readonly ConversationPolicy Policy = TestKnowledge.Policy();

    private static PolicyTurn Say(string text, ConversationState state) => Policy.Respond(text, "en-US", state);

    [Theory]
    [InlineData(TicketCloseReason.CareTeam, "your neurologist or care team knows your situation")]
    [InlineData(TicketCloseReason.NotAboutDystonia, "isn't a question about dystonia")]
    [InlineData(TicketCloseReason.Duplicate, "the same as another question you sent us")]
    public void TicketClosed_ShouldSayWhy_AndWhatToDoNext_WithTheLocalesNumbers(TicketCloseReason reason, string why)
    {
        var reply = Policy.TicketClosed("Q-7K3M9P", "Is *this* dystonia?", reason, "Ask your GP for a referral.", "en-GB");

        Assert.Equal(ReplyKind.Handoff, reply.Kind);
        Assert.Contains("Q-7K3M9P", reply.Text, StringComparison.Ordinal);
        Assert.Contains("have closed it without a written answer", reply.Text, StringComparison.Ordinal);
        Assert.Contains(why, reply.Text, StringComparison.Ordinal);
        Assert.Contains("A note from our staff: Ask your GP for a referral.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("please see a neurologist", reply.Text, StringComparison.Ordinal);
        Assert.Contains("In an emergency, call 999 now; if you are thinking of harming yourself, call 116 123.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("ask us again", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\\*this\\*", reply.Text, StringComparison.Ordinal);
        Assert.Equal([HandoffDetector.AskButton], reply.FollowUps);
    }

    [Fact]
    public void TicketClosed_ShouldRefuseSpam_WhichIsClosedInSilence() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.TicketClosed("Q-7K3M9P", "buy pills", TicketCloseReason.Spam, null, "en-US"));

    [Fact]
    public void TicketList_ShouldSayWhyAQuestionWasClosed_InPlainWords()
    {
        var reply = ConversationPolicy.TicketList([new TicketSummary("Q-7K3M9P", "What is the capital of France?", TicketStatus.Closed, DateTimeOffset.UtcNow, TicketCloseReason.NotAboutDystonia),
            new TicketSummary("Q-2B4D6F", "spam", TicketStatus.Closed, DateTimeOffset.UtcNow, TicketCloseReason.Spam)]);

        Assert.Contains("Q-7K3M9P", reply.Text, StringComparison.Ordinal);
        Assert.Contains("closed: not a question about dystonia", reply.Text, StringComparison.Ordinal);
        Assert.Contains("— closed", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketLimits_ShouldSayNothingWasSent_AndGiveTheEmergencyNumber()
    {
        var open = Policy.TooManyOpenTickets(3, "en-GB");
        var today = Policy.TooManyTicketsToday(10, "en-US");

        Assert.StartsWith("You already have 3 questions waiting for our health-line staff", open.Text, StringComparison.Ordinal);
        Assert.Contains("call 999", open.Text, StringComparison.Ordinal);
        Assert.Contains("You have sent 10 questions", today.Text, StringComparison.Ordinal);
        Assert.Contains("call 911", today.Text, StringComparison.Ordinal);
        Assert.Equal([HandoffDetector.MyQuestionsButton], open.FollowUps);
    }

    [Fact]
    public void NoAnswer_ShouldOfferToAsk_AndForwardThatQuestion_WithConsent()
    {
        var noAnswer = Say("Can dystonia affect my voice?", ConversationState.Empty);
        Assert.Equal(ReplyKind.NoAnswer, noAnswer.Reply.Kind);
        Assert.Equal(HandoffDetector.AskButton, noAnswer.Reply.FollowUps[0]);

        var offer = Say("Ask a question", noAnswer.State);
        Assert.Equal(ReplyKind.Handoff, offer.Reply.Kind);
        Assert.Null(offer.Action);
        Assert.Contains("Can dystonia affect my voice?", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("not an emergency service", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("911", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["Send it", "Edit", "Cancel"], offer.Reply.FollowUps);

        var send = Say("Send it", offer.State);
        Assert.Equal(new HandoffAction(HandoffActionKind.CreateTicket, "Can dystonia affect my voice?"), send.Action);
        Assert.Null(send.State.PendingHandoff);
    }

    [Fact]
    public void Edit_ShouldTakeTheNextMessageAsTheQuestion_AndCancelSendsNothing()
    {
        var offer = Say("I'd like to ask a specialist: does botox wear off?", ConversationState.Empty);
        Assert.Equal("does botox wear off?", offer.State.PendingHandoff);

        var edit = Say("Edit", offer.State);
        Assert.True(edit.State.EditingHandoff);
        var edited = Say("How long does a botox injection last?", edit.State);
        Assert.Equal("How long does a botox injection last?", edited.State.PendingHandoff);

        var cancel = Say("no thanks", edited.State);
        Assert.Null(cancel.Action);
        Assert.Null(cancel.State.PendingHandoff);
        Assert.Contains("haven't sent anything", cancel.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AskingWithNothingToForward_ShouldAskForTheQuestion()
    {
        var prompt = Say("can I talk to a person?", ConversationState.Empty);

        Assert.True(prompt.State.EditingHandoff);
        Assert.Contains("What would you like to ask", prompt.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedFlag_ShouldWinOverTheFlow()
    {
        var offer = Say("ask a nurse: is dystonia painful?", ConversationState.Empty);

        var emergency = Say("my son can't breathe and his throat is closing after the injection", offer.State);

        Assert.Equal(ReplyKind.Emergency, emergency.Reply.Kind);
        Assert.Null(emergency.Action);
    }

    [Fact]
    public void AnotherQuestion_ShouldDropTheOffer_AndBeAnswered()
    {
        var offer = Say("ask a nurse: is dystonia painful?", ConversationState.Empty);

        var answer = Say("is there a cure?", offer.State);

        Assert.Equal(ReplyKind.Answer, answer.Reply.Kind);
        Assert.Null(answer.State.PendingHandoff);
        Assert.Null(Say("yes", answer.State).Action);
    }

    [Fact]
    public void MyQuestions_ShouldListTickets()
    {
        Assert.Equal(HandoffActionKind.ListTickets, Say("my questions", ConversationState.Empty).Action?.Kind);

        var list = ConversationPolicy.TicketList([
            new TicketSummary("Q-ABC123", "Can dystonia affect my voice?", TicketStatus.Open, DateTimeOffset.UtcNow),
            new TicketSummary("Q-XYZ789", "Is it hereditary?", TicketStatus.Answered, DateTimeOffset.UtcNow),
        ]);
        var markdown = MarkdownRenderer.Render(list);
        Assert.Contains("**Q-ABC123**", markdown, StringComparison.Ordinal);
        Assert.Contains("waiting for an answer", markdown, StringComparison.Ordinal);
        Assert.Contains("answered", markdown, StringComparison.Ordinal);
        Assert.Contains("haven't sent any", MarkdownRenderer.Render(ConversationPolicy.TicketList([])), StringComparison.Ordinal);
    }

    [Fact]
    public void UsersWords_ShouldShowAsWritten_NotAsMarkdown()
    {
        var offer = Say("ask a nurse: is [this](http://evil.example) **bad**?", ConversationState.Empty);

        var markdown = MarkdownRenderer.Render(offer.Reply);

        Assert.DoesNotContain("[this](http://evil.example)", markdown, StringComparison.Ordinal);
        Assert.Contains("\\[this\\]", markdown, StringComparison.Ordinal);
        var answer = MarkdownRenderer.Render(ConversationPolicy.StaffAnswer("Q-ABC123", "is [x](y) ok?", "Yes. <script>alert(1)</script>"));
        Assert.Contains("Answer from our health-line staff", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", answer, StringComparison.Ordinal);
        Assert.Contains("neurologist", answer, StringComparison.Ordinal);
    }
}
