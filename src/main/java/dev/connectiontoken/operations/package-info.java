/** Running the service: request ids for logs and errors, and what /actuator/info shows. */
@NullMarked
package dev.connectiontoken.operations;

import org.jspecify.annotations.NullMarked;
