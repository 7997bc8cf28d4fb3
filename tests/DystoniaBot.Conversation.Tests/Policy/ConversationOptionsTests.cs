using System.ComponentModel.DataAnnotations;
using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Tests.Policy;

public class ConversationOptionsTests
{
    [Theory]
    [InlineData("en-GB", "999")]
    [InlineData("en_AU", "000")]
    [InlineData("fr-FR", "112")]
    [InlineData("pt-BR", "112")]
    [InlineData("en", "911")]
    [InlineData("", "911")]
    public void ContactsFor_ShouldPickTheLocalesRegion_OrTheFallback(string locale, string number)
    {
        Assert.Equal(number, new ConversationOptions().ContactsFor(locale).EmergencyNumber);
    }

    [Fact]
    public void Validate_ShouldRequireAFallbackAndValidNumbers()
    {
        var options = new ConversationOptions();
        options.EmergencyContacts.Remove(ConversationOptions.AnyRegion);
        options.EmergencyContacts["XX"] = new EmergencyContacts { EmergencyNumber = "call someone" };

        var results = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.Contains("'*'", StringComparison.Ordinal));
        Assert.Contains(results, r => r.ErrorMessage!.StartsWith("EmergencyContacts:XX", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_ShouldBeValid()
    {
        var options = new ConversationOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Empty(options.Validate(new ValidationContext(options)));
    }
}
