// The feed's buttons without a page reload: each form posts in the background and the
// item changes in place ("Not relevant" takes it out, so the next one moves up). The
// forms work without this script: the server then redirects back to the feed.
(function () {
  'use strict';
  const label = { saved: 'Saved · Unsave', unsave: 'Save', liked: 'More like this ✓' };

  async function submit(event) {
    const form = event.target;
    if (!form.matches('.feed-actions form')) return;
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    const mark = form.elements.mark.value;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const item = form.closest('.feed-item');
      if (mark === 'dismissed') {
        item.remove();
        return;
      }
      button.textContent = label[mark];
      if (mark === 'saved' || mark === 'unsave') form.elements.mark.value = mark === 'saved' ? 'unsave' : 'saved';
      if (mark !== 'liked') button.disabled = false;
    } catch (err) {
      button.disabled = false;
      form.submit();  // fall back to the plain form
    }
  }

  document.addEventListener('submit', submit);
})();
