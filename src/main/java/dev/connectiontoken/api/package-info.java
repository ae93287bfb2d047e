/**
 * The service's shared vocabulary, below every feature: its HTTP paths and headers, the shapes of Stripe ids, and the
 * mode its Stripe key sets. It imports no other package of the service.
 */
@NullMarked
package dev.connectiontoken.api;

import org.jspecify.annotations.NullMarked;
