/** Per-client and per-IP throttling with Bucket4j, in memory or shared through Redis. */
@NullMarked
package dev.connectiontoken.ratelimit;

import org.jspecify.annotations.NullMarked;
