/** Wiring with no feature home, such as the OpenAPI description. */
@NullMarked
package dev.connectiontoken.config;

import org.jspecify.annotations.NullMarked;
