/**
 * The search page's results: Pagefind's own JS API (pagefind.js, loaded from this site on the first
 * search), rendered by us, so no UI bundle and no other origin. The page works without it (it says so).
 */
interface Result {
  url: string;
  excerpt: string;
  meta: { title?: string; period?: string };
}
interface Pagefind {
  options(o: object): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<Result> }[] }>;
}

export async function initSearch(doc = document): Promise<void> {
  const input = doc.querySelector<HTMLInputElement>('#search-q');
  const list = doc.querySelector<HTMLOListElement>('#search-results');
  const status = doc.querySelector<HTMLElement>('#search-status');
  const q = new URLSearchParams(location.search).get('q')?.trim();
  if (!input || !list || !status || !q) return;
  input.value = q;
  status.textContent = 'Searching…';
  // A path in a variable, so the bundler leaves the import to the browser.
  const url = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ url).catch(() => undefined)) as Pagefind | undefined;
  // No index (the dev server builds none) or no network: say so; the lists below the box still lead everywhere.
  if (!pagefind) return void (status.textContent = 'Search could not load.');
  await pagefind.options({ excerptLength: 24 });
  const found = await Promise.all((await pagefind.search(q)).results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(
    ...found.map((r) => {
      const li = doc.createElement('li');
      li.className = 'teaser';
      const h = li.appendChild(doc.createElement('h2'));
      h.className = 'teaser-title';
      const a = h.appendChild(doc.createElement('a'));
      a.href = r.url;
      a.textContent = r.meta.title ?? r.url;
      if (r.meta.period) li.appendChild(doc.createElement('p')).append(Object.assign(doc.createElement('strong'), { textContent: 'Covers' }), ` ${r.meta.period}`);
      const p = li.appendChild(doc.createElement('p'));
      // Pagefind escapes the page's text and marks the words found with <mark>.
      p.innerHTML = `${r.excerpt}…`;
      p.className = 'teaser-dek';
      return li;
    }),
  );
  status.textContent = found.length ? `${found.length === 1 ? '1 explainer' : `${found.length} explainers`} for “${q}”` : `No explainer matches “${q}”.`;
}
