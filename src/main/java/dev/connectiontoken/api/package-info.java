/**
 * The service's shared vocabulary, below every feature: its HTTP paths and headers, the shapes of Stripe ids, the mode
 * its Stripe key sets, and how an API key is known (its SHA-256). It imports no other package of the service.
 */
@NullMarked
package dev.connectiontoken.api;

import org.jspecify.annotations.NullMarked;
