/** RFC 9457 problem details with a Stripe-style {@code error} member, shared by every error path. */
@NullMarked
package dev.connectiontoken.error;

import org.jspecify.annotations.NullMarked;
