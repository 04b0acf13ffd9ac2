import { z } from "zod";
import { LinkageError } from "../errors/LinkageError.js";
import type { ChunkResult } from "./runChunk.js";

/** A typed array's bytes in base64 (the machine's byte order: little-endian on x86-64 and arm64). */
function bytes64(array: Float64Array | Float32Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** Schema of a {@link ChunkResultWire}. */
const chunkResultWireSchema = z.strictObject({
  firstRun: z.number().int().min(0),
  runs: z.number().int().min(1),
  types: z.base64(),
  outputs: z.base64(),
  seriesSums: z.base64(),
  series: z.base64().nullable(),
  beliefSums: z.base64(),
});

/**
 * A {@link ChunkResult} as JSON-safe data: every typed array as the base64 of its bytes, so a
 * result crosses process and machine boundaries bit for bit (no decimal round trip).
 */
export type ChunkResultWire = z.infer<typeof chunkResultWireSchema>;

/** The wire form of a chunk result (see {@link ChunkResultWire}). */
export function encodeChunkResult(result: ChunkResult): ChunkResultWire {
  return {
    firstRun: result.firstRun,
    runs: result.runs,
    types: bytes64(result.types),
    outputs: bytes64(result.outputs),
    seriesSums: bytes64(result.seriesSums),
    series: result.series ? bytes64(result.series) : null,
    beliefSums: bytes64(result.beliefSums),
  };
}

/**
 * Decodes untrusted wire data back into a {@link ChunkResult}, each array copied into its own
 * aligned buffer.
 * @throws {LinkageError} E_INPUT when the data is not a chunk result or an array's byte length is
 *   not a whole number of elements
 */
export function decodeChunkResult(data: unknown): ChunkResult {
  const parsed = chunkResultWireSchema.safeParse(data);
  if (!parsed.success) {
    throw new LinkageError("E_INPUT", `malformed chunk result: ${z.prettifyError(parsed.error)}`);
  }
  const wire = parsed.data;
  const typed = <T>(
    name: string,
    text: string,
    size: number,
    make: (buffer: ArrayBuffer) => T,
  ): T => {
    const raw = Buffer.from(text, "base64");
    if (raw.byteLength % size !== 0) {
      throw new LinkageError(
        "E_INPUT",
        `malformed chunk result: ${name} has ${raw.byteLength} bytes, not a multiple of ${size}`,
      );
    }
    const buffer = new ArrayBuffer(raw.byteLength);
    new Uint8Array(buffer).set(raw);
    return make(buffer);
  };
  const types = typed("types", wire.types, 4, (b) => new Int32Array(b));
  if (types.length !== wire.runs) {
    throw new LinkageError(
      "E_INPUT",
      `malformed chunk result: ${types.length} run types for ${wire.runs} runs`,
    );
  }
  return {
    firstRun: wire.firstRun,
    runs: wire.runs,
    types,
    outputs: typed("outputs", wire.outputs, 8, (b) => new Float64Array(b)),
    seriesSums: typed("seriesSums", wire.seriesSums, 8, (b) => new Float64Array(b)),
    series:
      wire.series === null ? null : typed("series", wire.series, 4, (b) => new Float32Array(b)),
    beliefSums: typed("beliefSums", wire.beliefSums, 8, (b) => new Float64Array(b)),
  };
}
