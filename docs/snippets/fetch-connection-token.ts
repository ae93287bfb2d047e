// docs/snippets/fetch-connection-token.ts: the JavaScript SDK (@stripe/terminal-js).
import { loadStripeTerminal } from "@stripe/terminal-js";
import { BACKEND, authorization, backendError } from "./backend";

export async function fetchConnectionToken(): Promise<string> {
  const response = await fetch(`${BACKEND}/connection_token`, {
    method: "POST",
    headers: { Authorization: await authorization() },
    body: new URLSearchParams(AppConfig.locationId ? { location: AppConfig.locationId } : {}),
  });
  if (!response.ok) throw await backendError(response);
  const { secret } = await response.json();
  return secret;
}

const StripeTerminal = await loadStripeTerminal();
if (!StripeTerminal) throw new Error("Stripe Terminal's script did not load");
export const terminal = StripeTerminal.create({
  onFetchConnectionToken: fetchConnectionToken,
  onUnexpectedReaderDisconnect: () => { /* tell the user, reconnect */ },
});
