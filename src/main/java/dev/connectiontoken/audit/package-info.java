/** One structured log line per token issued or refused. */
@NullMarked
package dev.connectiontoken.audit;

import org.jspecify.annotations.NullMarked;
