/** Who callers are and what they may do: configured clients and the location policy. */
@NullMarked
package dev.connectiontoken.client;

import org.jspecify.annotations.NullMarked;
