// docs/snippets/react-native.tsx: the React Native SDK (@stripe/stripe-terminal-react-native).
import { useEffect } from "react";
import { StripeTerminalProvider, useStripeTerminal } from "@stripe/stripe-terminal-react-native";
import { BACKEND, authorization, backendError } from "./backend";

async function fetchTokenProvider(): Promise<string> {
  const response = await fetch(`${BACKEND}/connection_token`, {
    method: "POST",
    headers: { Authorization: await authorization(), "Content-Type": "application/json" },
    body: AppConfig.locationId ? JSON.stringify({ location: AppConfig.locationId }) : undefined,
  });
  if (!response.ok) throw await backendError(response);
  const { secret } = await response.json();
  return secret;
}

// The SDK requires initialize(), called from a component nested in the provider.
function PointOfSale() {
  const { initialize } = useStripeTerminal();
  useEffect(() => {
    initialize().then(({ error }) => {
      if (error) console.warn(`Stripe Terminal: ${error.message}`);
    });
  }, [initialize]);
  return <Checkout />;
}

export const App = () => (
  <StripeTerminalProvider logLevel="verbose" tokenProvider={fetchTokenProvider}>
    <PointOfSale />
  </StripeTerminalProvider>
);
