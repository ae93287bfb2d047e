/** Running the service: request ids for logs and errors, what /actuator/info shows, and the startup announcement. */
@NullMarked
package dev.connectiontoken.operations;

import org.jspecify.annotations.NullMarked;
