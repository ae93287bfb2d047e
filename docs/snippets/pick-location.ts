// docs/snippets/pick-location.ts: list the caller's locations (GET /locations) and keep one.
import { BACKEND, authorization, backendError } from "./backend";

interface TerminalLocation {
  id: string;
  display_name: string;
  default: boolean;
}

export async function pickLocation(): Promise<void> {
  const response = await fetch(`${BACKEND}/locations`, { headers: { Authorization: await authorization() } });
  if (!response.ok) throw await backendError(response);
  const { data }: { data: TerminalLocation[] } = await response.json();
  // Let the user pick; here, the caller's default location, else the first.
  AppConfig.locationId = (data.find((location) => location.default) ?? data[0])?.id;
}
