/**
 * The lint benchmark's run orders (bench/balanced-orders.mjs): every setup in every
 * position equally often, and right after every other setup equally often.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { balancedOrders } from '../bench/balanced-orders.mjs';

const ordersOf = balancedOrders as (n: number) => number[][];

function counts(orders: number[][]): { positions: Map<string, number>; followers: Map<string, number> } {
  const positions = new Map<string, number>();
  const followers = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const order of orders) {
    order.forEach((setup, position) => add(positions, `${setup}@${position}`));
    for (let i = 1; i < order.length; i++) add(followers, `${order[i - 1]}>${order[i]}`);
  }
  return { positions, followers };
}

describe('balancedOrders', () => {
  it('gives the six lint setups six orders: each in each position once, each right after each other once', () => {
    const orders = ordersOf(6);
    expect(orders[0]).toEqual([0, 1, 5, 2, 4, 3]);
    expect(orders).toHaveLength(6);
    for (const order of orders) expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const { positions, followers } = counts(orders);
    expect(positions.size).toBe(36);
    expect(new Set(positions.values())).toEqual(new Set([1]));
    expect(followers.size).toBe(30);
    expect(new Set(followers.values())).toEqual(new Set([1]));
  });

  it.each([2, 3, 4, 5, 7, 8])('balances %i setups too (odd counts with each order reversed as well)', (n) => {
    const orders = ordersOf(n);
    expect(orders).toHaveLength(n % 2 === 0 ? n : 2 * n);
    const { positions, followers } = counts(orders);
    expect(positions.size).toBe(n * n);
    expect(new Set(positions.values()).size).toBe(1);
    expect(followers.size).toBe(n * (n - 1));
    expect(new Set(followers.values()).size).toBe(1);
  });

  it('is a single order for a single setup', () => {
    expect(ordersOf(1)).toEqual([[0]]);
  });
});
