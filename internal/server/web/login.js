// login.js is the page /login: the form #login. Once logged in it goes
// to the page named by ?next=, else to the review desk for reviewers and
// the map for others.
import { isReviewer, login } from './api.js';
import { $, showError } from './dom.js';
import { navigate } from './router.js';

const view = $('#view-login');
const form = $('#login');
const errorEl = form.querySelector('.error');

// show shows the form.
export function show() {
  view.hidden = false;
  showError(errorEl, null);
  form.elements.name.focus();
}

// hide hides it.
export function hide() {
  view.hidden = true;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  showError(errorEl, null);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await login(form.elements.name.value.trim(), form.elements.password.value);
    form.reset();
    navigate(nextPage() || (isReviewer() ? '/review' : '/'));
  } catch (err) {
    showError(errorEl, err);
  } finally {
    button.disabled = false;
  }
});

// nextPage is the ?next= page when it is one of this site's, else null.
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  if (!next) return null;
  try {
    const u = new URL(next, location.href);
    return u.origin === location.origin ? u.pathname + u.search : null;
  } catch {
    return null;
  }
}
