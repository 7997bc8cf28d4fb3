using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// Hearing instead of reading, with a fake speech engine put in the page in place of the browser's (no voice needed):
/// every reply can be read aloud on request, from the keyboard too, in plain words.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class VoiceTests(BrowserFixture browser)
{
    // A SpeechRecognition that hears window.__say once started, and a speechSynthesis that writes down what it says.
    private const string FakeSpeechEngine = """
        window.__spoken = [];
        window.__say = 'is there a cure';
        class FakeSpeechRecognition extends EventTarget {
          constructor() { super(); this.continuous = false; this.interimResults = false; this.lang = 'en-US'; this.maxAlternatives = 1; }
          fire(type, extra) {
            const event = Object.assign(new Event(type), extra || {});
            if (typeof this['on' + type] === 'function') { this['on' + type](event); }
            this.dispatchEvent(event);
          }
          start() {
            setTimeout(() => {
              ['start', 'audiostart', 'soundstart', 'speechstart'].forEach(t => this.fire(t));
              const alternative = { transcript: window.__say, confidence: 0.95 };
              const result = [alternative];
              result.isFinal = true;
              result.item = i => result[i];
              const results = [result];
              results.item = i => results[i];
              this.fire('result', { resultIndex: 0, results });
              ['speechend', 'soundend', 'audioend', 'end'].forEach(t => this.fire(t));
            }, 200);
          }
          stop() { }
          abort() { this.fire('end'); }
        }
        window.SpeechRecognition = FakeSpeechRecognition;
        window.webkitSpeechRecognition = FakeSpeechRecognition;
        const voice = { default: true, lang: 'en-US', localService: true, name: 'Test voice', voiceURI: 'test-voice' };
        class FakeUtterance extends EventTarget {
          constructor(text) { super(); this.text = text || ''; this.lang = ''; this.pitch = 1; this.rate = 1; this.volume = 1; this.voice = null; }
        }
        window.SpeechSynthesisUtterance = FakeUtterance;
        const synthesis = new EventTarget();
        Object.assign(synthesis, {
          speaking: false, pending: false, paused: false, onvoiceschanged: null,
          getVoices: () => [voice],
          speak(utterance) {
            window.__spoken.push(utterance.text);
            setTimeout(() => {
              utterance.dispatchEvent(new Event('start'));
              if (typeof utterance.onstart === 'function') { utterance.onstart(new Event('start')); }
              utterance.dispatchEvent(new Event('end'));
              if (typeof utterance.onend === 'function') { utterance.onend(new Event('end')); }
            }, 20);
          },
          cancel() { }, pause() { }, resume() { }
        });
        Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
        """;

    [Fact]
    public async Task EveryReply_ShouldBeReadAloudOnRequest_FromTheKeyboardToo()
    {
        await using var context = await browser.NewBrowserAsync();
        await context.AddInitScriptAsync(FakeSpeechEngine);
        var page = await OpenAsync(context, browser.BaseAddress);
        await AskAsync(page, "what is blepharospasm?");
        var answer = page.Locator(Transcript + " .webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = "eyelid" }).Last;
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        var readAloud = answer.GetByRole(AriaRole.Button, new() { Name = "Read aloud" });
        await readAloud.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => window.__spoken.some(t => t.includes('upper eyelid'))", null, new() { Timeout = (float)Patience.TotalMilliseconds });
        var spoken = await page.EvaluateAsync<string[]>("() => window.__spoken");
        Assert.DoesNotContain(spoken, text => text.Contains("**", StringComparison.Ordinal) || text.Contains("https://", StringComparison.Ordinal));
        await ScreenshotAsync(page, "read-aloud");
    }
}
