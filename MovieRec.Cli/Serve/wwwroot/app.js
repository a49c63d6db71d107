'use strict';
// MovieRec's page: four tabs over the JSON API of `movierec serve`. No build step, no CDN: plotly.js comes from the app.

const $ = (id) => document.getElementById(id);
const state = { summaryLoaded: false, modelsLoaded: false, usersLoaded: false, visitor: [] };

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
  return body;
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value; else if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function showError(id, error) {
  const node = $(id);
  node.textContent = error ? String(error.message || error) : '';
  node.hidden = !error;
}

const layout = (title, extra = {}) => ({ title: { text: title, font: { size: 15 } }, margin: { t: 40, r: 10, b: 60, l: 60 }, autosize: true, ...extra });

function chart(id, traces, title, extra) {
  const node = $(id);
  return Plotly.newPlot(node, traces, layout(title, extra), { responsive: true, displaylogo: false }).then(() => node.setAttribute('data-drawn', 'true'));
}

function poster(card) {
  const text = `${card.title}`;
  const placeholder = () => el('div', { class: 'poster placeholder', text, 'data-placeholder': 'true' });
  if (!card.posterUrl) return placeholder();
  const img = el('img', { class: 'poster', src: card.posterUrl, alt: `Poster of ${card.title}`, loading: 'lazy' });
  img.addEventListener('error', () => img.replaceWith(placeholder()));
  return img;
}

function movieCard(item, scoreLabel, scoreValue, reason) {
  const body = el('div', { class: 'body' }, [
    el('span', { class: 'title', text: `${item.rank ? item.rank + '. ' : ''}${item.title}` }),
    el('span', { class: 'meta', text: `${item.year || ''} · ${(item.genres || []).join(', ')}` }),
  ]);
  if (scoreLabel) body.append(el('span', { class: 'score', text: `${scoreLabel} ${Number(scoreValue).toFixed(3)}` }));
  if (reason) body.append(el('span', { class: 'reason', text: reason }));
  const card = el('div', { class: 'card', 'data-movie-id': String(item.movieId) }, [poster(item), body]);
  return card;
}

function table(rows) {
  if (!rows.length) return el('p', { class: 'muted', text: 'nothing to show' });
  const columns = Object.keys(rows[0]);
  const format = (v) => typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v === null ? '–' : String(v);
  return el('table', {}, [
    el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { text: c })))]),
    el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', { text: format(r[c]) }))))),
  ]);
}

// ----- tabs -----
function selectTab(name) {
  for (const button of document.querySelectorAll('nav button')) button.setAttribute('aria-selected', String(button.dataset.tab === name));
  for (const section of document.querySelectorAll('.tab')) section.hidden = section.id !== `tab-${name}`;
  if (name === 'data') loadSummary();
  if (name === 'models') loadModels();
  if (name === 'recommend') loadUsers();
  window.dispatchEvent(new Event('resize'));
}
for (const button of document.querySelectorAll('nav button')) button.addEventListener('click', () => selectTab(button.dataset.tab));

// ----- data & EDA -----
async function loadSummary() {
  if (state.summaryLoaded) return;
  state.summaryLoaded = true;
  const s = await api('/api/summary');
  $('dataset').textContent = `${s.dataset} · ${s.ratings.toLocaleString('en')} ratings`;
  const stats = [['ratings', s.ratings.toLocaleString('en')], ['users', s.users.toLocaleString('en')], ['movies', s.movies.toLocaleString('en')],
    ['rated movies', s.ratedMovies.toLocaleString('en')], ['mean rating', s.meanRating.toFixed(2)], ['density', (100 * s.density).toFixed(2) + '%'],
    ['first rating', s.firstRating || '–'], ['last rating', s.lastRating || '–']];
  $('stats').replaceChildren(...stats.map(([label, value]) => el('div', { class: 'stat' }, [el('b', { text: value }), el('span', { text: label })])));
  const genres = s.genres.slice(0, 20);
  await Promise.all([
    chart('chart-ratings', [{ type: 'bar', x: s.ratingHistogram.map((r) => r.rating), y: s.ratingHistogram.map((r) => r.count), marker: { color: '#2f6fde' } }],
      'Rating distribution', { xaxis: { title: { text: 'stars' } }, yaxis: { title: { text: 'ratings' } } }),
    chart('chart-genres', [{ type: 'bar', x: genres.map((g) => g.genre), y: genres.map((g) => g.ratings), marker: { color: '#e07a1f' } }],
      'Ratings per genre', { yaxis: { title: { text: 'ratings' } } }),
    chart('chart-years', [{ type: 'scatter', mode: 'lines+markers', x: s.ratingsPerYear.map((r) => r.year), y: s.ratingsPerYear.map((r) => r.ratings) }],
      'Ratings per year', { yaxis: { title: { text: 'ratings' } } }),
    chart('chart-users', [{ type: 'bar', x: s.ratingsPerUser.map((r) => r.label), y: s.ratingsPerUser.map((r) => r.users), marker: { color: '#3a9d5d' } }],
      'Users by number of ratings', { xaxis: { title: { text: 'ratings per user' } }, yaxis: { title: { text: 'users' } } }),
  ]);
}

// ----- models -----
async function loadModels() {
  if (state.modelsLoaded) return;
  state.modelsLoaded = true;
  const m = await api('/api/models');
  const hybrid = m.hybridSelection;
  await Promise.all([
    chart('chart-classifiers', [
      { type: 'bar', name: 'ROC-AUC', x: m.classifierSelection.map((c) => c.candidate), y: m.classifierSelection.map((c) => c.validationAuc) },
      { type: 'bar', name: 'average precision', x: m.classifierSelection.map((c) => c.candidate), y: m.classifierSelection.map((c) => c.validationAveragePrecision) },
    ], 'Like classifiers on validation', { barmode: 'group', yaxis: { range: [0, 1] } }),
    chart('chart-hybrid', [{ type: 'bar', x: hybrid.map((h) => h.component), y: hybrid.map((h) => h.validationNdcg), marker: { color: '#7b4fd6' } }],
      'Hybrid: NDCG@10 of held-out likes on validation', { yaxis: { title: { text: 'NDCG@10' } } }),
  ]);
  const experiment = m.experiment;
  $('experiment').hidden = !experiment;
  $('no-experiment').hidden = !!experiment;
  if (experiment) {
    const test = experiment.metrics.filter((r) => r.split === 'test');
    const searches = [...new Set(test.map((r) => r.search))];
    const grouped = (metric) => searches.map((search) => {
      const rows = test.filter((r) => r.search === search);
      return { type: 'bar', name: search, x: rows.map((r) => r.model), y: rows.map((r) => r[metric]) };
    });
    await Promise.all([
      chart('chart-experiment', grouped('f1'), 'Test F1: baseline vs tuned', { barmode: 'group', yaxis: { range: [0, 1] } }),
      chart('chart-experiment-auc', grouped('rocAuc'), 'Test ROC-AUC: baseline vs tuned', { barmode: 'group', yaxis: { range: [0, 1] } }),
    ]);
    $('table-experiment').replaceChildren(table(test.map(({ model, search, accuracy, precision, recall, f1, rocAuc, prAuc, seconds }) => ({ model, search, accuracy, precision, recall, f1, rocAuc, prAuc, seconds }))));
    $('table-parameters').replaceChildren(table(experiment.bestParameters));
  }
  $('table-classifiers').replaceChildren(table(m.classifierSelection));
  $('table-hybrid').replaceChildren(table(hybrid));
  $('models-facts').textContent = `The ML engine uses ${m.classifier}; ${m.features} features; PureSVD with ${m.svdFactors} factors; seed ${m.seed}; hybrid weights learned on ${m.hybridValidationUsers} validation users.`;
}

// ----- recommendations -----
async function loadUsers() {
  if (state.usersLoaded) return;
  state.usersLoaded = true;
  const [users, summary] = await Promise.all([api('/api/users'), api('/api/summary')]);
  $('user').replaceChildren(...users.map((u) => el('option', { value: String(u.userId), text: `user ${u.userId} (${u.ratings} ratings)` })));
  $('genre').append(...summary.genres.map((g) => el('option', { value: g.genre, text: g.genre })));
  await recommend();
}

async function recommend() {
  showError('rec-error', null);
  const user = $('user').value;
  const params = new URLSearchParams({ engine: $('engine').value, n: $('count').value || '10' });
  if ($('genre').value) params.set('genres', $('genre').value);
  if ($('min-year').value) params.set('minYear', $('min-year').value);
  if ($('max-year').value) params.set('maxYear', $('max-year').value);
  if ($('min-ratings').value) params.set('minRatings', $('min-ratings').value);
  try {
    const [profile, list] = await Promise.all([api(`/api/users/${user}/profile`), api(`/api/users/${user}/recommendations?${params}`)]);
    renderProfile(profile);
    $('rec-title').textContent = `Recommendations for user ${user} · ${list.engine}`;
    $('rec-cards').replaceChildren(...list.items.map((r) => movieCard(r, 'score', r.score, r.reason)));
    if (!list.items.length) $('rec-cards').replaceChildren(el('p', { class: 'muted', text: 'No movie passes these filters.' }));
  } catch (error) {
    showError('rec-error', error);
  }
}

function renderProfile(p) {
  const facts = [['ratings', p.ratings], ['mean', p.mean.toFixed(2)], ['behaviour', p.behaviour], ['like ratio', p.likeRatio === null ? '–' : p.likeRatio.toFixed(2)],
    ['top genres', p.topGenres.join(', ') || '–'], ['top actors', p.topActors.join(', ') || '–'], ['top directors', p.topDirectors.join(', ') || '–'],
    ['favourite decades', p.favouriteDecades.map((d) => `${d}s`).join(', ') || '–']];
  $('profile').replaceChildren(...facts.map(([label, value]) => el('div', { class: 'stat' }, [el('b', { text: String(value) }), el('span', { text: label })])));
  const dist = p.ratingDistribution;
  const taste = p.genreTaste.slice().sort((a, b) => a.likeRatio - b.likeRatio);
  chart('chart-profile-ratings', [{ type: 'bar', x: dist.map((r) => r.rating), y: dist.map((r) => r.count), marker: { color: '#2f6fde' } }],
    `Ratings given by user ${p.userId}`, { xaxis: { title: { text: 'stars' } } });
  chart('chart-profile-genres', [{ type: 'bar', orientation: 'h', y: taste.map((g) => g.genre), x: taste.map((g) => g.likeRatio), marker: { color: '#e07a1f' } }],
    'Genre taste (like ratio)', { margin: { t: 40, r: 10, b: 40, l: 110 }, xaxis: { range: [0, 1] } });
}

$('rec-form').addEventListener('submit', (event) => { event.preventDefault(); recommend(); });
$('user').addEventListener('change', recommend);
$('engine').addEventListener('change', recommend);

// ----- suggestions (search as you type) -----
function suggest(input, list) {
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const movies = await api(`/api/movies?q=${encodeURIComponent(q)}&limit=8`).catch(() => []);
      list.replaceChildren(...movies.map((m) => el('option', { value: m.title, 'data-movie-id': String(m.movieId) })));
      input.dataset.suggestions = JSON.stringify(movies);
    }, 120);
  });
}

async function resolveMovie(input) {
  const q = input.value.trim();
  if (!q) throw new Error('Type a title first.');
  const movies = await api(`/api/movies?q=${encodeURIComponent(q)}&limit=1`);
  if (!movies.length) throw new Error(`No movie matches '${q}'.`);
  return movies[0];
}

// ----- a new visitor -----
suggest($('visitor-search'), $('visitor-suggestions'));
$('visitor-add').addEventListener('click', async () => {
  showError('visitor-error', null);
  try {
    const movie = await resolveMovie($('visitor-search'));
    state.visitor = state.visitor.filter((r) => r.movieId !== movie.movieId);
    state.visitor.push({ movieId: movie.movieId, rating: Number($('visitor-stars').value), title: movie.title });
    $('visitor-list').replaceChildren(...state.visitor.map((r) => el('li', { text: `${r.title}: ${r.rating} stars` })));
    $('visitor-search').value = '';
  } catch (error) {
    showError('visitor-error', error);
  }
});
$('visitor-go').addEventListener('click', async () => {
  showError('visitor-error', null);
  try {
    const list = await api('/api/recommendations/new-user', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ratings: state.visitor.map(({ movieId, rating }) => ({ movieId, rating })), n: 10 }),
    });
    $('visitor-cards').replaceChildren(...list.items.map((r) => movieCard(r, 'score', r.score, r.reason)));
  } catch (error) {
    showError('visitor-error', error);
  }
});

// ----- similar movies -----
suggest($('similar-search'), $('similar-suggestions'));
async function showSimilar() {
  showError('similar-error', null);
  try {
    const found = await resolveMovie($('similar-search'));
    const [movie, neighbours] = await Promise.all([api(`/api/movies/${found.movieId}`), api(`/api/movies/${found.movieId}/similar?n=12`)]);
    const facts = el('div', {}, [
      el('h2', { text: movie.title }),
      el('p', { class: 'meta', text: `${movie.year || ''} · ${movie.genres.join(', ')} · ${movie.ratings} ratings${movie.meanRating ? `, mean ${movie.meanRating.toFixed(2)}` : ''}` }),
      el('p', { text: movie.overview || 'No overview in the metadata.' }),
      el('p', { text: `Cast: ${movie.actors.join(', ') || '–'}` }),
      el('p', { text: `Director: ${movie.directors.join(', ') || '–'}` }),
    ]);
    $('movie').replaceChildren(poster(movie), facts);
    $('similar-title').hidden = false;
    $('similar-cards').replaceChildren(...neighbours.map((n) => movieCard(n, 'similarity', n.similarity,
      n.sharedGenres.length ? `shares ${n.sharedGenres.join(', ')}` : 'no shared genre')));
  } catch (error) {
    showError('similar-error', error);
  }
}
$('similar-go').addEventListener('click', showSimilar);
$('similar-search').addEventListener('keydown', (event) => { if (event.key === 'Enter') showSimilar(); });

selectTab('data');
