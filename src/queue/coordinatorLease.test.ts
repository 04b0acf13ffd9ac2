import { describe, expect, it } from "vitest";
import {
  COORDINATOR_LEASE_ENV,
  COORDINATOR_LEASE_MS,
  coordinatorLeaseMs,
} from "./coordinatorLease.js";

describe("coordinatorLeaseMs", () => {
  it("is the default unless the test-only variable sets whole milliseconds", () => {
    expect(coordinatorLeaseMs({})).toBe(COORDINATOR_LEASE_MS);
    expect(coordinatorLeaseMs({ [COORDINATOR_LEASE_ENV]: "" })).toBe(COORDINATOR_LEASE_MS);
    expect(coordinatorLeaseMs({ [COORDINATOR_LEASE_ENV]: "1500" })).toBe(1500);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["abc", "1.5", "50", "-3", "3600001"]) {
      expect(() => coordinatorLeaseMs({ [COORDINATOR_LEASE_ENV]: bad })).toThrow(
        new RegExp(
          `^${COORDINATOR_LEASE_ENV}=${bad}: expected whole milliseconds from 100 to 3600000`,
        ),
      );
    }
  });
});
