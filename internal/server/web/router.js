// router.js moves between the UI's pages without reloading: the address
// bar holds the page and its filters, so back, forward and reload work.

let render = () => {};

// setRenderer sets the function that shows the page of the address bar.
export function setRenderer(fn) {
  render = fn;
}

// navigate shows url, adding it to the history (or replacing the current
// entry when replace is set).
export function navigate(url, { replace = false } = {}) {
  const target = new URL(url, location.href);
  if (target.href === location.href && !replace) {
    render();
    return;
  }
  const page = target.pathname !== location.pathname;
  history[replace ? 'replaceState' : 'pushState'](null, '', target.pathname + target.search + target.hash);
  render();
  if (page) window.scrollTo(0, 0);
}

// incidentURL is the page of incident id.
export const incidentURL = id => '/incidents/' + encodeURIComponent(id);
