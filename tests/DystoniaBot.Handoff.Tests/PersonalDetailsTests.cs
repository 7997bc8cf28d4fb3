namespace DystoniaBot.Handoff.Tests;

/// <summary>What makes a reply to one person unfit to quote to everyone.</summary>
public sealed class PersonalDetailsTests
{
    private static IReadOnlyList<PersonalDetail> InAnswer(string answer, params string[] names) => PersonalDetails.Find("Can dystonia spread?", answer, names);

    [Fact]
    public void Find_ShouldFlagTheGreetingThanksAndSignOff_OfAReplyToOnePerson()
    {
        var found = InAnswer("Dear Margaret, thank you for your question.\n\nDystonia can spread to nearby muscles.\n\nBest wishes,\nAda", "ada");

        Assert.Contains(found, d => d is { Kind: PersonalDetailKind.Salutation, Text: "Dear Margaret,", Field: "answer" });
        Assert.Contains(found, d => d.Kind == PersonalDetailKind.Personal && d.Text == "thank you for your question");
        Assert.Contains(found, d => d.Kind == PersonalDetailKind.SignOff && d.Text.StartsWith("Best wishes", StringComparison.Ordinal));
        Assert.Contains(found, d => d is { Kind: PersonalDetailKind.Name, Text: "Ada" });
    }

    [Theory]
    [InlineData("Call me on 020 7946 0958 if it gets worse.", PersonalDetailKind.PhoneNumber)]
    [InlineData("Call +44 (0)20-7946-0958.", PersonalDetailKind.PhoneNumber)]
    [InlineData("Write to ada.lovelace@example.org for the leaflet.", PersonalDetailKind.Email)]
    [InlineData("It may help your husband to keep a diary.", PersonalDetailKind.Personal)]
    [InlineData("As we discussed when we spoke, botox wears off.", PersonalDetailKind.Personal)]
    [InlineData("Bring it up at your next appointment.", PersonalDetailKind.Personal)]
    [InlineData("In your case the dose may change.", PersonalDetailKind.Personal)]
    [InlineData("Dr Patel will see you.", PersonalDetailKind.Name)]
    [InlineData("Margaret, botox wears off after about three months.", PersonalDetailKind.Name)]
    [InlineData("It can spread. I hope this helps, Tom.", PersonalDetailKind.Name)]
    [InlineData("Hi Tom! Yes, it can.", PersonalDetailKind.Salutation)]
    [InlineData("Yes, it can.\nKind regards, Bo", PersonalDetailKind.SignOff)]
    public void Find_ShouldFlag(string answer, PersonalDetailKind kind) => Assert.Contains(InAnswer(answer), d => d.Kind == kind);

    [Theory]
    [InlineData("Dystonia can spread to nearby muscles in some people; ask your neurologist about your own case.")]
    [InlineData("Botulinum toxin injections usually wear off after about 3 months, and 999 is the emergency number in the UK.")]
    [InlineData("Deep brain stimulation (DBS) is considered when medicines don't help. Your nurse can explain the risks.")]
    [InlineData("However, it can spread. Sadly, there is no cure, but Botox, given every three months, helps many people.")]
    [InlineData("Unfortunately, yes.\nUsually, it stays in one part of the body.")]
    public void Find_ShouldFlagNothing_InAGeneralAnswer(string answer) => Assert.Empty(InAnswer(answer, "nurse", "ada"));

    [Fact]
    public void Find_ShouldLookAtTheQuestionToo()
    {
        var found = PersonalDetails.Find("I'm Ada, 42: can dystonia affect my voice?", "Yes: that is spasmodic dysphonia.", []);

        Assert.Contains(found, d => d is { Kind: PersonalDetailKind.Name, Field: "question" });
        Assert.Contains(PersonalDetails.Find("My husband's neck pulls to one side: is it dystonia?", "It may be.", []), d => d is { Kind: PersonalDetailKind.Personal, Field: "question" });
    }
}
