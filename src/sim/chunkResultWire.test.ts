import { describe, expect, it } from "vitest";
import { decodeChunkResults, encodeChunkResults } from "./chunkResultWire.js";
import type { ChunkResult } from "./runChunk.js";
import { MAX_JOB_CHUNKS } from "./SimulationChunkJob.js";

/** A chunk result of `runs` runs with odd-sized arrays (so padding is exercised) and awkward values. */
function result(firstRun: number, runs: number, keepSeries: boolean): ChunkResult {
  const outputs = Float64Array.from({ length: 3 * runs }, (_, i) => i / 7 - 1);
  outputs[0] = -0;
  outputs[1] = Number.NaN;
  outputs[2] = Number.NEGATIVE_INFINITY;
  return {
    firstRun,
    runs,
    types: Int32Array.from({ length: runs }, (_, i) => (i * 5) % 3),
    outputs,
    seriesSums: Float64Array.from({ length: 5 }, (_, i) => 1e300 * i),
    series: keepSeries ? Float32Array.from({ length: 5 * runs }, (_, i) => i / 3) : null,
    beliefSums: Float64Array.from({ length: 7 }, (_, i) => Math.PI * i),
  };
}

/** The bytes of a typed array. */
function bytes(array: Int32Array | Float64Array | Float32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A frame's 32-bit word `i` replaced by `value`. */
function withWord(frame: Buffer, i: number, value: number): Buffer {
  const copy = Buffer.from(frame);
  copy.writeUInt32LE(value, 4 * i);
  return copy;
}

describe("chunk results on the wire", () => {
  it("round-trips several results bit for bit (-0, NaN, ±Infinity), with and without series, arrays 8-aligned", () => {
    const sent = [result(0, 3, true), result(3, 5, false), result(8, 1, true)];
    const frame = encodeChunkResults(sent);
    expect(frame.byteLength % 8).toBe(0);
    // the frame is read from any offset of a larger buffer (as Redis clients hand it over)
    const shifted = Buffer.concat([Buffer.alloc(3), frame]).subarray(3);
    const received = decodeChunkResults(shifted);
    expect(received).toHaveLength(3);
    received.forEach((got, i) => {
      const want = sent[i]!;
      expect([got.firstRun, got.runs]).toEqual([want.firstRun, want.runs]);
      for (const key of ["types", "outputs", "seriesSums", "series", "beliefSums"] as const) {
        const a = want[key];
        const b = got[key];
        if (a === null) {
          expect(b).toBeNull();
          continue;
        }
        expect(b!.constructor).toBe(a.constructor);
        expect(b!.byteOffset % 8).toBe(0);
        expect(bytes(b!)).toEqual(bytes(a));
      }
    });
  });

  it("refuses what is not a frame: too short, another magic, version or byte order", () => {
    const frame = encodeChunkResults([result(0, 2, false)]);
    expect(() => decodeChunkResults(Buffer.alloc(8))).toThrow(/8 bytes is not a frame/);
    expect(() => decodeChunkResults(frame.subarray(0, frame.byteLength - 4))).toThrow(
      /not a frame/,
    );
    expect(() => decodeChunkResults(Buffer.from(JSON.stringify([{ firstRun: 0, x: 1 }])))).toThrow(
      /malformed chunk results: .*(not a frame|does not start with LKCR)/,
    );
    expect(() => decodeChunkResults(withWord(frame, 0, 0x12345678))).toThrow(
      /does not start with LKCR/,
    );
    const swapped = Buffer.from(frame);
    swapped.writeUInt32BE(0x52434b4c, 0);
    expect(() => decodeChunkResults(swapped)).toThrow(/other byte order/);
    expect(() => decodeChunkResults(withWord(frame, 1, 2))).toThrow(
      /layout version 2, this linkage reads version 1/,
    );
  });

  it("refuses counts, run counts, series flags and lengths that do not add up", () => {
    const frame = encodeChunkResults([result(0, 2, false), result(2, 2, true)]);
    expect(() => decodeChunkResults(withWord(frame, 2, 0))).toThrow(/0 results \(1 to 1000/);
    expect(() => decodeChunkResults(withWord(frame, 2, MAX_JOB_CHUNKS + 1))).toThrow(
      /1001 results/,
    );
    // three results claimed, two written: the third's header runs into the arrays, which then
    // do not add up to the frame
    expect(() => decodeChunkResults(withWord(frame, 2, 3))).toThrow(/malformed chunk results/);
    // result 0's runs (word 5) and run types (word 7)
    expect(() => decodeChunkResults(withWord(frame, 5, 0))).toThrow(
      /result 0 has 2 run types for 0 runs/,
    );
    expect(() => decodeChunkResults(withWord(frame, 7, 3))).toThrow(
      /result 0 has 3 run types for 2 runs/,
    );
    // result 0's series flag (word 6): 2 is no flag; 1 claims series with none counted
    expect(() => decodeChunkResults(withWord(frame, 6, 2))).toThrow(/series flag 2/);
    expect(() => decodeChunkResults(withWord(frame, 14, 0))).toThrow(
      /result 1's series flag 0 and its 10 series values disagree/,
    );
    // result 0's outputs (word 8) one more than written; result 1's beliefSums (word 19) huge
    expect(() => decodeChunkResults(withWord(frame, 8, 7))).toThrow(
      /its arrays need \d+ bytes, the frame has \d+/,
    );
    expect(() => decodeChunkResults(withWord(frame, 19, 2 ** 32 - 1))).toThrow(
      /its arrays need \d+ bytes/,
    );
    expect(() => decodeChunkResults(Buffer.concat([frame, Buffer.alloc(8)]))).toThrow(
      /the frame has \d+/,
    );
  });
});
