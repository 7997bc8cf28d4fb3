using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// Speaking instead of typing, and hearing instead of reading, with a fake speech engine put in the page in place of
/// the browser's before the page loads (no microphone, no voice): a spoken question is sent and its answer read aloud
/// in the answer's own words to speak; every reply can be read aloud on request; all of it from the keyboard.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class VoiceTests(BrowserFixture browser)
{
    // The Web Speech API as Chromium has it, faked: window.SpeechRecognition (and its webkit name) hears the phrases
    // in window.__speech.heard, one each time it is started, and nothing once they run out; speechSynthesis writes down
    // what it is asked to say in window.__speech.spoken. Events are dispatched on the recognition, as the browser does,
    // so that their target is the recognition: Web Chat's dictation ignores events from any other (a fake that calls
    // onresult itself, with no target, is never heard). Results have the shape of a SpeechRecognitionResultList.
    private const string FakeSpeechEngine = """
        window.__speech = { heard: ['is there a cure'], spoken: [], recognitions: [] };
        (() => {
          const withHandlers = (target, types) => types.forEach(type => target.addEventListener(type, event => {
            const handler = target['on' + type];
            if (typeof handler === 'function') { handler.call(target, event); }
          }));
          const resultList = (transcript, isFinal) => {
            const alternative = { transcript, confidence: 0.92 };
            const result = { 0: alternative, length: 1, isFinal, item: i => (i === 0 ? alternative : undefined) };
            return { 0: result, length: 1, item: i => (i === 0 ? result : undefined) };
          };

          class FakeSpeechGrammarList {
            constructor() { this.length = 0; }
            addFromString() { this.length += 1; }
            addFromURI() { this.length += 1; }
            item() { return undefined; }
          }

          class FakeSpeechRecognition extends EventTarget {
            constructor() {
              super();
              this.continuous = false;
              this.interimResults = false;
              this.lang = '';
              this.maxAlternatives = 1;
              this.grammars = new FakeSpeechGrammarList();
              withHandlers(this, ['start', 'audiostart', 'soundstart', 'speechstart', 'result', 'nomatch', 'error', 'speechend', 'soundend', 'audioend', 'end']);
            }
            fire(type, fields) { this.dispatchEvent(Object.assign(new Event(type), fields || {})); }
            start() {
              const phrase = window.__speech.heard.shift();
              window.__speech.recognitions.push({ lang: this.lang, interimResults: this.interimResults, heard: phrase || null });
              setTimeout(() => {
                this.fire('start');
                this.fire('audiostart');
                if (phrase !== undefined) {
                  this.fire('soundstart');
                  this.fire('speechstart');
                  if (this.interimResults) { this.fire('result', { resultIndex: 0, results: resultList(phrase.split(' ')[0], false) }); }
                  this.fire('result', { resultIndex: 0, results: resultList(phrase, true) });
                  this.fire('speechend');
                  this.fire('soundend');
                }
                this.fire('audioend');
                this.fire('end');
              }, 50);
            }
            stop() { }
            abort() { this.fire('end'); }
          }

          class FakeSpeechSynthesisUtterance extends EventTarget {
            constructor(text) {
              super();
              Object.assign(this, { text: text || '', lang: '', pitch: 1, rate: 1, volume: 1, voice: null });
              withHandlers(this, ['start', 'end', 'error', 'boundary', 'mark', 'pause', 'resume']);
            }
          }

          const voice = { default: true, lang: 'en-US', localService: true, name: 'Test voice', voiceURI: 'test-voice' };
          class FakeSpeechSynthesis extends EventTarget {
            constructor() { super(); Object.assign(this, { speaking: false, pending: false, paused: false, onvoiceschanged: null }); }
            getVoices() { return [voice]; }
            speak(utterance) {
              window.__speech.spoken.push(utterance.text);
              setTimeout(() => { utterance.dispatchEvent(new Event('start')); utterance.dispatchEvent(new Event('end')); }, 10);
            }
            cancel() { }
            pause() { }
            resume() { }
          }

          window.SpeechRecognition = window.webkitSpeechRecognition = FakeSpeechRecognition;
          window.SpeechGrammarList = window.webkitSpeechGrammarList = FakeSpeechGrammarList;
          window.SpeechSynthesisUtterance = FakeSpeechSynthesisUtterance;
          Object.defineProperty(window, 'speechSynthesis', { value: new FakeSpeechSynthesis(), configurable: true });
        })();
        """;

    [Fact]
    public async Task SpokenQuestion_ShouldBeSent_AndItsAnswerReadAloud_FromTheKeyboardAlone()
    {
        await using var context = await browser.NewBrowserAsync();
        await context.AddInitScriptAsync(FakeSpeechEngine);
        var page = await OpenAsync(context, browser.BaseAddress);
        await Expect(page.Locator(BotText).First).ToContainTextAsync("DystoniaBot");

        // The replies as they come over Direct Line, with the words each carries to be spoken.
        await page.EvaluateAsync("() => { window.__replies = []; window.dystoniaBot.directLine.activity$.subscribe(a => { if (a.type === 'message' && a.speak) { window.__replies.push(a); } }); }");

        // The page opens in the send box; the microphone is the next stop, and Enter starts dictation.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var microphone = page.GetByRole(AriaRole.Button, new() { Name = "Speak" });
        await Expect(microphone).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // What the engine heard is sent as the question, and answered.
        await Expect(page.Locator(Transcript + " .webchat__bubble--from-user").Filter(new() { HasText = "is there a cure" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        // A question asked aloud is answered aloud, with the reply's words to speak (no Markdown, no link, no [1]).
        await page.WaitForFunctionAsync("""
            () => {
              const answer = window.__replies.find(a => a.speak.includes('no cure'));
              return answer !== undefined && window.__speech.spoken.includes(answer.speak);
            }
            """, null, new() { Timeout = (float)Patience.TotalMilliseconds });
        var spoken = await page.EvaluateAsync<string>("() => window.__speech.spoken.find(t => t.includes('no cure'))");
        Assert.StartsWith("Dystonia has no cure.", spoken, StringComparison.Ordinal);
        Assert.Contains("neurologist", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("**", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("http", spoken, StringComparison.Ordinal);
        Assert.Equal("en-US", await page.EvaluateAsync<string>("() => window.__speech.recognitions[0].lang"));
        await AssertNoSendFailedAsync(page);
        await ScreenshotAsync(page, "dictation");
    }

    [Fact]
    public async Task EveryReply_ShouldBeReadAloudOnRequest_FromTheKeyboardToo()
    {
        await using var context = await browser.NewBrowserAsync();
        await context.AddInitScriptAsync(FakeSpeechEngine);
        var page = await OpenAsync(context, browser.BaseAddress);
        await AskAsync(page, "what is blepharospasm?");
        var answer = page.Locator(Transcript + " .webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = "eyelid" }).Last;
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        // A typed question is not answered aloud unasked.
        Assert.DoesNotContain(await page.EvaluateAsync<string[]>("() => window.__speech.spoken"), text => text.Contains("eyelid", StringComparison.Ordinal));

        var readAloud = answer.GetByRole(AriaRole.Button, new() { Name = "Read aloud" });
        await readAloud.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => window.__speech.spoken.some(t => t.includes('upper eyelid'))", null, new() { Timeout = (float)Patience.TotalMilliseconds });
        var spoken = await page.EvaluateAsync<string[]>("() => window.__speech.spoken");
        Assert.DoesNotContain(spoken, text => text.Contains("**", StringComparison.Ordinal) || text.Contains("https://", StringComparison.Ordinal));
        await ScreenshotAsync(page, "read-aloud");
    }
}
