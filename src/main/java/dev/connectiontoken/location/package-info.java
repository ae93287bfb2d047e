/** The {@code GET /locations} use case: the Terminal locations a caller may scope its tokens to. */
@NullMarked
package dev.connectiontoken.location;

import org.jspecify.annotations.NullMarked;
