// docs/snippets/backend.ts: what the TypeScript snippets share.
export const BACKEND = "https://your-backend.example.com";

export async function authorization(): Promise<string> {
  return `Bearer ${await AppCredentials.current()}`;
}

// Every error is a problem body (RFC 9457) whose error.message is meant for the app to show;
// Retry-After comes with 429 and 503.
export async function backendError(response: Response): Promise<Error> {
  const body = await response.json().catch(() => undefined);
  const message = body?.error?.message || `HTTP ${response.status}`;
  const retry = response.headers.get("Retry-After");
  return new Error(message + (retry ? ` (retry in ${retry} s)` : ""));
}
