// The web chat API, relative to the page (<basePath>/api/...).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function apiUrl(path, query) {
  const url = new URL(`api/${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) url.searchParams.set(name, value);
  return url;
}

async function request(url, init) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error ?? 'HTTP', body?.message ?? response.statusText);
  return body;
}

export function getJson(path, query) {
  return request(apiUrl(path, query), { headers: { Accept: 'application/json' } });
}

export function postJson(path, body) {
  return request(apiUrl(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The live stream of a person's conversation. */
export function openStream(personId) {
  return new EventSource(apiUrl(`people/${encodeURIComponent(personId)}/stream`));
}
