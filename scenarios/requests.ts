// The request builders the built-in scenarios share; each scenario only sets the mix.
import type { RequestDefinition } from './define.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CHF'] as const;

export const getUser = (weight: number): RequestDefinition => ({
  name: 'GET /users/:id',
  weight,
  request: (ctx) => ({ method: 'GET', path: `/users/${ctx.userId()}` }),
});

// Authenticated requests act as a seeded user on that user's own data (the targets answer 403
// or 404 otherwise): actor() and ownedInvoice() hand out an id with its owner's token.

export const listInvoices = (weight: number): RequestDefinition => ({
  name: 'GET /users/:id/invoices',
  weight,
  request: (ctx) => {
    const { userId, authorization } = ctx.actor();
    return { method: 'GET', path: `/users/${userId}/invoices?limit=10`, headers: { authorization } };
  },
});

export const createUser = (weight: number): RequestDefinition => ({
  name: 'POST /users',
  weight,
  expect: [201],
  request: (ctx) => {
    const id = ctx.unique();
    // The hashing of this password is part of what a sign-up costs (a target setting: scrypt N).
    return { method: 'POST', path: '/users', body: { name: `Load ${id}`, email: `load-${id}@example.test`, password: `load-password-${id}` } };
  },
});

export const createInvoice = (weight: number): RequestDefinition => ({
  name: 'POST /invoices',
  weight,
  expect: [201],
  request: (ctx) => {
    const { userId, authorization } = ctx.actor();
    return {
      method: 'POST',
      path: '/invoices',
      headers: { authorization },
      body: {
        userId,
        amountCents: 100 + Math.floor(ctx.random() * 100_000),
        currency: CURRENCIES[Math.floor(ctx.random() * CURRENCIES.length)],
      },
    };
  },
});

export const payInvoice = (weight: number): RequestDefinition => ({
  name: 'POST /invoices/:id/pay',
  weight,
  request: (ctx) => {
    const { invoiceId, authorization } = ctx.ownedInvoice();
    return { method: 'POST', path: `/invoices/${invoiceId}/pay`, headers: { authorization } };
  },
});
