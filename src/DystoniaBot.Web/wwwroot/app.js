// DystoniaBot's page: gets a Direct Line token from the host, renders the official Web Chat client with it and
// fills the footer with the sources of the knowledge base. A classic script (not a module) so that the page also
// opens from a file; the server's Content-Security-Policy allows scripts from its own origin only.
(function () {
    'use strict';

    const STORAGE_KEY = 'dystoniabot.directline';
    const TOKEN_URL = '/api/directline/token';
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

    const statusElement = document.getElementById('status');
    const chatElement = document.getElementById('webchat');

    // ---- Direct Line session: {token, conversationId, userId} kept for this tab in sessionStorage ----

    function readSession() {
        try {
            const saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
            return isSession(saved) ? saved : null;
        } catch {
            return null; // storage disabled or unreadable: start a new conversation
        }
    }

    function saveSession(session) {
        try {
            window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
                token: session.token,
                conversationId: session.conversationId,
                userId: session.userId
            }));
        } catch {
            // Storage disabled or full: the chat works, a reload starts a new conversation.
        }
    }

    function forgetSession() {
        try {
            window.sessionStorage.removeItem(STORAGE_KEY);
        } catch {
            // Nothing to forget.
        }
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

    // POST /api/directline/token: {} for a new conversation, {token} to refresh the token of a saved one.
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
        return { token: session.token, conversationId: session.conversationId, userId: session.userId };
    }

    // The saved conversation if its token can still be refreshed (403 once it expired), else a new one.
    async function obtainSession(allowResume) {
        const saved = allowResume ? readSession() : null;
        if (saved) {
            try {
                const refreshed = await requestToken({ token: saved.token });
                saveSession(refreshed);
                return { session: refreshed, resumed: refreshed.conversationId === saved.conversationId };
            } catch {
                forgetSession(); // expired, invalid or failed: start afresh
            }
        }
        const session = await requestToken({});
        saveSession(session);
        return { session: session, resumed: false };
    }

    // ---- Web Chat ----

    let directLine = null;
    let statusSubscription = null;
    let restartedAfterFailedResume = false;

    async function start(allowResume) {
        showStatus(null);
        let result;
        try {
            result = await obtainSession(allowResume);
        } catch (error) {
            showTokenError(error);
            return;
        }
        render(result.session, result.resumed);
    }

    function render(session, resumed) {
        stop();

        const options = {
            token: session.token,
            domain: window.location.origin + '/v3/directline',
            webSocket: new URLSearchParams(window.location.search).get('transport') !== 'polling'
        };
        if (resumed) {
            // Reconnects to the same conversation (GET /conversations/{id}?watermark=) instead of starting one.
            options.conversationId = session.conversationId;
        }
        directLine = window.WebChat.createDirectLine(options);
        window.dystoniaBot = { directLine: directLine };

        let wasOnline = false;
        statusSubscription = directLine.connectionStatus$.subscribe({
            next: function (status) {
                wasOnline = wasOnline || status === ConnectionStatus.Online;
                if (resumed && !wasOnline) {
                    onResumeStatus(status);
                }
            },
            error: function () {
                // Web Chat shows the connection state itself.
            }
        });

        // A fresh element for each conversation: Web Chat keeps its state in the element it rendered into.
        const host = document.createElement('div');
        host.className = 'webchat-host';
        chatElement.replaceChildren(host);

        window.WebChat.renderWebChat({
            directLine: directLine,
            userID: session.userId,
            locale: navigator.language || 'en-US',
            styleOptions: STYLE_OPTIONS
        }, host);

        focusSendBox(host);
    }

    function stop() {
        if (statusSubscription) {
            statusSubscription.unsubscribe();
            statusSubscription = null;
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

    // A saved conversation the server no longer knows (it restarted, say) fails to reconnect: start a new one, once.
    function onResumeStatus(status) {
        if (restartedAfterFailedResume
            || (status !== ConnectionStatus.FailedToConnect && status !== ConnectionStatus.ExpiredToken)) {
            return;
        }
        restartedAfterFailedResume = true;
        forgetSession();
        window.setTimeout(function () {
            start(false);
        }, 0);
    }

    // Direct Line JS refreshes its token every 15 minutes: keep the newest one for a reload.
    function rememberCurrentToken() {
        if (!directLine || typeof directLine.token !== 'string' || directLine.token === '') {
            return;
        }
        const saved = readSession();
        if (saved && saved.token !== directLine.token) {
            saved.token = directLine.token;
            saveSession(saved);
        }
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

    function showStatus(nodes) {
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

    showSources();

    if (typeof window.WebChat === 'undefined' || typeof window.WebChat.renderWebChat !== 'function') {
        showBundleMissing();
        return;
    }

    window.addEventListener('pagehide', rememberCurrentToken);
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') {
            rememberCurrentToken();
        }
    });

    start(true);
})();
