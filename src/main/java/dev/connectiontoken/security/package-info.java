/** API-key and JWT authentication on Spring Security, CORS, and the secure-by-default startup rules. */
@NullMarked
package dev.connectiontoken.security;

import org.jspecify.annotations.NullMarked;
