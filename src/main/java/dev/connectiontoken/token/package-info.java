/** The {@code POST /connection_token} use case: reading the caller's parameters and answering with a token. */
@NullMarked
package dev.connectiontoken.token;

import org.jspecify.annotations.NullMarked;
