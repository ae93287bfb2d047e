// Stand-ins for your app's own code, which the snippets call (type declarations only).

/** The app's credential (an API key or a JWT from your sign-in), read from the app's secure storage. */
declare const AppCredentials: { current(): Promise<string> };

/** The location the app picked from GET /locations (pick-location.ts), or none. */
declare const AppConfig: { locationId?: string };

/** Your point-of-sale screens (React Native). */
declare function Checkout(): React.JSX.Element;
