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
