import { describe, expect, it } from "vitest";
import { formatPhoneLocal, normalizePhone, phoneForWhatsApp } from "@/lib/phone";

describe("normalizePhone", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["(0812) 3456 7890", "+6281234567890"],
    ["+62 (812) 3456.7890", "+6281234567890"],
    ["  0812 3456 7890  ", "+6281234567890"],
    ["0857-1234-567", "+628571234567"],
    ["0895 1234 5678", "+6289512345678"],
  ])("%j → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it("accepts 9 to 12 digits after the country code, nothing shorter or longer", () => {
    expect(normalizePhone("081234567")).toBeNull();
    expect(normalizePhone("0812345678")).toBe("+62812345678");
    expect(normalizePhone("0812345678901")).toBe("+62812345678901");
    expect(normalizePhone("08123456789012")).toBeNull();
    expect(normalizePhone("+62812345678")).toBe("+62812345678");
    expect(normalizePhone("+6281234567")).toBeNull();
    expect(normalizePhone("+62812345678901")).toBe("+62812345678901");
    expect(normalizePhone("+628123456789012")).toBeNull();
  });

  it.each([
    ["0251-8321234", "a Bogor landline"],
    ["(0251) 832 1234", "a Bogor landline in brackets"],
    ["021-5551234", "a Jakarta landline"],
    ["+62 21 5551234", "a Jakarta landline in international form"],
    ["622518321234", "a landline with the country code"],
  ])("rejects %j (%s)", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["0812-3456-78ab", "letters"],
    ["+1 555 123 4567", "another country"],
    ["0062 812 3456 7890", "the 00 international prefix"],
    ["+62 0812 3456 7890", "the national 0 after the country code"],
    ["++6281234567890", "two plus signs"],
    ["81234567890", "no prefix at all"],
    ["0812/3456/7890", "slashes"],
    ["0812_3456_7890", "underscores"],
    ["<script>0812</script>", "markup"],
  ])("rejects %j (%s)", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("formatPhoneLocal and phoneForWhatsApp", () => {
  it("writes the number the way Indonesians read it", () => {
    expect(formatPhoneLocal("+6281234567890")).toBe("0812-3456-7890");
    expect(formatPhoneLocal("+628571234567")).toBe("0857-1234-567");
    expect(formatPhoneLocal("+62812345678")).toBe("0812-3456-78");
  });

  it("gives wa.me the digits with the country code", () => {
    expect(phoneForWhatsApp("+6281234567890")).toBe("6281234567890");
  });
});
