// "Copy answer with attribution": copies the readonly textarea named by the button's data-copy attribute.
// A file of its own so the console's Content-Security-Policy can forbid inline script.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }

  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copied');
  try {
    await navigator.clipboard.writeText(source.value);
    if (status) status.textContent = 'Copied.';
  } catch {
    // The clipboard needs a secure context; selecting the text lets the user copy it with the keyboard instead.
    source.focus();
    source.select();
    if (status) status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

// The ticket page's delivery line: while an answer (or a closing message) is on its way, ask the page where it stands
// and rewrite the line when that changes, so staff see "Sent to the user's chat ✓" without reloading. The line is a
// polite live region: screen readers announce the change. Pauses grow from 2 s to 30 s; it stops once delivered.
(() => {
  const status = document.querySelector('[data-delivery-poll]');
  if (!status) {
    return;
  }

  const url = status.dataset.deliveryPoll;
  let pause = 2000;
  const ask = async () => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) {
        const state = await response.json();
        if (status.textContent !== state.text) {
          status.textContent = state.text;
        }
        status.classList.toggle('delivered', state.delivery === 'delivered');
        status.classList.toggle('failed', state.delivery === 'pending' && state.failed === true);
        if (state.delivery !== 'pending') {
          return;
        }
      }
    } catch {
      // Offline for a moment, or signed out: try again later; the page still shows the last known state.
    }

    pause = Math.min(pause * 1.5, 30000);
    window.setTimeout(ask, pause);
  };
  window.setTimeout(ask, pause);
})();
