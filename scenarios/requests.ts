// The request builders the built-in scenarios share; each scenario only sets the mix.
import type { RequestDefinition } from './define.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CHF'] as const;

export const getUser = (weight: number): RequestDefinition => ({
  name: 'GET /users/:id',
  weight,
  request: (ctx) => ({ method: 'GET', path: `/users/${ctx.userId()}` }),
});

export const listInvoices = (weight: number): RequestDefinition => ({
  name: 'GET /users/:id/invoices',
  weight,
  request: (ctx) => ({
    method: 'GET',
    path: `/users/${ctx.userId()}/invoices?limit=10`,
    headers: { authorization: ctx.authorization },
  }),
});

export const createUser = (weight: number): RequestDefinition => ({
  name: 'POST /users',
  weight,
  expect: [201],
  request: (ctx) => {
    const id = ctx.unique();
    return { method: 'POST', path: '/users', body: { name: `Load ${id}`, email: `load-${id}@example.test` } };
  },
});

export const createInvoice = (weight: number): RequestDefinition => ({
  name: 'POST /invoices',
  weight,
  expect: [201],
  request: (ctx) => ({
    method: 'POST',
    path: '/invoices',
    headers: { authorization: ctx.authorization },
    body: {
      userId: ctx.userId(),
      amountCents: 100 + Math.floor(ctx.random() * 100_000),
      currency: CURRENCIES[Math.floor(ctx.random() * CURRENCIES.length)],
    },
  }),
});

export const payInvoice = (weight: number): RequestDefinition => ({
  name: 'POST /invoices/:id/pay',
  weight,
  request: (ctx) => {
    const invoice = ctx.invoice();
    // Only the invoice's owner may pay it: its id and token come as a pair.
    return { method: 'POST', path: `/invoices/${invoice.id}/pay`, headers: { authorization: invoice.authorization } };
  },
});
