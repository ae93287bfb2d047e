/**
 * Running the service: request ids for logs and errors, what /actuator/info shows, the startup announcement, and spans
 * recorded only when an exporter takes them.
 */
@NullMarked
package dev.connectiontoken.operations;

import org.jspecify.annotations.NullMarked;
