/** The only code that talks to Stripe: the client, its configuration, offline mode and the error mapping. */
@NullMarked
package dev.connectiontoken.stripe;

import org.jspecify.annotations.NullMarked;
