/**
 * Orders to run n setups in, one after another, such that across the orders every setup
 * runs in every position equally often and right after every other setup equally often
 * (Williams' design for crossover trials). What one setup leaves behind for the next
 * (garbage still to collect, caches warmed or evicted) then falls on each of the others
 * alike. A plain rotation keeps the cycle: B always runs right after A.
 *
 * Even n: n orders, each ordered pair adjacent exactly once. Odd n: 2n orders (each row
 * and its reverse), each ordered pair adjacent exactly twice.
 */
export function balancedOrders(n) {
  // First row 0, 1, n-1, 2, n-2, 3, …; row r adds r to every entry (mod n).
  const first = [];
  for (let j = 0, low = 1, high = n - 1; j < n; j++) first.push(j === 0 ? 0 : j % 2 === 1 ? low++ : high--);
  const rows = [];
  for (let r = 0; r < n; r++) rows.push(first.map((value) => (value + r) % n));
  return n % 2 === 0 || n === 1 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}
