import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { csvRecords } from "./csvRecords.js";

const records = (text: string) => [...csvRecords(text, "t.csv")];

describe("csvRecords", () => {
  it("reads quoted commas, doubled quotes and empty fields", () => {
    const [r] = records('a,"b,c","say ""hi""",,"",x"y\n');
    expect(r!.fields).toEqual(["a", "b,c", 'say "hi"', "", "", 'x"y']);
    expect(r!.fieldColumns).toEqual([1, 3, 9, 22, 23, 26]);
  });

  it("counts lines as an editor does: CRLF, LF and CR, a BOM, comments, empty lines and multi-line quoted fields", () => {
    const text =
      '\ufeff# synthetic\r\na,b,c\r\n1,"x,y",3\r\n\r\n# c2\r\n4,"multi\r\nline",6\n7,8,9\r10,11,12';
    const got = records(text);
    expect(got.map((r) => r.line)).toEqual([2, 3, 6, 8, 9]);
    expect(got[2]!.fields).toEqual(["4", "multi\r\nline", "6"]);
    expect(got[2]!.fieldLines).toEqual([6, 6, 7]);
    expect(got[2]!.fieldColumns).toEqual([1, 3, 7]);
    expect(got[0]!.fieldColumns).toEqual([1, 3, 5]); // the BOM takes no column
  });

  it("ends the last record at a final line break, and reads a last line without one", () => {
    expect(records("a\n1\n").map((r) => r.fields)).toEqual([["a"], ["1"]]);
    expect(records("a\n1").map((r) => r.fields)).toEqual([["a"], ["1"]]);
    expect(records("a,\n").map((r) => r.fields)).toEqual([["a", ""]]);
    expect(records("")).toEqual([]);
    expect(records("\ufeff")).toEqual([]);
    expect(records("# only a comment")).toEqual([]);
  });

  it("locates a quoted field never closed at its opening quote", () => {
    const e = errorOf(() => records('a,b\n1,"open\nstill open\n'));
    expect(e.code).toBe("E_INPUT");
    expect(e.message).toMatch(/^t\.csv:2:3: invalid CSV: a quoted field is never closed/);
    expect(e.location).toEqual({ file: "t.csv", line: 2, column: 3 });
  });

  it("locates text after a closing quote", () => {
    const e = errorOf(() => records('a,b\r\n1,"x"y\r\n'));
    expect(e.message).toBe(
      't.csv:2:6: invalid CSV: found "y" after the closing quote of a field, expected a comma or the end of the line',
    );
  });
});
