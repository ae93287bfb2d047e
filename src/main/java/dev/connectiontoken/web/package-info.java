/** What every endpoint shares on the wire: problem details, request ids, the OpenAPI description, tracing. */
@NullMarked
package dev.connectiontoken.web;

import org.jspecify.annotations.NullMarked;
