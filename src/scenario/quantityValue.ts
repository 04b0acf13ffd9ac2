import type { Quantity } from "./Scenario.js";

/** The number a {@link Quantity} stands for, given parameter values. */
export function quantityValue(quantity: Quantity, values: ArrayLike<number>): number {
  return quantity.kind === "constant" ? quantity.value : values[quantity.index]!;
}
