// DystoniaBot's page: gets a Direct Line token from the host, renders the official Web Chat client with it and
// fills the footer with the sources of the knowledge base. A classic script (not a module) so that the page also
// opens from a file; the server's Content-Security-Policy allows scripts from its own origin only.
(function () {
    'use strict';

    // The conversation this browser can come back to: {resume, conversationId, userId, seenAnswers, linkShown}. The
    // resume secret opens it again another day (tokens last 30 minutes); localStorage, so every tab and visit shares it.
    const STORAGE_KEY = 'dystoniabot.conversation';
    const TOKEN_URL = '/api/directline/token';
    const DIRECT_LINE_PATH = '/v3/directline';
    const FORGET_URL = '/api/directline/forget';

    // Direct Line's DirectLine:MaxTextLength, when the server doesn't say.
    const DEFAULT_MAX_TEXT_LENGTH = 2000;
    const SOURCES_URL = '/api/sources';
    const BUNDLE_PATH = '/lib/botframework-webchat/webchat.js';

    // Direct Line JS's ConnectionStatus values (botframework-directlinejs src/directLine.ts).
    const ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4 };

    // A calm look with WCAG AA contrast everywhere (checked with axe-core); bubbles are rounded and wide enough for a
    // quoted paragraph. Attachments are not supported by the bot, hence no upload button.
    const STYLE_OPTIONS = {
        accent: '#0f5f6e',
        backgroundColor: '#ffffff',
        subtle: '#56636b',
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        paddingRegular: 10,

        bubbleBackground: '#eef4f5',
        bubbleBorderColor: '#d5e3e6',
        bubbleBorderRadius: 14,
        bubbleTextColor: '#1d2b33',
        bubbleFromUserBackground: '#0f5f6e',
        bubbleFromUserBorderColor: '#0f5f6e',
        bubbleFromUserBorderRadius: 14,
        bubbleFromUserTextColor: '#ffffff',
        bubbleMaxWidth: 640,
        bubbleMinWidth: 120,

        hideUploadButton: true,
        sendBoxBackground: '#ffffff',
        sendBoxTextColor: '#1d2b33',
        sendBoxPlaceholderColor: '#5b6870',
        sendBoxButtonColor: '#0f5f6e',
        sendBoxBorderTop: 'solid 1px #d5dee2',
        sendBoxHeight: 48,

        suggestedActionLayout: 'flow',
        suggestedActionBackgroundColor: '#ffffff',
        suggestedActionBorderColor: '#0f5f6e',
        suggestedActionBorderRadius: 18,
        suggestedActionBorderWidth: 1,
        suggestedActionTextColor: '#0f5f6e',
        suggestedActionBackgroundColorOnHover: '#e3eff1',
        suggestedActionHeight: 40,

        // A new reply scrolls the transcript until its first line reaches the top, not to its end: on a phone a long
        // answer's start would otherwise scroll out of sight and leave only its buttons. Past that, Web Chat offers
        // its "new messages" button.
        autoScrollSnapOnPage: true,
        autoScrollSnapOnPageOffset: -8,

        // A card button once pressed (a rating given, the paragraph asked for) in the page's own colours.
        cardPushButtonBackgroundColor: '#0f5f6e',
        cardPushButtonTextColor: '#ffffff',

        timestampColor: '#56636b',
        notificationText: '#4a555c',

        // The connection spinner, drawn in the page's own colours.
        spinnerAnimationBackgroundImage: 'url("data:image/svg+xml,' + encodeURIComponent(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
            + '<circle cx="8" cy="8" r="6" fill="none" stroke="#d5e3e6" stroke-width="2"/>'
            + '<path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="#0f5f6e" stroke-width="2" stroke-linecap="round">'
            + '<animateTransform attributeName="transform" type="rotate" from="0 8 8" to="360 8 8" dur="0.9s" repeatCount="indefinite"/>'
            + '</path></svg>') + '")'
    };

    // The same look in the dark, for a browser that asks for it (bright light is a trigger for blepharospasm).
    const DARK_STYLE_OPTIONS = Object.assign({}, STYLE_OPTIONS, {
        accent: '#8fd3df',
        backgroundColor: '#162026',
        subtle: '#b4c3c9',
        bubbleBackground: '#1f2d34',
        bubbleBorderColor: '#2d3b43',
        bubbleTextColor: '#e4ecef',
        bubbleFromUserBackground: '#2a7f8d',
        bubbleFromUserBorderColor: '#2a7f8d',
        bubbleFromUserTextColor: '#ffffff',
        sendBoxBackground: '#162026',
        sendBoxTextColor: '#e4ecef',
        sendBoxPlaceholderColor: '#a9b9bf',
        sendBoxButtonColor: '#8fd3df',
        sendBoxBorderTop: 'solid 1px #2d3b43',
        suggestedActionBackgroundColor: '#162026',
        suggestedActionBorderColor: '#8fd3df',
        suggestedActionTextColor: '#8fd3df',
        suggestedActionBackgroundColorOnHover: '#1f3a41',
        cardPushButtonBackgroundColor: '#2a7f8d',
        timestampColor: '#b4c3c9',
        notificationText: '#b4c3c9'
    });

    function styleOptions() {
        return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? DARK_STYLE_OPTIONS : STYLE_OPTIONS;
    }

    const statusElement = document.getElementById('status');
    const chatElement = document.getElementById('webchat');

    // ---- The conversation kept in this browser ----

    function readSaved() {
        try {
            const saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
            return saved !== null && typeof saved === 'object' && typeof saved.resume === 'string' && saved.resume !== '' ? saved : null;
        } catch {
            return null; // storage disabled or unreadable: start a new conversation
        }
    }

    function writeSaved(saved) {
        try {
            window.localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
        } catch {
            // Storage disabled or full: the chat works, but the conversation can't be reopened later.
        }
    }

    function forgetSaved() {
        try {
            window.localStorage.removeItem(STORAGE_KEY);
        } catch {
            // Nothing to forget.
        }
    }

    // A link from "come back on another device" (#resume=…, never sent to the server in a URL): it becomes this
    // browser's conversation, and leaves the address bar at once.
    function adoptResumeLink() {
        const match = /^#resume=([A-Za-z0-9_-]{16,256})$/.exec(window.location.hash);
        if (!match) {
            return;
        }
        const saved = readSaved();
        if (!saved || saved.resume !== match[1]) {
            writeSaved({ resume: match[1], seenAnswers: [], linkShown: true });
        }
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }

    function isSession(value) {
        return value !== null && typeof value === 'object'
            && typeof value.token === 'string' && value.token !== ''
            && typeof value.conversationId === 'string' && value.conversationId !== ''
            && typeof value.userId === 'string' && value.userId !== '';
    }

    class TokenError extends Error {
        constructor(message, status) {
            super(message);
            this.name = 'TokenError';
            this.status = status;
        }
    }

    // POST /api/directline/token: {} for a new conversation (with its resume secret), {resume} to come back to one.
    async function requestToken(body) {
        let response;
        try {
            response = await fetch(TOKEN_URL, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(body),
                credentials: 'same-origin',
                cache: 'no-store'
            });
        } catch (error) {
            console.warn('DystoniaBot: POST ' + TOKEN_URL + ' failed', error);
            throw new TokenError('the server could not be reached', 0);
        }
        if (!response.ok) {
            throw new TokenError('the server answered HTTP ' + response.status, response.status);
        }
        let session;
        try {
            session = await response.json();
        } catch {
            throw new TokenError('the server\'s answer was not JSON', response.status);
        }
        if (!isSession(session)) {
            throw new TokenError('the server\'s answer had no token, conversationId or userId', response.status);
        }
        return session;
    }

    // The saved conversation when its secret still opens it, else a new one. Only a refusal (403) drops the secret:
    // a network failure must not lose the way back to an answer.
    async function obtainSession(allowResume) {
        const saved = allowResume ? readSaved() : null;
        if (saved) {
            try {
                const session = await requestToken({ resume: saved.resume });
                saved.conversationId = session.conversationId;
                saved.userId = session.userId;
                writeSaved(saved);
                return { session: session, resumed: true };
            } catch (error) {
                if (error.status !== 403) {
                    throw error;
                }
                forgetSaved();
            }
        }
        const session = await requestToken({});
        writeSaved({ resume: session.resume, conversationId: session.conversationId, userId: session.userId, seenAnswers: [], linkShown: false });
        return { session: session, resumed: false };
    }

    // ---- Web Chat ----

    let directLine = null;
    let statusSubscription = null;
    let activitySubscription = null;
    let restartedAfterFailedResume = false;
    let reopenedAt = 0;

    async function start(allowResume, pendingSession) {
        showStatus(null);
        let result;
        try {
            result = await (pendingSession || obtainSession(allowResume));
        } catch (error) {
            showTokenError(error);
            return;
        }
        render(result.session, result.resumed);
    }

    function render(session, resumed) {
        stop();

        // Always the conversation's id: Web Chat joins it (GET /conversations/{id}?watermark=, which starts it if
        // nothing has yet) and reads its log from the start, so a welcome already written (see previewWelcome) or a
        // transcript to come back to is shown, and no second conversation is opened.
        const options = {
            token: session.token,
            domain: window.location.origin + DIRECT_LINE_PATH,
            webSocket: new URLSearchParams(window.location.search).get('transport') !== 'polling',
            conversationId: session.conversationId
        };
        directLine = window.WebChat.createDirectLine(options);
        window.dystoniaBot = { directLine: directLine };

        let wasOnline = false;
        statusSubscription = directLine.connectionStatus$.subscribe({
            next: function (status) {
                if (wasOnline && status === ConnectionStatus.ExpiredToken) {
                    reopen(); // the session reached its maximum age: open it again with the secret
                }
                wasOnline = wasOnline || status === ConnectionStatus.Online;
                if (resumed && !wasOnline) {
                    onResumeStatus(status);
                }
            },
            error: function () {
                // Web Chat shows the connection state itself.
            }
        });

        activitySubscription = directLine.activity$.subscribe({
            next: onActivity,
            error: function () {
                // Web Chat shows the connection state itself.
            }
        });

        // A fresh element for each conversation: Web Chat keeps its state in the element it rendered into. The welcome
        // shown before Web Chat ran stays over it until Web Chat has drawn the same message.
        const host = document.createElement('div');
        host.className = 'webchat-host';
        const preview = chatElement.querySelector('.welcome-preview');
        chatElement.replaceChildren(host);
        if (preview) {
            keepPreviewUntilWebChatShowsItsFirstMessage(preview, host);
        }

        window.WebChat.renderWebChat({
            directLine: directLine,

            // Dictation with the browser's own speech recognition (a microphone button where it exists), and a reply
            // to a spoken question read aloud with its speech synthesis. Web Chat's factory takes SpeechRecognition
            // (or webkitSpeechRecognition), SpeechGrammarList and speechSynthesis from the window when it builds its
            // ponyfill, so a polyfill, or the tests' fake engine, installed before this script runs is the one used.
            webSpeechPonyfillFactory: speechRecognitionAvailable() ? window.WebChat.createBrowserWebSpeechPonyfillFactory() : undefined,
            store: window.WebChat.createStore({}, lengthGuard(typeof session.maxTextLength === 'number' ? session.maxTextLength : DEFAULT_MAX_TEXT_LENGTH)),
            userID: session.userId,
            locale: navigator.language || 'en-US',
            styleOptions: styleOptions()
        }, host);

        focusSendBox(host);
        showWholeChatOnShortScreens();
    }

    // On a short screen (see app.css) the chat is one screen tall and the header scrolls away: open with the chat
    // filling the screen, so the send box and the latest message are in view, and again when the screen becomes short
    // (zooming in, turning a phone).
    const shortScreen = window.matchMedia ? window.matchMedia('(max-height: 40rem)') : null;

    function showWholeChatOnShortScreens() {
        if (shortScreen && shortScreen.matches) {
            window.scrollTo({ top: window.scrollY + chatElement.getBoundingClientRect().top, behavior: 'instant' });
        }
    }

    if (shortScreen) {
        shortScreen.addEventListener('change', showWholeChatOnShortScreens);
    }

    function stop() {
        if (statusSubscription) {
            statusSubscription.unsubscribe();
            statusSubscription = null;
        }
        if (activitySubscription) {
            activitySubscription.unsubscribe();
            activitySubscription = null;
        }
        if (directLine) {
            try {
                directLine.end();
            } catch {
                // Already ended.
            }
            directLine = null;
        }
    }

    // A saved conversation the server no longer knows (forgotten on another device, deleted after 30 days of
    // silence) fails to reconnect: start a new one, once.
    function onResumeStatus(status) {
        if (restartedAfterFailedResume
            || (status !== ConnectionStatus.FailedToConnect && status !== ConnectionStatus.ExpiredToken)) {
            return;
        }
        restartedAfterFailedResume = true;
        window.setTimeout(function () {
            start(true);
        }, 0);
    }

    // At most once a minute, so a server that keeps refusing can't make the page spin.
    function reopen() {
        if (Date.now() - reopenedAt < 60000) {
            return;
        }
        reopenedAt = Date.now();
        window.setTimeout(function () {
            start(true);
        }, 0);
    }

    // ---- Voice ----

    function speechRecognitionAvailable() {
        return typeof window.SpeechRecognition === 'function' || typeof window.webkitSpeechRecognition === 'function';
    }

    // "Read aloud" under every reply of the bot, for people who find reading hard (eyelids that close on their own).
    function addReadAloudButtons() {
        if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') {
            return;
        }
        chatElement.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').forEach(function (bubble) {
            const content = bubble.querySelector('.webchat__text-content');
            if (!content || bubble.querySelector('.read-aloud')) {
                return;
            }
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'read-aloud link-button';
            button.textContent = 'Read aloud';
            button.addEventListener('click', function () {
                const words = (content.textContent || '').replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\[\d+\]/g, '').trim();
                window.speechSynthesis.cancel();
                window.speechSynthesis.speak(new window.SpeechSynthesisUtterance(words));
            });
            bubble.append(button);
        });
    }

    // ---- Long messages ----

    // The server refuses longer messages with an error Web Chat can only show as "Send failed": say it here, before
    // sending, and keep the text in the box so nothing typed is lost.
    function lengthGuard(maxLength) {
        const hint = document.getElementById('length-hint');
        return function (store) {
            return function (next) {
                return function (action) {
                    if (action.type === 'WEB_CHAT/SET_SEND_BOX') {
                        showLength(hint, (action.payload && action.payload.text || '').length, maxLength);
                    } else if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX') {
                        const length = (store.getState().sendBoxValue || '').length;
                        if (length > maxLength) {
                            showStatus([paragraph(['Your message is ' + length.toLocaleString() + ' characters long; I can read up to '
                                + maxLength.toLocaleString() + '. Please shorten it or send it in two parts: nothing has been sent, '
                                + 'and your text is still in the box.'])]);
                            return undefined;
                        }
                    }
                    return next(action);
                };
            };
        };
    }

    // Shown as the limit nears (past 80% of it), announced politely to screen readers.
    function showLength(hint, length, maxLength) {
        if (length < maxLength * 0.8) {
            hint.textContent = '';
            hint.classList.remove('is-over');
            return;
        }
        hint.textContent = length > maxLength
            ? length.toLocaleString() + ' of ' + maxLength.toLocaleString() + ' characters: too long to send'
            : length.toLocaleString() + ' of ' + maxLength.toLocaleString() + ' characters';
        hint.classList.toggle('is-over', length > maxLength);
    }

    // ---- What the bot tells the page (channelData.dystoniabot) ----

    function onActivity(activity) {
        const event = activity && activity.channelData && activity.channelData.dystoniabot;
        if (!event || typeof event.event !== 'string') {
            return;
        }
        const saved = readSaved() || {};
        if (event.event === 'emergency' && typeof activity.text === 'string') {
            markEmergency(activity.text);
        } else if (event.event === 'ticketSent' && saved.resume && !saved.linkShown) {
            saved.linkShown = true;
            writeSaved(saved);
            showComeBackLink(saved.resume);
        } else if ((event.event === 'staffAnswer' || event.event === 'questionClosed') && typeof activity.id === 'string') {
            const seen = Array.isArray(saved.seenAnswers) ? saved.seenAnswers : [];
            if (seen.indexOf(activity.id) < 0) {
                saved.seenAnswers = seen.concat([activity.id]).slice(-20);
                writeSaved(saved);
                const reference = typeof event.reference === 'string' ? ' ' + event.reference : '';
                showNotice(event.event === 'staffAnswer'
                    ? 'The health-line staff have answered your question' + reference + ': the answer is in the chat below.'
                    : 'The health-line staff have replied about your question' + reference + ': their message is in the chat below.');
            }
        }
    }

    // An emergency reply looks and is announced like an alert, not like every other bubble: Web Chat draws the
    // bubble a moment after the activity arrives, so the page finds it by its words when it appears.
    const emergencyTexts = [];

    function markEmergency(markdown) {
        // The words as Web Chat shows them: links by their text, Markdown's backslash escapes gone.
        const text = plainStart(markdown.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\\(.)/g, '$1'));
        if (emergencyTexts.indexOf(text) < 0) {
            emergencyTexts.push(text);
        }
        markEmergencyBubbles();
    }

    function plainStart(text) {
        // Web Chat puts zero-width spaces around links and curls apostrophes.
        return text.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, '\'').trim().slice(0, 40);
    }

    function markEmergencyBubbles() {
        document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user):not(.dystoniabot-emergency)').forEach(function (bubble) {
            const content = bubble.querySelector('.webchat__text-content');
            if (content && emergencyTexts.indexOf(plainStart(content.textContent || '')) >= 0) {
                bubble.classList.add('dystoniabot-emergency');
                content.setAttribute('role', 'alert');
            }
        });
    }

    new MutationObserver(function () {
        if (emergencyTexts.length > 0) {
            markEmergencyBubbles();
        }
        addReadAloudButtons();
        watchNewReplies();
    }).observe(chatElement, { childList: true, subtree: true });

    // ---- A new reply's first line in view ----

    // Web Chat stops scrolling at a new reply's first line (autoScrollSnapOnPage) only after something the visitor has
    // seen, such as their own question: a reply with nothing before it (the welcome, or a staff answer arriving in a
    // resumed conversation) is scrolled to its end, and on a short screen its start goes out of sight. Once Web Chat
    // has scrolled to the end and come to rest, the reply's first line is brought back into view; anything the visitor
    // does to the transcript in the meantime wins.
    let knownReplies = 0;
    let restWatch = null;

    function botReplies() {
        return Array.prototype.filter.call(chatElement.querySelectorAll('.webchat__basic-transcript__activity'), function (activity) {
            return activity.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)') !== null;
        });
    }

    function watchNewReplies() {
        const replies = botReplies();
        if (replies.length <= knownReplies) {
            knownReplies = replies.length; // a new conversation starts again from none
            return;
        }
        knownReplies = replies.length;
        const scroller = chatElement.querySelector('.webchat__basic-transcript__scrollable');
        if (scroller) {
            bringFirstLineIntoViewAtRest(scroller);
        }
    }

    function bringFirstLineIntoViewAtRest(scroller) {
        if (restWatch) {
            restWatch.cancel();
        }
        let lastTop = -1;
        let framesAtRest = 0;
        // Five seconds, by the clock: a slow phone draws fewer frames, and a busy one can't be left without the fix.
        const giveUpAt = window.performance.now() + 5000;
        let frame = 0;
        const visitorEvents = ['wheel', 'touchstart', 'pointerdown', 'keydown'];
        const watch = {
            cancel: function () {
                window.cancelAnimationFrame(frame);
                visitorEvents.forEach(function (type) {
                    scroller.removeEventListener(type, watch.cancel, true);
                });
                if (restWatch === watch) {
                    restWatch = null;
                }
            }
        };
        visitorEvents.forEach(function (type) {
            scroller.addEventListener(type, watch.cancel, { capture: true, passive: true });
        });
        restWatch = watch;

        // Once fixed, the watch stays two more seconds: on a busy device Web Chat's own scroll to the end can still be
        // under way when it gives up waiting, and would carry the reply's start out of view again.
        let keepUntil = 0;

        function bringBackFirstLine() {
            const replies = botReplies();
            const newest = replies[replies.length - 1];
            if (!newest) {
                return;
            }
            // Nothing hidden when Web Chat stopped at the reply itself or the visitor scrolled back up (their own
            // scrolling cancels this watch before it gets here). Web Chat scrolls a page at a time past what the visitor
            // has seen: on a very short transcript (400% zoom) a busy device can leave the reply's first line below the
            // view when it comes to rest, and that is brought up the same way.
            const offset = newest.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
            if (offset < 0 || offset > scroller.clientHeight - 16) {
                scroller.scrollTop += offset - 8;
            }
        }

        function step() {
            const now = window.performance.now();
            if (keepUntil > 0) {
                const atEndAgain = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
                if (atEndAgain) {
                    bringBackFirstLine();
                }
                if (now < keepUntil) {
                    frame = window.requestAnimationFrame(step);
                } else {
                    watch.cancel();
                }
                return;
            }
            const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
            framesAtRest = atEnd && scroller.scrollTop === lastTop ? framesAtRest + 1 : 0;
            lastTop = scroller.scrollTop;
            if (framesAtRest < 5 && now < giveUpAt) {
                frame = window.requestAnimationFrame(step);
                return;
            }
            bringBackFirstLine();
            keepUntil = now + 2000;
            frame = window.requestAnimationFrame(step);
        }
        frame = window.requestAnimationFrame(step);
    }

    // Shown once, when a question is sent: the way back from another device. The secret is in the link's fragment,
    // which browsers never send to a server.
    function showComeBackLink(resume) {
        const link = window.location.origin + '/#resume=' + encodeURIComponent(resume);
        const field = document.createElement('input');
        field.type = 'text';
        field.readOnly = true;
        field.value = link;
        field.id = 'comeback-link';
        field.className = 'comeback-link';
        const label = document.createElement('label');
        label.htmlFor = field.id;
        label.textContent = 'To read the answer on another device, open this link there. Keep it private: it opens this conversation. It is shown only once.';
        const copy = document.createElement('button');
        copy.type = 'button';
        copy.className = 'retry';
        copy.textContent = 'Copy the link';
        copy.addEventListener('click', function () {
            field.select();
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(link).then(function () {
                    copy.textContent = 'Copied';
                }, function () {
                    copy.textContent = 'Select the link and copy it';
                });
            } else {
                copy.textContent = 'Select the link and copy it';
            }
        });
        const panel = document.getElementById('comeback');
        panel.replaceChildren(label, field, copy);
        panel.hidden = false;
    }

    // ---- Forget this conversation ----

    function showForgetControl() {
        const tools = document.getElementById('chat-tools');
        const forget = document.createElement('button');
        forget.type = 'button';
        forget.className = 'link-button';
        forget.textContent = 'Forget this conversation';
        forget.addEventListener('click', function () {
            askToForget(tools);
        });
        tools.replaceChildren(forget);
    }

    function askToForget(tools) {
        const question = paragraph(['Forget this conversation? It is deleted from this browser and from our server, '
            + 'with any question you sent our staff: an answer that has not arrived yet will not reach you. This can\'t be undone.']);
        question.id = 'forget-question';
        const yes = document.createElement('button');
        yes.type = 'button';
        yes.className = 'retry';
        yes.textContent = 'Yes, forget it';
        const no = document.createElement('button');
        no.type = 'button';
        no.className = 'link-button';
        no.textContent = 'No, keep it';
        const group = document.createElement('div');
        group.setAttribute('role', 'group');
        group.setAttribute('aria-labelledby', question.id);
        group.append(question, yes, no);
        no.addEventListener('click', function () {
            showForgetControl();
            document.querySelector('#chat-tools button').focus();
        });
        yes.addEventListener('click', async function () {
            yes.disabled = true;
            const saved = readSaved();
            try {
                if (saved) {
                    const response = await fetch(FORGET_URL, {
                        method: 'POST',
                        headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ resume: saved.resume }),
                        credentials: 'same-origin',
                        cache: 'no-store'
                    });
                    if (!response.ok) {
                        throw new Error('HTTP ' + response.status);
                    }
                }
            } catch (error) {
                console.warn('DystoniaBot: forgetting the conversation failed', error);
                yes.disabled = false;
                showStatus([paragraph(['Sorry, the conversation could not be forgotten right now. Please try again in a moment.'])]);
                return;
            }
            forgetSaved();
            document.getElementById('comeback').hidden = true;
            showForgetControl();
            await start(false);
            showNotice('This conversation has been forgotten, here and on our server. This is a new one.');
        });
        tools.replaceChildren(group);
        yes.focus();
    }

    function focusSendBox(host) {
        const selector = '[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input';
        const found = host.querySelector(selector);
        if (found) {
            found.focus({ preventScroll: true });
            return;
        }
        const observer = new MutationObserver(function () {
            const input = host.querySelector(selector);
            if (input) {
                observer.disconnect();
                input.focus({ preventScroll: true });
            }
        });
        observer.observe(host, { childList: true, subtree: true });
        window.setTimeout(function () {
            observer.disconnect();
        }, 10000);
    }

    // ---- Messages on the page ----

    // Good news (an answer arrived, a conversation forgotten as asked) in the calm notice colours, not an alert's.
    function showNotice(text) {
        showStatus([paragraph([text])]);
        statusElement.classList.add('is-notice');
    }

    function showStatus(nodes) {
        statusElement.classList.remove('is-notice');
        statusElement.replaceChildren();
        if (nodes) {
            statusElement.append.apply(statusElement, nodes);
        }
    }

    function paragraph(parts) {
        const p = document.createElement('p');
        p.append.apply(p, parts);
        return p;
    }

    function code(text) {
        const element = document.createElement('code');
        element.textContent = text;
        return element;
    }

    function showTokenError(error) {
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'retry';
        retry.textContent = 'Try again';
        retry.addEventListener('click', function () {
            chatElement.replaceChildren(placeholder('Connecting…'));
            start(false);
        });

        chatElement.replaceChildren(placeholder('The chat is not available right now.'));
        showStatus([
            paragraph(['Sorry, the chat could not start: ' + error.message + '. Please try again in a moment.']),
            retry
        ]);
    }

    function showBundleMissing() {
        chatElement.classList.add('is-unavailable');
        chatElement.replaceChildren();
        showStatus([
            paragraph([
                'The chat client is not installed on this server: ',
                code(BUNDLE_PATH),
                ' is missing.'
            ]),
            paragraph([
                'Whoever runs this server can install Node.js (which includes npm) and build the project again; '
                + 'the build then downloads the Web Chat client.'
            ])
        ]);
    }

    // ---- The welcome before Web Chat has run ----

    // On a first visit the browser spends most of a second compiling and running Web Chat's bundle. A new
    // conversation's welcome can be read long before that: this starts the conversation as Web Chat would (the bot
    // writes its welcome into the log at once), reads it over Direct Line's REST API and shows its words where
    // "Loading the chat…" was. Web Chat then joins the same conversation and draws the same message. Anything that
    // fails here only means the welcome waits for Web Chat, as before.
    async function previewWelcome(pendingSession) {
        let result;
        try {
            result = await pendingSession;
        } catch {
            return; // start() shows why the chat could not start
        }
        if (result.resumed) {
            return; // a transcript is coming back, not a welcome
        }
        const session = result.session;
        const conversations = DIRECT_LINE_PATH + '/conversations';
        const headers = { Authorization: 'Bearer ' + session.token, Accept: 'application/json' };
        try {
            const started = await fetch(conversations, { method: 'POST', headers: headers, cache: 'no-store' });
            if (!started.ok) {
                return;
            }
            const log = await fetch(conversations + '/' + encodeURIComponent(session.conversationId) + '/activities',
                { headers: headers, cache: 'no-store' });
            if (!log.ok) {
                return;
            }
            const body = await log.json();
            const welcome = (Array.isArray(body.activities) ? body.activities : []).find(function (activity) {
                return activity && activity.type === 'message' && activity.from && activity.from.role === 'bot'
                    && typeof activity.text === 'string' && activity.text !== '';
            });
            const loading = document.getElementById('webchat-placeholder');
            if (welcome && loading && chatElement.contains(loading)) {
                chatElement.replaceChildren(welcomePreview(plainText(welcome.text)));
            }
        } catch (error) {
            console.warn('DystoniaBot: the welcome could not be read before the chat started', error);
        }
    }

    // The bot's first message as Web Chat will draw it: a bubble at the top of the chat. Not a live region: Web Chat
    // announces the same message when it draws it.
    function welcomePreview(text) {
        const preview = document.createElement('div');
        preview.className = 'welcome-preview';
        const bubble = document.createElement('p');
        bubble.className = 'welcome-preview-bubble';
        bubble.textContent = text;
        preview.append(bubble);
        return preview;
    }

    // A markdown message as plain text that reads as Web Chat will draw it: a link's label, emphasis without its
    // marks, a typographic apostrophe.
    function plainText(markdown) {
        return markdown
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
            .replace(/(\w)'(\w)/g, '$1\u2019$2');
    }

    // Over Web Chat (which needs a moment to connect and draw the log) until its first message from the bot is on
    // screen, then gone; hidden from screen readers at once, since Web Chat's transcript is the one they read.
    function keepPreviewUntilWebChatShowsItsFirstMessage(preview, host) {
        preview.classList.add('is-over-webchat');
        preview.setAttribute('aria-hidden', 'true');
        chatElement.append(preview);
        let removed = false;
        const remove = function () {
            if (!removed) {
                removed = true;
                observer.disconnect();
                preview.remove();
            }
        };
        const observer = new MutationObserver(function () {
            if (host.querySelector('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')) {
                // The next frame has Web Chat's bubble painted under the preview.
                requestAnimationFrame(function () {
                    requestAnimationFrame(remove);
                });
            }
        });
        observer.observe(host, { childList: true, subtree: true });
        setTimeout(remove, 10000); // never left over a chat that could not connect
    }

    function placeholder(text) {
        const p = document.createElement('p');
        p.className = 'webchat-placeholder';
        p.textContent = text;
        return p;
    }

    // ---- Sources in the footer (the Creative Commons licence asks for this credit) ----

    async function showSources() {
        const target = document.getElementById('attribution');
        let sources;
        try {
            const response = await fetch(SOURCES_URL, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
            if (!response.ok) {
                return; // the static credit in the page stays
            }
            sources = await response.json();
        } catch {
            return;
        }
        if (!Array.isArray(sources)) {
            return;
        }
        const items = sources.map(sourceItem).filter(Boolean);
        if (items.length === 0) {
            return;
        }

        const intro = document.createElement('p');
        intro.textContent = items.length === 1 ? 'Answers quote this article:' : 'Answers quote these articles:';
        const list = document.createElement('ul');
        list.className = 'sources';
        list.append.apply(list, items);
        target.replaceChildren(intro, list);
    }

    function sourceItem(source) {
        if (!source || typeof source.title !== 'string' || source.title === '') {
            return null;
        }
        const url = safeUrl(source.url);
        const item = document.createElement('li');

        const cite = document.createElement('cite');
        if (url) {
            const link = document.createElement('a');
            link.href = url.href;
            link.textContent = source.title;
            cite.append(link);
        } else {
            cite.textContent = source.title;
        }
        item.append(cite);

        const credit = [];
        if (typeof source.publisher === 'string' && source.publisher !== '') {
            credit.push(url ? source.publisher + ' (' + url.hostname.replace(/^www\./, '') + ')' : source.publisher);
        }
        if (typeof source.licence === 'string' && source.licence !== '') {
            credit.push(/licen[cs]e/i.test(source.licence) ? source.licence : source.licence + ' licence');
        }
        if (credit.length > 0) {
            item.append(' — ' + credit.join(', ') + '.');
        }
        return item;
    }

    function safeUrl(value) {
        if (typeof value !== 'string') {
            return null;
        }
        try {
            const url = new URL(value);
            return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
        } catch {
            return null;
        }
    }

    // ---- Start ----

    // This script runs before the Web Chat bundle (index.html loads it first, both deferred): the conversation's token
    // is asked for while the browser is still downloading and compiling the bundle, which on a first visit takes most
    // of the time before the welcome; the chat is drawn once the bundle has run (DOMContentLoaded follows the deferred
    // scripts).
    adoptResumeLink();
    const firstSession = obtainSession(true);
    firstSession.catch(function () {
        // Shown by start(), once the page is ready to show it.
    });
    previewWelcome(firstSession);
    showSources();

    function startWhenWebChatHasRun() {
        if (typeof window.WebChat === 'undefined' || typeof window.WebChat.renderWebChat !== 'function') {
            showBundleMissing();
            return;
        }
        showForgetControl();
        start(true, firstSession);
    }

    // A deferred script runs while the document is 'interactive', before DOMContentLoaded and the bundle after it.
    if (document.readyState === 'complete') {
        startWhenWebChatHasRun();
    } else {
        document.addEventListener('DOMContentLoaded', startWhenWebChatHasRun, { once: true });
    }
})();
