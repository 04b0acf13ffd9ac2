import { LinkageError } from "../errors/LinkageError.js";
import type { ChunkResult } from "./runChunk.js";
import { MAX_JOB_CHUNKS } from "./SimulationChunkJob.js";

/**
 * "LKCR" as the first four bytes of a frame, read as a 32-bit word in the machine's byte order:
 * a frame written on a machine of the other byte order reads as {@link MAGIC_SWAPPED}.
 */
const MAGIC = 0x52434b4c;
const MAGIC_SWAPPED = 0x4c4b4352;
/** Version of the frame's layout, after the magic word. */
const FRAME_VERSION = 1;
/** 32-bit words before the results' headers: magic, version, result count, zero padding. */
const FRAME_WORDS = 4;
/** 32-bit words of one result's header (see {@link encodeChunkResults}). */
const RESULT_WORDS = 8;

/** One result's header in a frame: its run range, series flag and array lengths (elements). */
interface ResultHeader {
  readonly firstRun: number;
  readonly runs: number;
  readonly keepsSeries: number;
  readonly types: number;
  readonly outputs: number;
  readonly seriesSums: number;
  readonly series: number;
  readonly beliefSums: number;
}

/** Bytes of `count` elements of `size` bytes, rounded up to a multiple of 8 (every array starts 8-aligned). */
function padded(count: number, size: number): number {
  return Math.ceil((count * size) / 8) * 8;
}

/** Bytes of a result's arrays in a frame, padding included. */
function arrayBytes(
  types: number,
  outputs: number,
  seriesSums: number,
  series: number,
  beliefSums: number,
): number {
  return (
    padded(types, 4) +
    padded(outputs, 8) +
    padded(seriesSums, 8) +
    padded(series, 4) +
    padded(beliefSums, 8)
  );
}

/**
 * The wire form of a job's chunk results: one binary frame that crosses process and machine
 * boundaries bit for bit (no decimal or base64 round trip) and is stored in Redis as is.
 *
 * Layout, in 32-bit words of the machine's byte order (little-endian on x86-64 and arm64): the
 * magic "LKCR", the layout version, the result count and a zero; then per result eight words,
 * firstRun, runs, 1 if it keeps its series (else 0), and the element counts of types, outputs,
 * seriesSums, series (0 without) and beliefSums; then per result its arrays in that order, each
 * padded to a multiple of 8 bytes, so every array starts 8-aligned.
 */
export function encodeChunkResults(results: readonly ChunkResult[]): Buffer {
  let bytes = (FRAME_WORDS + RESULT_WORDS * results.length) * 4;
  for (const r of results) {
    bytes += arrayBytes(
      r.types.length,
      r.outputs.length,
      r.seriesSums.length,
      r.series?.length ?? 0,
      r.beliefSums.length,
    );
  }
  const frame = Buffer.alloc(bytes);
  const words = new Uint32Array(
    frame.buffer,
    frame.byteOffset,
    FRAME_WORDS + RESULT_WORDS * results.length,
  );
  words.set([MAGIC, FRAME_VERSION, results.length, 0]);
  let at = words.byteLength;
  const put = (array: Int32Array | Float64Array | Float32Array) => {
    frame.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += padded(array.length, array.BYTES_PER_ELEMENT);
  };
  results.forEach((r, i) => {
    words.set(
      [
        r.firstRun,
        r.runs,
        r.series ? 1 : 0,
        r.types.length,
        r.outputs.length,
        r.seriesSums.length,
        r.series?.length ?? 0,
        r.beliefSums.length,
      ],
      FRAME_WORDS + RESULT_WORDS * i,
    );
  });
  for (const r of results) {
    put(r.types);
    put(r.outputs);
    put(r.seriesSums);
    if (r.series) put(r.series);
    put(r.beliefSums);
  }
  return frame;
}

/**
 * Decodes an untrusted frame (see {@link encodeChunkResults}) back into chunk results. The frame
 * is copied once into an aligned buffer that the results' arrays view.
 * @throws {LinkageError} E_INPUT "malformed chunk results: …" when the frame is not one: too
 *   short, another magic, version or byte order, a count out of range (1 to MAX_JOB_CHUNKS), a
 *   result whose run count is 0 or differs from its run types', a series flag that is neither 0
 *   nor 1, or array lengths that do not add up to the frame's exact length
 */
export function decodeChunkResults(frame: Uint8Array): ChunkResult[] {
  const malformed = (why: string) => new LinkageError("E_INPUT", `malformed chunk results: ${why}`);
  if (frame.byteLength < FRAME_WORDS * 4 || frame.byteLength % 8 !== 0) {
    throw malformed(`${frame.byteLength} bytes is not a frame (at least 16, a multiple of 8)`);
  }
  const copy = new Uint8Array(frame.byteLength);
  copy.set(frame);
  const buffer = copy.buffer;
  const head = new Uint32Array(buffer, 0, FRAME_WORDS);
  if (head[0] === MAGIC_SWAPPED) {
    throw malformed("written on a machine of the other byte order");
  }
  if (head[0] !== MAGIC) throw malformed("it does not start with LKCR");
  if (head[1] !== FRAME_VERSION) {
    throw malformed(`layout version ${head[1]}, this linkage reads version ${FRAME_VERSION}`);
  }
  const count = head[2]!;
  if (count < 1 || count > MAX_JOB_CHUNKS) {
    throw malformed(`${count} results (1 to ${MAX_JOB_CHUNKS} expected)`);
  }
  let at = (FRAME_WORDS + RESULT_WORDS * count) * 4;
  if (at > frame.byteLength) {
    throw malformed(`${frame.byteLength} bytes cannot hold the headers of ${count} results`);
  }
  const words = new Uint32Array(buffer, 0, FRAME_WORDS + RESULT_WORDS * count);
  const headers: ResultHeader[] = [];
  let expected = at;
  for (let i = 0; i < count; i++) {
    const w = FRAME_WORDS + RESULT_WORDS * i;
    const h: ResultHeader = {
      firstRun: words[w]!,
      runs: words[w + 1]!,
      keepsSeries: words[w + 2]!,
      types: words[w + 3]!,
      outputs: words[w + 4]!,
      seriesSums: words[w + 5]!,
      series: words[w + 6]!,
      beliefSums: words[w + 7]!,
    };
    if (h.runs < 1 || h.types !== h.runs) {
      throw malformed(`result ${i} has ${h.types} run types for ${h.runs} runs`);
    }
    if (h.keepsSeries > 1 || (h.keepsSeries === 0 && h.series !== 0)) {
      throw malformed(
        `result ${i}'s series flag ${h.keepsSeries} and its ${h.series} series values disagree`,
      );
    }
    expected += arrayBytes(h.types, h.outputs, h.seriesSums, h.series, h.beliefSums);
    headers.push(h);
  }
  if (expected !== frame.byteLength) {
    throw malformed(`its arrays need ${expected} bytes, the frame has ${frame.byteLength}`);
  }
  const take = <T extends Int32Array | Float64Array | Float32Array>(
    make: new (b: ArrayBuffer, offset: number, length: number) => T,
    length: number,
  ): T => {
    const array = new make(buffer, at, length);
    at += padded(length, array.BYTES_PER_ELEMENT);
    return array;
  };
  return headers.map((h) => ({
    firstRun: h.firstRun,
    runs: h.runs,
    types: take(Int32Array, h.types),
    outputs: take(Float64Array, h.outputs),
    seriesSums: take(Float64Array, h.seriesSums),
    series: h.keepsSeries === 1 ? take(Float32Array, h.series) : null,
    beliefSums: take(Float64Array, h.beliefSums),
  }));
}
