/* Calls to Beacon's HTTP API with the session cookie; errors are RFC 9457 problem details. */

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

const meta = (name) => {
  const node = document.querySelector('meta[name="' + name + '"]');
  return node ? node.content : null;
};

/** fetch with the session cookie; changes carry the CSRF token from the page's meta tag. */
export async function api(method, path, body, signal) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') headers[meta('_csrf_header') || 'X-CSRF-TOKEN'] = meta('_csrf');
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: method, headers: headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body), signal: signal
  });
  if (response.status === 401) { window.location.assign('/login'); throw new ApiError(401, null); }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** What a refusal says to its reader: each offending field with its reason, else the detail, else the title. */
export function problemText(error) {
  const problem = error && error.problem;
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map((e) => (e.field ? e.field + ': ' : '') + (e.message || e.reason || '')).join('; ');
  }
  return (error && error.message) || String(error);
}
