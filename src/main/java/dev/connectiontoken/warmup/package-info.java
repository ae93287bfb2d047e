/**
 * Warm-up before readiness: an in-process copy of the service, driven against a loopback Stripe stand-in, so that the
 * JIT has compiled the request path before the first real caller arrives.
 */
@NullMarked
package dev.connectiontoken.warmup;

import org.jspecify.annotations.NullMarked;
