// The Node peer: the Express + stripe-node backend from Stripe's Terminal docs ("create a connection token"),
// pointed at the benchmark's Stripe stand-in through STRIPE_API_BASE. Kept to the docs' shape on purpose.
const express = require('express');
const Stripe = require('stripe');

const base = new URL(process.env.STRIPE_API_BASE || 'https://api.stripe.com');
const stripe = Stripe(process.env.STRIPE_SECRET_KEY, {
  host: base.hostname,
  port: base.port || 443,
  protocol: base.protocol.replace(':', ''),
});

const app = express();

app.post('/connection_token', async (req, res) => {
  const connectionToken = await stripe.terminal.connectionTokens.create();
  res.json({secret: connectionToken.secret});
});

app.listen(Number(process.env.PORT || 4242));
