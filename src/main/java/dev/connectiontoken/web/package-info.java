/**
 * What every endpoint shares on the wire: RFC 9457 problem details with a Stripe-style {@code error} member, request
 * ids, the OpenAPI description, and the few operational touches (startup line, info, tracing without an exporter).
 */
@NullMarked
package dev.connectiontoken.web;

import org.jspecify.annotations.NullMarked;
